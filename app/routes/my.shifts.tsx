// "Mine vagter": a young person's shifts. Open shifts on the jobs they have
// (with a warning first when the work-time rules would refuse one), taking
// one, their own coming shifts with a way to ask to be let off or swap, and
// hours and pocket money per month — confirmed hours only, the rest shown
// apart as waiting for confirmation.
import type { z } from "zod";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RefusalAlert, ViolationList } from "~/components/shifts/refusal.tsx";
import { ShiftWhen } from "~/components/shifts/shift-when.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField, TextareaField } from "~/components/ui/choice.tsx";
import { textIn } from "~/domain/activities/text.ts";
import { swapRequestSchema, takeSchema } from "~/domain/jobs/shift-schemas.ts";
import { myShifts } from "~/domain/jobs/shift-views.server.ts";
import { refusalData, ShiftError, requestSwap, takeShift } from "~/domain/jobs/shifts.server.ts";
import { durationText } from "~/domain/jobs/work-time-text.ts";
import { refusal } from "~/web/http.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatKroner, formatNumber, formatMonth } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "shifts:my.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "YOUTH");
  const [page, language] = await Promise.all([myShifts(user.personId), getLanguage(request)]);
  const title = (value: unknown) => textIn(value, language);
  return {
    ...page,
    open: page.open.map((shift) => ({ ...shift, title: title(shift.title) })),
    upcoming: page.upcoming.map((shift) => ({ ...shift, title: title(shift.title) })),
    waiting: page.waiting.map((shift) => ({ ...shift, title: title(shift.title) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "YOUTH");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "take") {
    const submission = parseWithZod(formData, { schema: takeSchema });
    if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
    try {
      await takeShift({ shiftId: submission.value.shiftId, personId: user.personId, userId: user.id });
    } catch (error) {
      return { form: `take-${submission.value.shiftId}`, result: null, refusal: refusalData(refusal(error, ShiftError, { pageGone: ["notFound"] })) };
    }
    return redirect("/my/shifts?done=taken");
  }
  if (intent === "swap") {
    const formId = `swap-${String(formData.get("assignmentId"))}`;
    const submission = parseWithZod(formData, { schema: swapRequestSchema });
    if (submission.status !== "success") return { form: formId, result: submission.reply(), refusal: null };
    try {
      await requestSwap({
        assignmentId: submission.value.assignmentId,
        personId: user.personId,
        userId: user.id,
        reason: submission.value.reason,
        takeOverEmploymentId: submission.value.takeOverEmploymentId ?? null,
      });
    } catch (error) {
      return { form: formId, result: submission.reply(), refusal: refusalData(refusal(error, ShiftError, { pageGone: ["notFound"] })) };
    }
    return redirect("/my/shifts?done=asked");
  }
  throw new Response("Bad request", { status: 400 });
}

type Upcoming = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function SwapForm({ shift }: { shift: Upcoming }) {
  const { t } = useTranslation("shifts");
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const formId = `swap-${shift.assignmentId}`;
  const [form, fields] = useForm<z.input<typeof swapRequestSchema>>({
    id: formId,
    lastResult: reply?.form === formId ? reply.result : undefined,
  });
  return (
    <details className="rounded-lg border border-slate-200 p-2" open={reply?.form === formId || undefined}>
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">{t("my.askOff")}</summary>
      {reply?.form === formId ? <RefusalAlert refusal={reply.refusal} /> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="swap" />
        <input type="hidden" name="assignmentId" value={shift.assignmentId} />
        <TextareaField
          {...getTextareaProps(fields.reason)}
          id={fields.reason.id}
          label={t("my.reason")}
          hint={t("my.reasonHint")}
          errors={fields.reason.errors?.map((error) => t(error))}
        />
        {shift.colleagues.length ? (
          <SelectField
            id={fields.takeOverEmploymentId.id}
            name={fields.takeOverEmploymentId.name}
            label={t("my.colleague")}
            hint={t("my.colleagueHint")}
            defaultValue=""
          >
            <option value="">{t("my.noColleague")}</option>
            {shift.colleagues.map((colleague) => (
              <option key={colleague.employmentId} value={colleague.employmentId}>
                {colleague.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Button type="submit" size="sm" pending={navigation.state !== "idle"}>
          {t("my.send")}
        </Button>
      </Form>
    </details>
  );
}

export default function MyShifts() {
  const { t } = useTranslation("shifts");
  const language = useLanguage();
  const { employed, open, upcoming, waiting, months } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const done = params.get("done");
  const n = (value: number) => formatNumber(value, language);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("my.title")}</h1>
      {done === "taken" ? <Notice>{t("done.taken")}</Notice> : null}
      {done === "asked" ? <Notice>{t("done.asked")}</Notice> : null}
      {!employed ? <p>{t("my.notEmployed")}</p> : null}

      <section aria-labelledby="mine-heading" className="space-y-2">
        <h2 id="mine-heading" className="text-xl font-bold">
          {t("my.upcoming")}
        </h2>
        {upcoming.length === 0 ? <p>{t("my.noUpcoming")}</p> : null}
        <ul className="space-y-2">
          {upcoming.map((shift) => (
            <li key={shift.assignmentId} className="space-y-2 rounded-xl border border-slate-200 p-3">
              <p className="font-semibold">{shift.title}</p>
              <p>
                <ShiftWhen startsAt={shift.startsAt} endsAt={shift.endsAt} />
              </p>
              <p className="text-sm text-slate-700">{shift.place}</p>
              {shift.request?.status === "OPEN" ? (
                <p className="font-semibold">{t("my.requestOpen")}</p>
              ) : shift.request?.status === "DECLINED" ? (
                <p>{t("my.requestDeclined")}</p>
              ) : null}
              {!shift.started && shift.request?.status !== "OPEN" ? <SwapForm shift={shift} /> : null}
            </li>
          ))}
        </ul>
      </section>

      {employed ? (
        <section aria-labelledby="open-heading" className="space-y-2">
          <h2 id="open-heading" className="text-xl font-bold">
            {t("my.open")}
          </h2>
          {open.length === 0 ? <p>{t("my.noOpen")}</p> : null}
          <ul className="space-y-2">
            {open.map((shift) => {
              const formId = `take-${shift.id}`;
              return (
                <li key={shift.id} className="space-y-2 rounded-xl border border-slate-200 p-3">
                  {shift.violations.length ? (
                    <div className="rounded-lg border-2 border-amber-600 bg-amber-50 p-2">
                      <p className="font-semibold">{t("my.warning")}</p>
                      <ViolationList violations={shift.violations} name={null} />
                    </div>
                  ) : null}
                  <p className="font-semibold">{shift.title}</p>
                  <p>
                    <ShiftWhen startsAt={shift.startsAt} endsAt={shift.endsAt} />
                  </p>
                  <p className="text-sm text-slate-700">
                    {shift.place}
                    {shift.note ? ` · ${shift.note}` : null} · {t("shift.free", { number: n(shift.free) })}
                  </p>
                  {reply?.form === formId ? <RefusalAlert refusal={reply.refusal} /> : null}
                  {shift.violations.length ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="take" />
                      <input type="hidden" name="shiftId" value={shift.id} />
                      <Button type="submit" size="sm" pending={navigation.state !== "idle"}>
                        {t("my.take")}
                        <span className="sr-only">
                          {" "}
                          <ShiftWhen startsAt={shift.startsAt} endsAt={shift.endsAt} />
                        </span>
                      </Button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="pay-heading" className="space-y-2">
        <h2 id="pay-heading" className="text-xl font-bold">
          {t("my.pay")}
        </h2>
        <p className="text-sm text-slate-700">{t("my.payIntro")}</p>
        {months.length === 0 ? <p>{t("my.noHours")}</p> : null}
        <ul className="space-y-2">
          {months.map((month) => (
            <li key={month.month} className="rounded-xl border border-slate-200 p-3">
              <h3 className="font-semibold first-letter:uppercase">{formatMonth(month.month, language)}</h3>
              <p>
                {t("my.worked", { duration: durationText(t, month.minutes, language), shifts: n(month.shifts) })} ·{" "}
                <strong>{t("my.earned", { amount: formatKroner(month.payOre, language) })}</strong>
              </p>
              {month.waitingShifts ? (
                <p className="text-sm">{t("my.waiting", { duration: durationText(t, month.waitingMinutes, language), shifts: n(month.waitingShifts) })}</p>
              ) : null}
            </li>
          ))}
        </ul>
        {waiting.length ? (
          <details className="rounded-lg border border-slate-200 p-2">
            <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("my.waitingList")}</summary>
            <ul className="list-disc ps-5">
              {waiting.map((shift) => (
                <li key={shift.assignmentId}>
                  {shift.title}, <ShiftWhen startsAt={shift.startsAt} endsAt={shift.endsAt} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </div>
  );
}
