// One job application (staff): everything the young person wrote, the
// timeline, and the next steps — book (or move) an interview, a decision
// ("not this time" or the waiting list), or hire. Also the guardian: who the
// consent went to, confirming the identity of a guardian the young person
// named themselves (needed before hiring under 15), a new guardian link, and
// correcting the birth date. Each form posts an `intent`; each intent is one
// domain call.
import { z } from "zod";
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsentText, FormProblem, HiringNav, StatusBadge } from "~/components/hiring/parts.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { RadioGroup } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { pick, textIn } from "~/domain/activities/text.ts";
import { copenhagenDay, copenhagenInstant, localParts } from "~/domain/dates.ts";
import { correctBirthDate } from "~/domain/jobs/birth-date.server.ts";
import { birthDateSchema, decisionSchema, guardianIdentitySchema, hireSchema, interviewSchema } from "~/domain/jobs/hiring-schemas.ts";
import {
  applicationForStaff,
  bookInterview,
  confirmGuardianIdentity,
  decideApplication,
  GUARDIAN_IDENTITY_METHODS,
  hire,
  resendGuardianLink,
} from "~/domain/jobs/pipeline.server.ts";
import { mayMoveTo } from "~/domain/jobs/status.server.ts";
import { replyToRefusal } from "~/web/http.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, formatDay, joinParts } from "~/lib/format.ts";
import { isolated } from "~/domain/text-rules.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.application.name);

type Intent = "interview" | "decide" | "hire" | "guardianIdentity" | "guardianLink" | "birthDate";
type Reply = { intent: Intent; result: SubmissionResult<string[]> };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const [language, application] = await Promise.all([getLanguage(request), applicationForStaff(params.applicationId ?? "")]);
  if (!application) notFound();
  const status = application.status;
  const interview = application.interviewAt ? localParts(application.interviewAt) : null;
  return {
    application: {
      id: application.id,
      name: `${application.person.firstName} ${application.person.lastName}`,
      status,
      age: application.age,
      birthDay: application.birthDay,
      area: application.person.housingArea?.name ?? null,
      contact: application.contact,
      school: application.school,
      schoolClass: application.schoolClass,
      inSchool: application.inSchool,
      motivation: application.motivation,
      availability: application.availability,
      consent: application.consent,
      consentRequired: application.consentRequired,
      guardian: { name: application.guardianName, email: application.guardianEmail, phone: application.guardianPhone },
      consentNeeded: application.consentNeeded,
      guardianIdentity: application.guardianIdentity,
      guardianIdentityMethod: application.guardianIdentityMethod,
      guardianIdentityAt: application.guardianIdentityAt,
      guardianIdentityByName: application.guardianIdentityByName,
      guardianLinkExpiresAt: application.guardianTokenExpiresAt,
      guardianLinkExpired: application.guardianLinkExpired,
      interviewAt: application.interviewAt,
      interviewPlace: application.interviewPlace,
      createdAt: application.createdAt,
      events: application.events,
      employmentId: application.employment?.id ?? null,
    },
    posting: { id: application.posting.id, title: pick(application.posting.title, language), positionsLeft: application.positionsLeft },
    defaults: {
      interview: { date: interview?.day ?? "", time: interview?.time ?? "", place: application.interviewPlace ?? application.posting.workPlace },
      hire: {
        startsOn: copenhagenDay(new Date()),
        endsOn: "",
        role: textIn(application.posting.type.name, language),
        // "I have finished school" is the young person's own word, and it raises the work-time limits: staff choose.
        inSchool: application.inSchool ? "yes" : "",
      },
    },
    may: {
      interview: mayMoveTo(status, "INTERVIEW"),
      reject: mayMoveTo(status, "REJECTED"),
      waitingList: mayMoveTo(status, "WAITING_LIST"),
      hire: mayMoveTo(status, "HIRED"),
      sendGuardianLink: status === "AWAITING_GUARDIAN" || status === "HIRED",
    },
    identityMethods: GUARDIAN_IDENTITY_METHODS,
  };
}

