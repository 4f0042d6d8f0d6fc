// Shifts across job postings for staff, and for partners the shifts they are
// responsible for: upcoming shifts, shifts that ended and wait for hours to
// be confirmed, and open swap requests to approve or decline.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RefusalAlert } from "~/components/shifts/refusal.tsx";
import { ShiftWhen } from "~/components/shifts/shift-when.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { textIn } from "~/domain/activities/text.ts";
import { swapDecisionSchema } from "~/domain/jobs/shift-schemas.ts";
import { shiftsOverview } from "~/domain/jobs/shift-views.server.ts";
import { decideSwap, refusalData, ShiftError } from "~/domain/jobs/shifts.server.ts";
import { isolated } from "~/domain/text-rules.ts";
import { isStaff } from "~/lib/roles.ts";
import { refusal } from "~/web/http.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "shifts:overview.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  const [overview, language] = await Promise.all([shiftsOverview({ userId: user.id, role: user.role }), getLanguage(request)]);
  const title = (value: unknown) => textIn(value, language);
  return {
    isStaff: isStaff(user),
    upcoming: overview.upcoming.map((shift) => ({ ...shift, title: title(shift.title) })),
    awaiting: overview.awaiting.map((shift) => ({ ...shift, title: title(shift.title) })),
    swaps: overview.swaps.map((swap) => ({ ...swap, shift: { ...swap.shift, title: title(swap.shift.title) } })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  const submission = parseWithZod(await request.formData(), { schema: swapDecisionSchema });
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  try {
    await decideSwap({ requestId: submission.value.requestId, approve: submission.value.decision === "approve" }, { userId: user.id, role: user.role });
  } catch (error) {
    return { requestId: submission.value.requestId, refusal: refusalData(refusal(error, ShiftError, { pageGone: ["notFound"] })) };
  }
  return redirect(`/staff/jobs/shifts?done=${submission.value.decision === "approve" ? "approved" : "declined"}`);
}

export default function ShiftsOverview() {
  const { t } = useTranslation("shifts");
  const language = useLanguage();
  const { upcoming, awaiting, swaps, isStaff } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const n = (value: number) => formatNumber(value, language);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("overview.title")}</h1>
      {isStaff ? (
        <p className="flex flex-wrap gap-x-4">
          <Link to="/staff/jobs/hours" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
            {t("hours.title")}
          </Link>
          <Link to="/staff/holidays" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
            {t("holidays.title")}
          </Link>
        </p>
      ) : null}
      {done === "approved" ? <Notice>{t("done.approved")}</Notice> : null}
      {done === "declined" ? <Notice>{t("done.declined")}</Notice> : null}

      <section aria-labelledby="swaps-heading" className="space-y-2">
        <h2 id="swaps-heading" className="text-xl font-bold">
          {t("overview.swaps", { number: n(swaps.length) })}
        </h2>
        {swaps.length === 0 ? <p>{t("overview.noSwaps")}</p> : null}
        <ul className="space-y-2">
          {swaps.map((swap) => (
            <li key={swap.id} className="space-y-2 rounded-xl border border-slate-200 p-3">
              <p className="font-semibold">
                <bdi>{swap.name}</bdi> – <bdi>{swap.shift.title}</bdi>
              </p>
              <p>
                <Link to={`/staff/jobs/shifts/${swap.shift.id}`} className="text-brand-800 underline">
                  <ShiftWhen startsAt={swap.shift.startsAt} endsAt={swap.shift.endsAt} />
                </Link>
              </p>
              <p>{t("overview.reason", { reason: isolated(swap.reason) })}</p>
              <p>{swap.colleague ? t("overview.colleague", { name: isolated(swap.colleague) }) : t("overview.noColleague")}</p>
              {reply?.requestId === swap.id ? <RefusalAlert refusal={reply.refusal} /> : null}
              <Form method="post" className="flex flex-wrap gap-2">
                <input type="hidden" name="requestId" value={swap.id} />
                <Button type="submit" name="decision" value="approve" size="sm">
                  {t("overview.approve")}
                  <span className="sr-only"> – {swap.name}</span>
                </Button>
                <Button type="submit" name="decision" value="decline" size="sm" variant="secondary">
                  {t("overview.decline")}
                  <span className="sr-only"> – {swap.name}</span>
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="awaiting-heading" className="space-y-2">
        <h2 id="awaiting-heading" className="text-xl font-bold">
          {t("overview.awaiting", { number: n(awaiting.length) })}
        </h2>
        {awaiting.length === 0 ? <p>{t("overview.noneAwaiting")}</p> : null}
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {awaiting.map((shift) => (
            <li key={shift.id} className="p-3">
              <Link to={`/staff/jobs/shifts/${shift.id}`} className="font-semibold text-brand-800 underline">
                {shift.title}, <ShiftWhen startsAt={shift.startsAt} endsAt={shift.endsAt} />
              </Link>
              <p className="text-sm">{t("overview.unconfirmed", { number: n(shift.unconfirmed) })}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="upcoming-heading" className="space-y-2">
        <h2 id="upcoming-heading" className="text-xl font-bold">
          {t("overview.upcoming", { number: n(upcoming.length) })}
        </h2>
        {upcoming.length === 0 ? <p>{t("overview.noneUpcoming")}</p> : null}
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {upcoming.map((shift) => (
            <li key={shift.id} className="p-3">
              <Link to={`/staff/jobs/shifts/${shift.id}`} className="font-semibold text-brand-800 underline">
                {shift.title}, <ShiftWhen startsAt={shift.startsAt} endsAt={shift.endsAt} />
              </Link>
              <p className="text-sm">
                {shift.place} · {shift.people.length ? t("shift.onIt", { names: shift.people.join(", ") }) : t("shift.nobodyYet")} ·{" "}
                {t("shift.free", { number: n(shift.free) })}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
