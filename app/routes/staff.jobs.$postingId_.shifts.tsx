// Plan shifts for a job posting (staff): one shift or the same weekday every
// week until a day; the upcoming shifts with who is on them and the free
// places; cancel a shift (the young people on it are told).
import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AcceptYoungRules, RefusalAlert } from "~/components/shifts/refusal.tsx";
import { ShiftFields, type ShiftFieldSet } from "~/components/shifts/shift-fields.tsx";
import { ShiftWhen } from "~/components/shifts/shift-when.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { Checkbox } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { pick } from "~/domain/activities/text.ts";
import { cancelShiftSchema, shiftPlanSchema } from "~/domain/jobs/shift-schemas.ts";
import { postingShifts } from "~/domain/jobs/shift-views.server.ts";
import { cancelShift, planShifts, refusalData, ShiftError, type PersonViolations } from "~/domain/jobs/shifts.server.ts";
import { isolated } from "~/domain/text-rules.ts";
import { refusal } from "~/web/http.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage, translator } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";
import { isId } from "~/lib/ids.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.heading);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  if (!isId(params.postingId ?? "")) notFound();
  const [page, language] = await Promise.all([postingShifts(params.postingId!), getLanguage(request)]);
  if (!page) notFound();
  const title = pick(page.posting.title, language);
  return { ...page, title, heading: `${translator(language, "shifts")("plan.title")}: ${title.text}` };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const postingId = params.postingId ?? "";
  if (!isId(postingId)) notFound();
  const formData = await request.formData();
  const actor = { userId: user.id, role: user.role };
  if (formData.get("intent") === "cancel") {
    const submission = parseWithZod(formData, { schema: cancelShiftSchema });
    if (submission.status !== "success") return { form: "cancel" as const, result: null, refusal: { code: "confirmCancel", people: [] as PersonViolations[] } };
    try {
      const told = await cancelShift({ shiftId: submission.value.shiftId, postingId }, actor);
      return redirect(`/staff/jobs/${postingId}/shifts?done=cancelled&told=${told}`);
    } catch (error) {
      return { form: "cancel" as const, result: null, refusal: refusalData(refusal(error, ShiftError, { pageGone: ["notFound"] })) };
    }
  }
  const submission = parseWithZod(formData, { schema: shiftPlanSchema });
  if (submission.status !== "success") return { form: "plan" as const, result: submission.reply(), refusal: null };
  try {
    const value = submission.value;
    const created = await planShifts(
      { ...value, postingId, responsibleUserId: value.responsibleUserId ?? null, note: value.note || null, repeatUntil: value.repeatUntil ?? null },
      user.id,
    );
    return redirect(`/staff/jobs/${postingId}/shifts?done=planned&created=${created}`);
  } catch (error) {
    return { form: "plan" as const, result: submission.reply(), refusal: refusalData(refusal(error, ShiftError, { pageGone: ["notFound"] })) };
  }
}

function PlanForm() {
  const { t } = useTranslation("shifts");
  const { responsible, posting } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof shiftPlanSchema>>({
    id: "plan",
    lastResult: reply?.form === "plan" ? reply.result : undefined,
    defaultValue: { place: posting.workPlace, slots: "1", breakMinutes: "0" },
  });
  return (
    <section aria-labelledby="plan-heading" className="space-y-2 rounded-xl border-2 border-brand-100 p-4">
      <h2 id="plan-heading" className="text-xl font-bold">
        {t("plan.new")}
      </h2>
      <p>{t("plan.intro")}</p>
      {reply?.form === "plan" ? <RefusalAlert refusal={reply.refusal} /> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <ShiftFields fields={fields as unknown as ShiftFieldSet} responsible={responsible} />
        {reply?.form === "plan" ? <AcceptYoungRules refusal={reply.refusal} /> : null}
        <Field
          {...getInputProps(fields.repeatUntil, { type: "date" })}
          id={fields.repeatUntil.id}
          label={t("fields.repeatUntil")}
          hint={t("fields.repeatHint")}
          errors={fields.repeatUntil.errors?.map((error) => t(error))}
        />
        <Button type="submit" pending={navigation.state !== "idle"}>
          {t("plan.save")}
        </Button>
      </Form>
    </section>
  );
}

export default function PostingShifts() {
  const { t } = useTranslation("shifts");
  const language = useLanguage();
  const { shifts, title, posting } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const n = (value: number) => formatNumber(value, language);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/staff/jobs/shifts" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          {t("overview.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t("plan.title")}: <span lang={title.language}>{title.text}</span>
      </h1>
      {done === "planned" ? <Notice>{t("done.planned", { number: n(Number(params.get("created") ?? 0)) })}</Notice> : null}
      {done === "cancelled" ? <Notice>{t("done.cancelled", { number: n(Number(params.get("told") ?? 0)) })}</Notice> : null}
      {reply?.form === "cancel" ? <RefusalAlert refusal={reply.refusal} /> : null}
      <section aria-labelledby="upcoming-heading" className="space-y-2">
        <h2 id="upcoming-heading" className="text-xl font-bold">
          {t("plan.upcoming", { number: n(shifts.filter((s) => !s.cancelled).length) })}
        </h2>
        {shifts.length === 0 ? <p>{t("plan.none")}</p> : null}
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {shifts.map((shift) => (
            <li key={shift.id} className="space-y-1 p-3">
              <p className="font-semibold">
                <Link to={`/staff/jobs/shifts/${shift.id}`} className="text-brand-800 underline">
                  <ShiftWhen startsAt={shift.startsAt} endsAt={shift.endsAt} />
                </Link>
                {shift.cancelled ? ` – ${t("shift.cancelled")}` : null}
              </p>
              <p className="text-sm text-slate-700">
                <bdi>{shift.place}</bdi>
                {shift.note ? (
                  <>
                    {" "}
                    · <bdi>{shift.note}</bdi>
                  </>
                ) : null}
                {shift.responsible ? ` · ${t("shift.responsibleIs", { name: isolated(shift.responsible) })}` : null}
              </p>
              {shift.cancelled ? null : (
                <>
                  <p>
                    {shift.people.length ? t("shift.onIt", { names: shift.people.join(", ") }) : t("shift.nobodyYet")} ·{" "}
                    {t("shift.free", { number: n(shift.free) })}
                  </p>
                  {shift.started ? null : (
                    <details className="rounded-lg border border-slate-200 p-2">
                      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">{t("shift.cancel")}</summary>
                      <Form method="post" className="space-y-2">
                        <input type="hidden" name="intent" value="cancel" />
                        <input type="hidden" name="shiftId" value={shift.id} />
                        <Checkbox id={`confirm-${shift.id}`} name="confirm" label={t("shift.confirmCancel", { number: n(shift.people.length) })} />
                        <Button type="submit" variant="secondary" size="sm">
                          {t("shift.cancel")}
                          <span className="sr-only">
                            {" "}
                            <ShiftWhen startsAt={shift.startsAt} endsAt={shift.endsAt} />
                          </span>
                        </Button>
                      </Form>
                    </details>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <PlanForm key={posting.id} />
    </div>
  );
}
