// One shift, for staff and the partner responsible for it: put a young
// person on it (refused with the rules named when the work-time check
// fails), take someone off, and after the shift confirm the hours per person
// with one tap ("as planned") or adjusted minutes. Staff may also change the
// shift; new times are checked again for everyone on it.
import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AcceptYoungRules, RefusalAlert, ViolationList } from "~/components/shifts/refusal.tsx";
import { ShiftFields, type ShiftFieldSet } from "~/components/shifts/shift-fields.tsx";
import { ShiftWhen } from "~/components/shifts/shift-when.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choice.tsx";
import { pick } from "~/domain/activities/text.ts";
import { localParts } from "~/domain/dates.ts";
import { durationText } from "~/domain/jobs/work-time-text.ts";
import { assignSchema, confirmSchema, releaseSchema, shiftChangeSchema } from "~/domain/jobs/shift-schemas.ts";
import { responsiblePeople, shiftDetail } from "~/domain/jobs/shift-views.server.ts";
import { assignShift, changeShift, confirmHours, refusalData, ShiftError, releaseAssignment } from "~/domain/jobs/shifts.server.ts";
import { isolated } from "~/domain/text-rules.ts";
import { isStaff } from "~/lib/roles.ts";
import { refusal } from "~/web/http.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";
import { isId } from "~/lib/ids.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.title.text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  if (!isId(params.shiftId ?? "")) notFound();
  const [detail, language] = await Promise.all([shiftDetail(params.shiftId!, { userId: user.id, role: user.role }), getLanguage(request)]);
  if (!detail) notFound();
  const start = localParts(detail.shift.startsAt);
  const end = localParts(detail.shift.endsAt);
  return {
    ...detail,
    title: pick(detail.shift.title, language),
    responsibleList: detail.mayEdit ? await responsiblePeople() : [],
    editDefaults: {
      day: start.day,
      startTime: start.time,
      endTime: end.time,
      breakMinutes: String(detail.shift.breakMinutes),
      place: detail.shift.place,
      slots: String(detail.shift.slots),
      responsibleUserId: detail.shift.responsibleUserId ?? "",
      note: detail.shift.note ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  const shiftId = params.shiftId ?? "";
  if (!isId(shiftId)) notFound();
  const actor = { userId: user.id, role: user.role };
  const formData = await request.formData();
  const intent = formData.get("intent");
  const done = (what: string) => redirect(`/staff/jobs/shifts/${shiftId}?done=${what}`);
  try {
    if (intent === "assign") {
      const submission = parseWithZod(formData, { schema: assignSchema });
      if (submission.status !== "success") return { form: "assign" as const, result: submission.reply(), refusal: null };
      await assignShift({ shiftId, employmentId: submission.value.employmentId }, actor);
      return done("assigned");
    }
    if (intent === "release") {
      const submission = parseWithZod(formData, { schema: releaseSchema });
      if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
      await releaseAssignment({ shiftId, assignmentId: submission.value.assignmentId }, actor);
      return done("released");
    }
    if (intent === "confirm") {
      const submission = parseWithZod(formData, { schema: confirmSchema });
      if (submission.status !== "success")
        return { form: `confirm-${String(formData.get("assignmentId"))}` as const, result: submission.reply(), refusal: null };
      const value = submission.value;
      await confirmHours({ shiftId, assignmentId: value.assignmentId, minutes: value.how === "planned" ? "planned" : value.minutes! }, actor);
      return done("confirmed");
    }
    if (intent === "change") {
      if (!isStaff(user)) notFound();
      const submission = parseWithZod(formData, { schema: shiftChangeSchema });
      if (submission.status !== "success") return { form: "change" as const, result: submission.reply(), refusal: null };
      const value = submission.value;
      try {
        await changeShift({ ...value, shiftId, responsibleUserId: value.responsibleUserId ?? null, note: value.note || null }, actor);
      } catch (error) {
        return { form: "change" as const, result: submission.reply(), refusal: refusalData(refusal(error, ShiftError, { pageGone: ["notFound"] })) };
      }
      return done("changed");
    }
  } catch (error) {
    return { form: String(intent), result: null, refusal: refusalData(refusal(error, ShiftError, { pageGone: ["notFound"] })) };
  }
  throw new Response("Bad request", { status: 400 });
}

function Assign() {
  const { t } = useTranslation("shifts");
  const { candidates } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  if (!candidates.length) return <p>{t("shift.noCandidates")}</p>;
  const errors = reply?.form === "assign" ? reply.result?.error?.employmentId?.map((error) => t(error)) : undefined;
  return (
    <Form method="post" className="space-y-2">
      <input type="hidden" name="intent" value="assign" />
      <SelectField id="employmentId" name="employmentId" label={t("shift.assignWho")} defaultValue="" errors={errors}>
        <option value="">{t("shift.choose")}</option>
        {candidates.map((candidate) => (
          <option key={candidate.employmentId} value={candidate.employmentId}>
            {candidate.age === null ? candidate.name : t("shift.nameAge", { name: candidate.name, age: t("common:units.years", { count: candidate.age }) })}
            {candidate.violations.length ? ` – ${t("shift.wouldBreak")}` : ""}
          </option>
        ))}
      </SelectField>
      <Button type="submit" pending={navigation.state !== "idle"}>
        {t("shift.assign")}
      </Button>
      {candidates.some((c) => c.violations.length) ? (
        <details className="rounded-lg border border-slate-200 p-2">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("shift.whyNot")}</summary>
          {candidates
            .filter((c) => c.violations.length)
            .map((c) => (
              <ViolationList key={c.employmentId} violations={c.violations} name={c.firstName} />
            ))}
        </details>
      ) : null}
    </Form>
  );
}

