// Attendance for one session, on a phone: expected children with one big
// tap each, walk-ins (someone known, or a new child), and a head-count for
// events where names are not taken. Works without JavaScript.
import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { areaName } from "~/components/area-name.ts";
import { useCallback, useState } from "react";
import { AttendanceToggle } from "~/components/attendance-toggle.tsx";
import { CollectSheet } from "~/components/collect-sheet.tsx";
import { collectSheet } from "~/domain/attendance/collected.server.ts";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choice.tsx";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { pick } from "~/domain/activities/text.ts";
import { MatchChoices } from "~/components/match-choices.tsx";
import {
  addWalkIn,
  AttendanceError,
  findPeople,
  markAttendance,
  registerWalkIn,
  sessionAttendance,
  setHeadCount,
} from "~/domain/attendance/attendance.server.ts";
import { headCountSchema, markSchema, proposeDuplicateSchema, walkInExistingSchema, walkInSchema } from "~/domain/attendance/schemas.ts";
import { AbsenceNotices } from "~/components/absence-notices.tsx";
import { AbsenceError, recordAbsenceForFamily, sessionAbsences } from "~/domain/attendance/absence.server.ts";
import { staffAbsenceSchema } from "~/domain/attendance/schemas.ts";
import { proposeDuplicate } from "~/domain/register/merge.server.ts";
import { requireSessionAccess } from "~/web/activity-access.server.ts";
import { isStaff } from "~/lib/roles.ts";
import { formatDate, formatWhen } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { housingAreas, unknownHousingAreas } from "~/domain/households/areas.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { SEARCH_MAX } from "~/domain/text-rules.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:attendance.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSessionAccess(request, params.sessionId);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, SEARCH_MAX);
  const [language, attendance, areas, found] = await Promise.all([
    getLanguage(request),
    sessionAttendance(params.sessionId!),
    housingAreas(),
    findPeople(q, isStaff(user) ? null : user.id),
  ]);
  const listed = new Set([...attendance.expected, ...attendance.walkIns].map((person) => person.personId));
  // Who may collect, whom to call, who collected (issue 19): only where the activity asks for it; each view logged.
  // The list is shown (and so the contacts read) only for a session that takes place, or one marked early on purpose.
  const shown = !attendance.session.cancelledAt && (!attendance.notYet || new URL(request.url).searchParams.get("early") === "1");
  const collect = shown ? await collectSheet(attendance.session, [...listed], { userId: user.id }) : null;
  // Absence notices (issue 19): notified absence, shown apart from no-shows.
  const absences = await sessionAbsences(params.sessionId!);
  return {
    collect,
    absences,
    now: new Date(),
    sessionId: params.sessionId!,
    activityId: attendance.session.activity.id,
    title: pick(attendance.session.activity.title, language),
    startsAt: attendance.session.startsAt,
    // A later day: the page warns and asks before anyone can be marked (?early=1 is the answer "mark anyway").
    notYet: attendance.notYet,
    cancelled: attendance.session.cancelledAt !== null,
    early: new URL(request.url).searchParams.get("early") === "1",
    endsAt: attendance.session.endsAt,
    place: attendance.session.place ?? attendance.session.activity.place,
    expected: attendance.expected,
    walkIns: attendance.walkIns,
    headCounts: attendance.headCounts.map((count) => ({ ...count, area: areas.find((area) => area.id === count.housingAreaId) ?? null })),
    areas,
    q,
    found: found.filter((person) => !listed.has(person.personId)),
    // The walk-in form's one-time key: a new one each time the page is shown, so the form starts empty after an add.
    walkInKey: crypto.randomUUID(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSessionAccess(request, params.sessionId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const sessionId = params.sessionId!;
  // The answer to the page's "this session has not happened yet" warning travels with each form.
  const early = formData.get("early") === "1";
  const back = `/staff/sessions/${sessionId}${early ? "?early=1" : ""}`;
  const withDone = (done: string) => `${back}${early ? "&" : "?"}done=${done}`;
  try {
    if (intent === "mark") {
      const parsed = parseWithZod(formData, { schema: markSchema });
      if (parsed.status !== "success") throw new Response("Bad request", { status: 400 });
      await markAttendance({ sessionId, personId: parsed.value.personId, present: parsed.value.present, actorUserId: user.id, early });
      return redirect(back);
    }
    if (intent === "walkInExisting") {
      const parsed = parseWithZod(formData, { schema: walkInExistingSchema });
      if (parsed.status !== "success") throw new Response("Bad request", { status: 400 });
      await addWalkIn({ sessionId, walkIn: { personId: parsed.value.personId }, actorUserId: user.id, partnerUserId: isStaff(user) ? null : user.id, early });
      return redirect(withDone("walkIn"));
    }
    if (intent === "walkInNew") {
      const submission = parseWithZod(formData, { schema: walkInSchema });
      if (submission.status !== "success") return { form: "walkIn" as const, result: submission.reply() };
      const { firstName, lastName, birthYear, housingAreaId, gender, key, choice } = submission.value;
      if ((await unknownHousingAreas([housingAreaId])).size) {
        return { form: "walkIn" as const, result: submission.reply({ fieldErrors: { housingAreaId: ["errors.areaNotFound"] } }) };
      }
      const result = await registerWalkIn({
        sessionId,
        walkIn: { firstName, lastName, birthYear, housingAreaId: housingAreaId ?? null, gender },
        key,
        choice: choice ?? null,
        actorUserId: user.id,
        partnerUserId: isStaff(user) ? null : user.id,
        early,
      });
      if (result.status === "matches") {
        const typed = {
          intent: "walkInNew",
          firstName,
          lastName,
          birthYear: String(birthYear),
          housingAreaId: housingAreaId ?? "",
          gender: gender ?? "",
          key,
          ...(early ? { early: "1" } : {}),
        };
        return { form: "walkInMatches" as const, matches: result.matches, typed };
      }
      return redirect(withDone("walkIn"));
    }
    if (intent === "proposeDuplicate") {
      const parsed = parseWithZod(formData, { schema: proposeDuplicateSchema });
      if (parsed.status !== "success") return { form: "propose" as const, error: "register.proposeSame" };
      const { first, second } = parsed.value;
      // Only two people on this session's list, and two different ones.
      const attendance = await sessionAttendance(sessionId);
      const listed = new Set([...attendance.expected, ...attendance.walkIns].map((person) => person.personId));
      if (first === second || !listed.has(first) || !listed.has(second)) return { form: "propose" as const, error: "register.proposeSame" };
      await proposeDuplicate({ personIds: [first, second], actorUserId: user.id });
      return redirect(withDone("proposed"));
    }
    if (intent === "absence") {
      const parsed = parseWithZod(formData, { schema: staffAbsenceSchema });
      if (parsed.status !== "success") throw new Response("Bad request", { status: 400 });
      await recordAbsenceForFamily({ actorUserId: user.id, sessionId, personId: parsed.value.personId, absent: parsed.value.absent });
      return redirect(`/staff/sessions/${sessionId}?absence=${parsed.value.absent ? "recorded" : "removed"}#absence-heading`);
    }
    if (intent === "headCount") {
      const submission = parseWithZod(formData, { schema: headCountSchema });
      if (submission.status !== "success") return { form: "headCount" as const, result: submission.reply() };
      if ((await unknownHousingAreas([submission.value.housingAreaId])).size) {
        return { form: "headCount" as const, result: submission.reply({ fieldErrors: { housingAreaId: ["errors.areaNotFound"] } }) };
      }
      await setHeadCount({
        sessionId,
        housingAreaId: submission.value.housingAreaId ?? null,
        adults: submission.value.adults,
        children: submission.value.children,
        actorUserId: user.id,
        early,
      });
      return redirect(withDone("headCount"));
    }
  } catch (error) {
    if (error instanceof AbsenceError && error.code !== "absenceNotFound") return redirect(`/staff/sessions/${sessionId}?absence=late#absence-heading`);
    if (error instanceof AbsenceError) notFound();
    // Not yet, or cancelled: the page says so in words (the warning, or the cancelled notice); nothing was written.
    if (error instanceof AttendanceError && (error.code === "notYet" || error.code === "sessionCancelled")) return redirect(`/staff/sessions/${sessionId}`);
    if (error instanceof AttendanceError) notFound();
    throw error;
  }
  throw new Response("Bad request", { status: 400 });
}

/** The page's "mark anyway" answer for a session on a later day, carried by every form that writes who came. */
function EarlyField() {
  const { early } = useLoaderData<typeof loader>();
  return early ? <input type="hidden" name="early" value="1" /> : null;
}

/** A session on a later day: say so, and take attendance only when asked to (a link, so it works without JavaScript). */
function NotYetWarning() {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  const { startsAt, early } = useLoaderData<typeof loader>();
  return (
    <div role="alert" className="space-y-2 rounded-lg border-2 border-amber-700 bg-amber-50 p-3">
      <p className="font-semibold">{t("attendance.notYet", { date: formatDate(new Date(startsAt), language) })}</p>
      {early ? (
        <p>{t("attendance.notYetMarking")}</p>
      ) : (
        <p>
          <Link to="?early=1" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
            {t("attendance.markAnyway")}
          </Link>
        </p>
      )}
    </div>
  );
}

function WalkInForm() {
  const { t } = useTranslation("staff");
  const { areas, walkInKey } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof walkInSchema>>({
    id: "walk-in",
    lastResult: data?.form === "walkIn" ? data.result : undefined,
  });
  const tr = errorTexts(t);
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-1 rounded-xl border border-slate-200 p-3">
      <h3 className="font-bold">{t("attendance.newChild")}</h3>
      <input type="hidden" name="intent" value="walkInNew" />
      <input type="hidden" name="key" value={walkInKey} />
      <EarlyField />
      {fields.key.errors?.length ? (
        <p role="alert" className="font-semibold text-red-800">
          {t("errors.formExpired")}
        </p>
      ) : null}
      <div className="grid gap-x-3 sm:grid-cols-2">
        <Field
          {...getInputProps(fields.firstName, { type: "text" })}
          id={fields.firstName.id}
          label={t("attendance.firstName")}
          autoComplete="off"
          errors={tr(fields.firstName.errors)}
        />
        <Field
          {...getInputProps(fields.lastName, { type: "text" })}
          id={fields.lastName.id}
          label={t("attendance.lastName")}
          autoComplete="off"
          errors={tr(fields.lastName.errors)}
        />
      </div>
      <Field
        {...getInputProps(fields.birthYear, { type: "number" })}
        id={fields.birthYear.id}
        label={t("attendance.birthYear")}
        inputMode="numeric"
        className="max-w-40"
        errors={tr(fields.birthYear.errors)}
      />
      <SelectField
        id={fields.gender.id}
        name={fields.gender.name}
        defaultValue={fields.gender.initialValue}
        label={t("attendance.gender")}
        hint={t("attendance.genderHint")}
        errors={tr(fields.gender.errors)}
      >
        <option value="">{t("attendance.genderNotGiven")}</option>
        <option value="FEMALE">{t("attendance.genderFemale")}</option>
        <option value="MALE">{t("attendance.genderMale")}</option>
        <option value="OTHER">{t("attendance.genderOther")}</option>
      </SelectField>
      <SelectField id={fields.housingAreaId.id} name={fields.housingAreaId.name} defaultValue={fields.housingAreaId.initialValue} label={t("attendance.area")}>
        <option value="">{t("attendance.areaUnknown")}</option>
        {areas.map((area) => (
          <option key={area.id} value={area.id}>
            {areaName(area, t)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        {t("attendance.addNew")}
      </Button>
    </Form>
  );
}

/** "Two on the list are the same child": sent to staff's list of possible duplicates (ADR 015). */
function ProposeDuplicate({ people, error }: { people: { personId: string; name: string }[]; error: string | null }) {
  const { t } = useTranslation("staff");
  const options = (
    <>
      <option value="">{t("register.proposeChoose")}</option>
      {people.map((person) => (
        <option key={person.personId} value={person.personId}>
          {person.name}
        </option>
      ))}
    </>
  );
  return (
    <details className="rounded-xl border border-slate-200 p-3" open={Boolean(error)}>
      <summary className="min-h-11 cursor-pointer py-2 font-bold">{t("register.proposeTitle")}</summary>
      <Form method="post" className="space-y-1">
        <p className="text-sm text-slate-700">{t("register.proposeIntro")}</p>
        {error ? (
          <p role="alert" className="font-semibold text-red-800">
            {t(error)}
          </p>
        ) : null}
        <input type="hidden" name="intent" value="proposeDuplicate" />
        <EarlyField />
        <div className="grid gap-x-3 sm:grid-cols-2">
          <SelectField id="propose-first" name="first" label={t("register.proposeFirst")}>
            {options}
          </SelectField>
          <SelectField id="propose-second" name="second" label={t("register.proposeSecond")}>
            {options}
          </SelectField>
        </div>
        <Button type="submit" variant="secondary">
          {t("register.propose")}
        </Button>
      </Form>
    </details>
  );
}

function HeadCountForm() {
  const { t } = useTranslation("staff");
  const { areas, headCounts } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof headCountSchema>>({
    id: "head-count",
    lastResult: data?.form === "headCount" ? data.result : undefined,
  });
  const tr = errorTexts(t);
  const totals = headCounts.reduce((sum, count) => ({ adults: sum.adults + count.adults, children: sum.children + count.children }), {
    adults: 0,
    children: 0,
  });
  return (
    <section aria-labelledby="count-heading" className="space-y-2">
      <h2 id="count-heading" className="text-xl font-bold">
        {t("attendance.headCount")}
      </h2>
      <p className="text-sm text-slate-700">{t("attendance.headCountIntro")}</p>
      {headCounts.length ? (
        <ul className="rounded-lg bg-slate-50 p-3 text-sm">
          {headCounts.map((count) => (
            <li key={count.housingAreaId ?? "unknown"}>
              {t("attendance.countLine", {
                area: count.area ? areaName(count.area, t) : t("attendance.areaUnknown"),
                adults: t("common:units.adults", { count: count.adults }),
                children: t("common:units.children", { count: count.children }),
              })}
            </li>
          ))}
          <li className="font-semibold">
            {t("attendance.countTotal", {
              adults: t("common:units.adults", { count: totals.adults }),
              children: t("common:units.children", { count: totals.children }),
            })}
          </li>
        </ul>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1 rounded-xl border border-slate-200 p-3">
        <input type="hidden" name="intent" value="headCount" />
        <EarlyField />
        <SelectField id={fields.housingAreaId.id} name={fields.housingAreaId.name} label={t("attendance.area")}>
          <option value="">{t("attendance.areaUnknown")}</option>
          {areas.map((area) => (
            <option key={area.id} value={area.id}>
              {areaName(area, t)}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-2 gap-x-3">
          <Field
            {...getInputProps(fields.adults, { type: "number" })}
            id={fields.adults.id}
            label={t("attendance.adults")}
            inputMode="numeric"
            min={0}
            errors={tr(fields.adults.errors)}
          />
          <Field
            {...getInputProps(fields.children, { type: "number" })}
            id={fields.children.id}
            label={t("attendance.children")}
            inputMode="numeric"
            min={0}
            errors={tr(fields.children.errors)}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("attendance.saveCount")}
        </Button>
      </Form>
    </section>
  );
}

export default function Attendance() {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const everyone = [...data.expected, ...data.walkIns];
  // Marks shown but perhaps not yet saved (a tap, or one restored from the offline queue) count at once.
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const onMark = useCallback((personId: string, present: boolean) => setMarks((current) => ({ ...current, [personId]: present })), []);
  const presentCount = everyone.filter((person) => marks[person.personId] ?? person.present).length;
  const notified = new Set(data.absences.map((notice) => notice.personId));
  const detail = (person: { personId: string; age: number | null; hasNeeds: boolean }) =>
    [
      person.age !== null ? t("common:units.years", { count: person.age }) : null,
      person.hasNeeds ? t("attendance.seeNeeds") : null,
      notified.has(person.personId) ? t("attendance.absenceNotified") : null,
    ]
      .filter(Boolean)
      .join(" · ") || undefined;
  // Shown with the list, or alone while the list waits for a later day (staff see who sent word ahead).
  const absenceNotices = (
    <AbsenceNotices
      notices={data.absences}
      expected={data.expected}
      noShows={
        new Date(data.startsAt) <= new Date(data.now)
          ? data.expected.filter((person) => !(marks[person.personId] ?? person.present) && !notified.has(person.personId)).length
          : null
      }
      mayRecord={new Date(data.endsAt) > new Date(data.now)}
    />
  );
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/staff/activities/${data.activityId}`} className="inline-flex min-h-11 items-center">
          {t("attendance.backToRoster")}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold" lang={data.title.language}>
          {data.title.text}
        </h1>
        <p>
          {formatWhen(new Date(data.startsAt), new Date(data.endsAt), language)} · <bdi>{data.place}</bdi>
        </p>
        <p className="font-semibold" aria-live="polite">
          {t("attendance.summary", { present: presentCount, total: everyone.length })}
        </p>
      </header>
      {data.cancelled ? <p className="rounded-lg border-2 border-slate-400 bg-slate-50 p-3 font-semibold">{t("attendance.cancelled")}</p> : null}
      {data.notYet && !data.cancelled ? <NotYetWarning /> : null}
      {params.get("done") ? (
        <p role="status" className="rounded-lg bg-brand-50 p-3 font-semibold">
          {params.get("done") === "proposed" ? t("register.proposed") : t(`attendance.done.${params.get("done") === "headCount" ? "headCount" : "walkIn"}`)}
        </p>
      ) : null}
      {data.notYet && !data.early && !data.cancelled ? absenceNotices : null}
      {data.cancelled || (data.notYet && !data.early) ? null : (
        <>
          <section aria-labelledby="expected-heading" className="space-y-2">
            <h2 id="expected-heading" className="text-xl font-bold">
              {t("attendance.expected", { n: data.expected.length })}
            </h2>
            {data.expected.length === 0 ? <p>{t("attendance.noneExpected")}</p> : null}
            <ul className="space-y-2">
              {data.expected.map((person) => (
                <li key={person.personId}>
                  <AttendanceToggle
                    sessionId={data.sessionId}
                    personId={person.personId}
                    name={person.name}
                    detail={detail(person)}
                    present={person.present}
                    onChange={onMark}
                    early={data.early}
                  />
                </li>
              ))}
            </ul>
          </section>
          {absenceNotices}
          <section aria-labelledby="walkin-heading" className="space-y-3">
            <h2 id="walkin-heading" className="text-xl font-bold">
              {t("attendance.walkIns", { n: data.walkIns.length })}
            </h2>
            <ul className="space-y-2">
              {data.walkIns.map((person) => (
                <li key={person.personId}>
                  <AttendanceToggle
                    sessionId={data.sessionId}
                    personId={person.personId}
                    name={person.name}
                    detail={detail(person)}
                    present={person.present}
                    onChange={onMark}
                    early={data.early}
                  />
                </li>
              ))}
            </ul>
            <Form method="get" className="flex flex-wrap items-end gap-2">
              <EarlyField />
              <div className="grow">
                <Field id="q" name="q" type="search" label={t("attendance.search")} defaultValue={data.q} autoComplete="off" />
              </div>
              <Button type="submit" variant="secondary" className="mb-7">
                {t("attendance.searchButton")}
              </Button>
            </Form>
            {data.q ? (
              data.found.length ? (
                <ul className="space-y-2">
                  {data.found.map((person) => (
                    <li key={person.personId}>
                      <Form method="post" className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-2">
                        <input type="hidden" name="intent" value="walkInExisting" />
                        <EarlyField />
                        <input type="hidden" name="personId" value={person.personId} />
                        <span>
                          <bdi>{person.name}</bdi> · {person.birthYear}
                          {person.area ? ` · ${person.area}` : ""}
                        </span>
                        <Button type="submit" size="sm" aria-label={t("attendance.addNamed", { name: person.name })}>
                          {t("attendance.add")}
                        </Button>
                      </Form>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("attendance.noMatch")}</p>
              )
            ) : null}
            {actionData?.form === "walkInMatches" ? (
              <MatchChoices id="walk-in-matches" matches={actionData.matches} hidden={actionData.typed} />
            ) : (
              // Keyed by the form's one-time key: after an add the page comes back with a new key and an empty form.
              <WalkInForm key={data.walkInKey} />
            )}
            {everyone.length >= 2 ? <ProposeDuplicate people={everyone} error={actionData?.form === "propose" ? actionData.error : null} /> : null}
          </section>
          {data.collect ? (
            <CollectSheet
              sessionId={data.sessionId}
              early={data.early}
              sheet={data.collect}
              people={everyone.map((person) => ({ ...person, present: marks[person.personId] ?? person.present }))}
            />
          ) : null}
          <HeadCountForm />
        </>
      )}
    </div>
  );
}