export async function action({ request, params }: ActionFunctionArgs): Promise<Reply | Response> {
  const user = await requireUser(request, "STAFF");
  const applicationId = params.applicationId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "interview") {
    const submission = parseWithZod(formData, { schema: interviewSchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      const { date, time, place } = submission.value;
      await bookInterview({ applicationId, at: copenhagenInstant(date, time), place, actorUserId: user.id });
      return redirect(`/staff/jobs/applications/${applicationId}?done=interview`);
    } catch (error) {
      return { intent, result: replyToRefusal(error, submission, { pageGone: ["applicationNotFound"] }) };
    }
  }
  if (intent === "decide") {
    const submission = parseWithZod(formData, { schema: decisionSchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      await decideApplication({ applicationId, decision: submission.value.decision, actorUserId: user.id });
      return redirect(`/staff/jobs/applications/${applicationId}?done=${submission.value.decision}`);
    } catch (error) {
      return { intent, result: replyToRefusal(error, submission, { pageGone: ["applicationNotFound"] }) };
    }
  }
  if (intent === "hire") {
    const submission = parseWithZod(formData, { schema: hireSchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      const { startsOn, endsOn, role, inSchool } = submission.value;
      const { employmentId } = await hire({ applicationId, startsOn, endsOn: endsOn ?? null, role, inSchool, actorUserId: user.id });
      return redirect(`/staff/jobs/employments/${employmentId}?done=hired`);
    } catch (error) {
      return { intent, result: replyToRefusal(error, submission, { pageGone: ["applicationNotFound"] }) };
    }
  }
  if (intent === "guardianIdentity") {
    const submission = parseWithZod(formData, { schema: guardianIdentitySchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      await confirmGuardianIdentity({ applicationId, method: submission.value.method, actorUserId: user.id });
      return redirect(`/staff/jobs/applications/${applicationId}?done=guardianIdentity`);
    } catch (error) {
      return { intent, result: replyToRefusal(error, submission, { pageGone: ["applicationNotFound"] }) };
    }
  }
  if (intent === "guardianLink") {
    const submission = parseWithZod(formData, { schema: z.object({}) });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      await resendGuardianLink({ applicationId, actorUserId: user.id });
      return redirect(`/staff/jobs/applications/${applicationId}?done=guardianLink`);
    } catch (error) {
      return { intent, result: replyToRefusal(error, submission, { pageGone: ["applicationNotFound"] }) };
    }
  }
  if (intent === "birthDate") {
    const submission = parseWithZod(formData, { schema: birthDateSchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      await correctBirthDate({ applicationId, birthDate: submission.value.birthDate, actorUserId: user.id });
      return redirect(`/staff/jobs/applications/${applicationId}?done=birthDate`);
    } catch (error) {
      return { intent, result: replyToRefusal(error, submission, { pageGone: ["applicationNotFound"] }) };
    }
  }
  throw new Response("Bad request", { status: 400 });
}

function Facts() {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const { application } = useLoaderData<typeof loader>();
  const rows: [string, string][] = [
    [t("application.age"), application.age === null ? t("list.unknown") : String(application.age)],
    [t("application.birthDay"), application.birthDay ? formatDay(application.birthDay, language) : t("list.unknown")],
    [t("list.area"), application.area ?? t("list.unknown")],
    [
      t("list.school"),
      joinParts([application.school, application.schoolClass].filter((part): part is string => Boolean(part)).map(isolated), language) || t("list.unknown"),
    ],
    [t("application.inSchool"), application.inSchool ? t("yes") : t("no")],
    [
      t("list.availability"),
      joinParts(
        application.availability.map((value) => t(`availability.${value}`)),
        language,
      ) || t("list.unknown"),
    ],
  ];
  return (
    <section aria-labelledby="wrote-heading" className="space-y-2 rounded-xl border border-slate-200 p-4">
      <h2 id="wrote-heading" className="text-xl font-bold">
        {t("application.wrote")}
      </h2>
      <p className="whitespace-pre-line rounded-lg bg-slate-50 p-3" dir="auto">
        {application.motivation}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <dt className="font-semibold">{t("application.contact")}</dt>
        <dd dir="ltr" className="text-start">
          {[application.contact.phone, application.contact.email].filter(Boolean).join(" · ") || t("list.unknown")}
        </dd>
        <dt className="font-semibold">{t("application.guardian")}</dt>
        <dd>
          <bdi>{application.guardian.name}</bdi> <span dir="ltr">{[application.guardian.phone, application.guardian.email].filter(Boolean).join(" · ")}</span>
          <span className="block text-sm">{application.guardianIdentity === "household" ? t("guardian.fromHousehold") : t("guardian.typedByYoungPerson")}</span>
        </dd>
        <dt className="font-semibold">{t("list.consent")}</dt>
        <dd>
          <ConsentText state={application.consent} />
        </dd>
      </dl>
    </section>
  );
}

function Timeline() {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const { application } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="timeline-heading" className="space-y-2 rounded-xl border border-slate-200 p-4">
      <h2 id="timeline-heading" className="text-xl font-bold">
        {t("application.timeline")}
      </h2>
      <ol className="space-y-1 border-s-2 border-slate-300 ps-4">
        <li>
          {formatDateTime(new Date(application.createdAt), language)}: {t("application.applied")}
        </li>
        {application.events.map((event) => (
          <li key={event.id}>
            {formatDateTime(new Date(event.at), language)}: <StatusBadge status={event.status} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function InterviewSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const { application, defaults } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof interviewSchema>>({
    id: "interview",
    lastResult: reply?.intent === "interview" ? reply.result : undefined,
    defaultValue: defaults.interview,
  });
  const booked = application.status === "INTERVIEW" && application.interviewAt;
  return (
    <section aria-labelledby="interview-heading" className="space-y-2 rounded-xl border border-slate-200 p-4">
      <h2 id="interview-heading" className="text-xl font-bold">
        {booked ? t("interview.moveTitle") : t("interview.title")}
      </h2>
      {booked ? (
        <p>{t("interview.booked", { when: formatDateTime(new Date(application.interviewAt!), language), place: application.interviewPlace })}</p>
      ) : null}
      <p className="text-sm">{t("interview.intro")}</p>
      <FormProblem errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="interview" />
        <div className="grid gap-x-3 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.date, { type: "date" })}
            id={fields.date.id}
            label={t("interview.date")}
            errors={fields.date.errors?.map((key) => t(key))}
          />
          <Field
            {...getInputProps(fields.time, { type: "time" })}
            id={fields.time.id}
            label={t("interview.time")}
            errors={fields.time.errors?.map((key) => t(key))}
          />
        </div>
        <Field
          {...getInputProps(fields.place, { type: "text" })}
          id={fields.place.id}
          label={t("interview.place")}
          errors={fields.place.errors?.map((key) => t(key))}
        />
        <Button type="submit" pending={navigation.state !== "idle"}>
          {booked ? t("interview.move") : t("interview.book")}
        </Button>
      </Form>
    </section>
  );
}

function DecisionSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("hiring");
  const { may } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form] = useForm({ id: "decide", lastResult: reply?.intent === "decide" ? reply.result : undefined });
  return (
    <section aria-labelledby="decide-heading" className="space-y-2 rounded-xl border border-slate-200 p-4">
      <h2 id="decide-heading" className="text-xl font-bold">
        {t("decide.title")}
      </h2>
      <p className="text-sm">{t("decide.intro")}</p>
      <FormProblem errors={[...(form.errors ?? []), ...(form.allErrors.decision ?? [])]} />
      <Form method="post" {...getFormProps(form)} className="flex flex-wrap gap-3">
        <input type="hidden" name="intent" value="decide" />
        {may.waitingList ? (
          <Button type="submit" name="decision" value="WAITING_LIST" variant="secondary" pending={navigation.state !== "idle"}>
            {t("decide.waitingList")}
          </Button>
        ) : null}
        {may.reject ? (
          <Button type="submit" name="decision" value="REJECTED" variant="secondary" pending={navigation.state !== "idle"}>
            {t("decide.reject")}
          </Button>
        ) : null}
      </Form>
    </section>
  );
}

function HireSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("hiring");
  const { defaults, posting, application } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof hireSchema>>({
    id: "hire",
    lastResult: reply?.intent === "hire" ? reply.result : undefined,
    defaultValue: defaults.hire,
  });
  return (
    <section aria-labelledby="hire-heading" className="space-y-2 rounded-xl border-2 border-brand-700 p-4">
      <h2 id="hire-heading" className="text-xl font-bold">
        {t("hire.title")}
      </h2>
      <p>{t("hire.positionsLeft", { number: posting.positionsLeft })}</p>
      <p className="text-sm">{t("hire.intro")}</p>
      {application.consentNeeded && (application.consent !== "confirmed" || application.guardianIdentity === null) ? (
        <Notice>{application.consent !== "confirmed" ? t("hire.needsConsent") : t("hire.needsGuardianIdentity")}</Notice>
      ) : null}
      <FormProblem errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="hire" />
        <div className="grid gap-x-3 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.startsOn, { type: "date" })}
            id={fields.startsOn.id}
            label={t("hire.startsOn")}
            errors={fields.startsOn.errors?.map((key) => t(key))}
          />
          <Field
            {...getInputProps(fields.endsOn, { type: "date" })}
            id={fields.endsOn.id}
            label={t("hire.endsOn")}
            hint={t("hire.endsOnHint")}
            errors={fields.endsOn.errors?.map((key) => t(key))}
          />
        </div>
        <Field {...getInputProps(fields.role, { type: "text" })} id={fields.role.id} label={t("hire.role")} errors={fields.role.errors?.map((key) => t(key))} />
        <RadioGroup
          id={fields.inSchool.id}
          name={fields.inSchool.name}
          legend={t("hire.inSchool")}
          hint={`${t("hire.inSchoolHint")} ${t("hire.schoolMeaning")}`}
          options={[
            { value: "yes", label: t("yes") },
            { value: "no", label: t("no") },
          ]}
          defaultValue={(fields.inSchool.initialValue as string | undefined) || undefined}
          errors={fields.inSchool.errors?.map((key) => t(key))}
        />
        {application.inSchool ? null : <p className="text-sm">{t("hire.claimedFinishedSchool")}</p>}
        <Button type="submit" pending={navigation.state !== "idle"}>
          {t("hire.submit")}
        </Button>
      </Form>
    </section>
  );
}

/** Who the guardian is, confirming a guardian the young person named, and a new link for the guardian. */
function GuardianSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const { application, may, identityMethods } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [identityForm, identityFields] = useForm<z.input<typeof guardianIdentitySchema>>({
    id: "guardian-identity",
    lastResult: reply?.intent === "guardianIdentity" ? reply.result : undefined,
  });
  const [linkForm] = useForm({ id: "guardian-link", lastResult: reply?.intent === "guardianLink" ? reply.result : undefined });
  const askIdentity = application.consentNeeded && application.guardianIdentity === null;
  if (!application.consentNeeded && !may.sendGuardianLink) return null;
  return (
    <section aria-labelledby="guardian-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="guardian-heading" className="text-xl font-bold">
        {t("guardian.title")}
      </h2>
      {application.guardianIdentity === "household" ? <p>{t("guardian.householdKnown")}</p> : null}
      {application.guardianIdentity === "staff" && application.guardianIdentityMethod && application.guardianIdentityAt ? (
        <p>
          {t("guardian.confirmedBy", {
            name: application.guardianIdentityByName ?? t("list.unknown"),
            date: formatDateTime(new Date(application.guardianIdentityAt), language),
            method: t(`guardian.method.${application.guardianIdentityMethod}`),
          })}
        </p>
      ) : null}
      {askIdentity ? (
        <>
          <p>{t("guardian.identityIntro")}</p>
          <FormProblem errors={identityForm.errors} />
          <Form method="post" {...getFormProps(identityForm)} className="space-y-1">
            <input type="hidden" name="intent" value="guardianIdentity" />
            <RadioGroup
              id={identityFields.method.id}
              name={identityFields.method.name}
              legend={t("guardian.identityLegend")}
              hint={t("guardian.identityHint")}
              options={identityMethods.map((value) => ({ value, label: t(`guardian.method.${value}`) }))}
              errors={identityFields.method.errors?.map((key) => t(key))}
            />
            <Button type="submit" pending={navigation.state !== "idle"}>
              {t("guardian.confirmIdentity")}
            </Button>
          </Form>
        </>
      ) : null}
      {may.sendGuardianLink ? (
        <div className="space-y-2 border-t border-slate-200 pt-3">
          <p>
            {application.guardianLinkExpiresAt && !application.guardianLinkExpired
              ? t("guardian.linkValidUntil", { date: formatDateTime(new Date(application.guardianLinkExpiresAt), language) })
              : t("guardian.linkExpired")}
          </p>
          <FormProblem errors={linkForm.errors} />
          <Form method="post" {...getFormProps(linkForm)}>
            <input type="hidden" name="intent" value="guardianLink" />
            <Button type="submit" variant="secondary" pending={navigation.state !== "idle"}>
              {t("guardian.sendLink")}
            </Button>
          </Form>
          <p className="text-sm">{t("guardian.sendLinkHint")}</p>
        </div>
      ) : null}
    </section>
  );
}

/** Staff correct the recorded birth date (the young person cannot): audited, and the consent is looked at again. */
function BirthDateSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("hiring");
  const { application } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof birthDateSchema>>({
    id: "birth-date",
    lastResult: reply?.intent === "birthDate" ? reply.result : undefined,
    defaultValue: { birthDate: application.birthDay ?? "" },
  });
  return (
    <details className="rounded-xl border border-slate-200 p-4" open={reply?.intent === "birthDate"}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold">{t("birthDate.title")}</summary>
      <p className="text-sm">{t("birthDate.intro")}</p>
      <FormProblem errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="birthDate" />
        <Field
          {...getInputProps(fields.birthDate, { type: "date" })}
          id={fields.birthDate.id}
          label={t("application.birthDay")}
          className="max-w-xs"
          errors={fields.birthDate.errors?.map((key) => t(key))}
        />
        <Button type="submit" variant="secondary" pending={navigation.state !== "idle"}>
          {t("birthDate.save")}
        </Button>
      </Form>
    </details>
  );
}

const DONE = ["interview", "REJECTED", "WAITING_LIST", "guardianIdentity", "guardianLink", "birthDate"] as const;

function DoneNotice() {
  const { t } = useTranslation("hiring");
  const [params] = useSearchParams();
  const done = params.get("done");
  if (!DONE.some((value) => value === done)) return null;
  return <Notice>{t(`done.${done}`)}</Notice>;
}

export default function ApplicationPage() {
  const { t } = useTranslation("hiring");
  const { application, posting, may } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const waitingForGuardian = application.status === "AWAITING_GUARDIAN" || application.status === "GUARDIAN_DECLINED";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <HiringNav
        links={[
          {
            to: `/staff/jobs/${posting.id}`,
            label: (
              <>
                {t("nav.applications")}: <span lang={posting.title.language}>{posting.title.text}</span>
              </>
            ),
          },
        ]}
      />
      <h1 className="text-2xl font-bold">{application.name}</h1>
      <p>
        <StatusBadge status={application.status} />
      </p>
      <DoneNotice />
      {waitingForGuardian ? <Notice>{t("application.waitingForGuardian")}</Notice> : null}
      {application.employmentId ? (
        <p>
          <Link to={`/staff/jobs/employments/${application.employmentId}`} className="inline-flex min-h-11 items-center font-semibold">
            {t("application.toEmployment")}
          </Link>
        </p>
      ) : null}
      <Facts />
      <BirthDateSection reply={reply} />
      <GuardianSection reply={reply} />
      <Timeline />
      {may.interview ? <InterviewSection reply={reply} /> : null}
      {may.reject || may.waitingList ? <DecisionSection reply={reply} /> : null}
      {may.hire ? <HireSection reply={reply} /> : null}
    </div>
  );
}