function ConfirmPerson({ person }: { person: ReturnType<typeof useLoaderData<typeof loader>>["people"][number] }) {
  const { t } = useTranslation("shifts");
  const language = useLanguage();
  const { shift } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const formId = `confirm-${person.assignmentId}`;
  const [form, fields] = useForm<z.input<typeof confirmSchema>>({
    id: formId,
    lastResult: reply?.form === formId ? reply.result : undefined,
    defaultValue: { minutes: String(person.workedMinutes ?? shift.plannedMinutes) },
  });
  return (
    <div className="space-y-2">
      <p>{person.confirmed ? t("hours.confirmedAs", { duration: durationText(t, person.workedMinutes ?? 0, language) }) : t("hours.notConfirmed")}</p>
      <Form method="post" className="inline">
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="assignmentId" value={person.assignmentId} />
        <input type="hidden" name="how" value="planned" />
        <Button type="submit" size="sm">
          {t("hours.asPlanned", { duration: durationText(t, shift.plannedMinutes, language) })}
          <span className="sr-only"> – {person.name}</span>
        </Button>
      </Form>
      <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="assignmentId" value={person.assignmentId} />
        <input type="hidden" name="how" value="adjusted" />
        <div className="space-y-1">
          <label htmlFor={fields.minutes.id} className="block text-sm font-semibold">
            {t("hours.minutesFor", { name: person.name })}
          </label>
          <input
            id={fields.minutes.id}
            name={fields.minutes.name}
            type="number"
            min={0}
            max={shift.lengthMinutes}
            defaultValue={fields.minutes.initialValue as string}
            aria-invalid={fields.minutes.errors ? true : undefined}
            aria-describedby={`${fields.minutes.id}-error`}
            className="block min-h-11 w-28 rounded-lg border-2 border-slate-500 px-2"
          />
          <p id={`${fields.minutes.id}-error`} className="min-h-5 text-sm font-semibold text-red-800" aria-live="polite">
            {fields.minutes.errors?.map((error) => t(error, { max: formatNumber(shift.lengthMinutes, language) })).join(" ")}
          </p>
        </div>
        <Button type="submit" size="sm" variant="secondary" className="mb-6">
          {t("hours.saveAdjusted")}
        </Button>
      </Form>
    </div>
  );
}

function ChangeForm() {
  const { t } = useTranslation("shifts");
  const { editDefaults, responsibleList } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof shiftChangeSchema>>({
    id: "change",
    lastResult: reply?.form === "change" ? reply.result : undefined,
    defaultValue: editDefaults,
  });
  return (
    <details className="rounded-xl border border-slate-200 p-3" open={reply?.form === "change" || undefined}>
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">{t("change.title")}</summary>
      <p className="text-sm text-slate-700">{t("change.intro")}</p>
      {reply?.form === "change" ? <RefusalAlert refusal={reply.refusal} /> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="change" />
        <ShiftFields fields={fields as unknown as ShiftFieldSet} responsible={responsibleList} />
        {reply?.form === "change" ? <AcceptYoungRules refusal={reply.refusal} /> : null}
        <Button type="submit" pending={navigation.state !== "idle"}>
          {t("change.save")}
        </Button>
      </Form>
    </details>
  );
}

export default function ShiftPage() {
  const { t } = useTranslation("shifts");
  const language = useLanguage();
  const { shift, people, released, title, mayEdit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const open = !shift.cancelled && !shift.started;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="flex flex-wrap gap-x-4">
        <Link to="/staff/jobs/shifts" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          {t("overview.title")}
        </Link>
        {mayEdit ? (
          <Link to={`/staff/jobs/${shift.postingId}/shifts`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
            {t("plan.allShifts")}
          </Link>
        ) : null}
      </p>
      <h1 className="text-2xl font-bold">
        <span lang={title.language}>{title.text}</span>
      </h1>
      <p className="text-lg">
        <ShiftWhen startsAt={shift.startsAt} endsAt={shift.endsAt} />
      </p>
      <p>
        <bdi>{shift.place}</bdi>
        {shift.breakMinutes ? ` · ${t("shift.break", { duration: durationText(t, shift.breakMinutes, language) })}` : null}
        {shift.responsible ? ` · ${t("shift.responsibleIs", { name: isolated(shift.responsible) })}` : null}
      </p>
      {shift.note ? (
        <p className="text-slate-700" dir="auto">
          {shift.note}
        </p>
      ) : null}
      {shift.cancelled ? <Notice>{t("shift.cancelledNotice")}</Notice> : null}
      {done ? (
        <Notice>{t(`done.${done === "assigned" ? "assigned" : done === "released" ? "released" : done === "confirmed" ? "confirmed" : "changed"}`)}</Notice>
      ) : null}
      {reply && reply.form !== "change" ? <RefusalAlert refusal={reply.refusal} /> : null}

      <section aria-labelledby="people-heading" className="space-y-2">
        <h2 id="people-heading" className="text-xl font-bold">
          {t("shift.people", { taken: formatNumber(people.length, language), slots: formatNumber(shift.slots, language) })}
        </h2>
        {people.length === 0 ? <p>{t("shift.nobodyYet")}</p> : null}
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {people.map((person) => (
            <li key={person.assignmentId} className="space-y-2 p-3">
              <p className="font-semibold">
                {person.age === null ? person.name : t("shift.nameAge", { name: person.name, age: t("common:units.years", { count: person.age }) })}
              </p>
              {person.openRequest ? <p className="text-sm">{t("shift.openRequest", { reason: person.openRequest.reason })}</p> : null}
              {shift.ended && !shift.cancelled ? <ConfirmPerson person={person} /> : null}
              {open ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="release" />
                  <input type="hidden" name="assignmentId" value={person.assignmentId} />
                  <Button type="submit" variant="secondary" size="sm">
                    {t("shift.release", { name: person.name })}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {released.length ? <p className="text-sm text-slate-700">{t("shift.releasedList", { names: released.join(", ") })}</p> : null}
      </section>

      {open ? (
        <section aria-labelledby="assign-heading" className="space-y-2 rounded-xl border-2 border-brand-100 p-4">
          <h2 id="assign-heading" className="text-xl font-bold">
            {t("shift.assignTitle")}
          </h2>
          {shift.free > 0 ? <Assign /> : <p>{t("shift.full")}</p>}
        </section>
      ) : null}
      {open && mayEdit ? <ChangeForm /> : null}
    </div>
  );
}
