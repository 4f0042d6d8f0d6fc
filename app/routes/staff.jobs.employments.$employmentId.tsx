// One employment (staff): the young person, the job, the period, whether
// still in school (editable: it decides the work-time limits), hours so
// far, the written-contract warning; ending it, and the reference
// (anbefaling) — editable until it is printed.
import type { z } from "zod";
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContractWarning, FormProblem, HiringNav, Hours } from "~/components/hiring/parts.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, RadioGroup, TextareaField } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { pick } from "~/domain/activities/text.ts";
import { copenhagenDay } from "~/domain/dates.ts";
import { employmentForStaff, endEmployment, finishReference, saveReference, setEmploymentInSchool } from "~/domain/jobs/employment.server.ts";
import { endEmploymentSchema, inSchoolSchema, printReferenceSchema, referenceSchema } from "~/domain/jobs/hiring-schemas.ts";
import { replyToRefusal } from "~/web/http.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, formatDay, joinParts } from "~/lib/format.ts";
import { isolated } from "~/domain/text-rules.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.employment.name);

type Intent = "inSchool" | "end" | "saveReference" | "printReference";
type Reply = { intent: Intent; result: SubmissionResult<string[]> };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const [language, employment] = await Promise.all([getLanguage(request), employmentForStaff(params.employmentId ?? "")]);
  if (!employment) notFound();
  return {
    employment: {
      id: employment.id,
      applicationId: employment.applicationId,
      name: `${employment.person.firstName} ${employment.person.lastName}`,
      age: employment.age,
      area: employment.person.housingArea?.name ?? null,
      role: employment.role,
      job: pick(employment.posting.title, language),
      postingId: employment.posting.id,
      organisation: employment.posting.organisation?.name ?? null,
      workPlace: employment.posting.workPlace,
      startsOn: employment.startsOn,
      endsOn: employment.endsOn,
      endedOn: employment.endedOn,
      ended: employment.ended,
      inSchool: employment.inSchool,
      guardianInformedAt: employment.guardianInformedAt,
      guardian: employment.application.guardianName,
      hours: employment.hours,
      contract: employment.contract,
      reference: {
        tasks: employment.referenceTasks ?? "",
        statement: employment.referenceStatement ?? "",
        at: employment.referenceAt,
        by: employment.referenceByName,
      },
    },
    today: copenhagenDay(new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs): Promise<Reply | Response> {
  const user = await requireUser(request, "STAFF");
  const employmentId = params.employmentId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/staff/jobs/employments/${employmentId}`;
  if (intent === "inSchool") {
    const submission = parseWithZod(formData, { schema: inSchoolSchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      await setEmploymentInSchool({ employmentId, inSchool: submission.value.inSchool, actorUserId: user.id });
      return redirect(`${here}?done=inSchool`);
    } catch (error) {
      return { intent, result: replyToRefusal(error, submission, { pageGone: ["employmentNotFound"] }) };
    }
  }
  if (intent === "end") {
    const submission = parseWithZod(formData, { schema: endEmploymentSchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      await endEmployment({ employmentId, lastDay: submission.value.lastDay, actorUserId: user.id });
      return redirect(`${here}?done=ended`);
    } catch (error) {
      return { intent, result: replyToRefusal(error, submission, { pageGone: ["employmentNotFound"] }) };
    }
  }
  if (intent === "saveReference" || intent === "printReference") {
    const submission = parseWithZod(formData, { schema: intent === "printReference" ? printReferenceSchema : referenceSchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      if (intent === "saveReference") {
        await saveReference({ employmentId, ...submission.value, actorUserId: user.id });
        return redirect(`${here}?done=referenceSaved#reference-heading`);
      }
      await finishReference({ employmentId, actorUserId: user.id, texts: { tasks: submission.value.tasks, statement: submission.value.statement } });
      return redirect(`${here}/reference`);
    } catch (error) {
      return { intent, result: replyToRefusal(error, submission, { pageGone: ["employmentNotFound"] }) };
    }
  }
  throw new Response("Bad request", { status: 400 });
}

function DoneNotice() {
  const { t } = useTranslation("hiring");
  const [params] = useSearchParams();
  const done = params.get("done");
  if (!done || !["hired", "inSchool", "ended", "referenceSaved"].includes(done)) return null;
  return <Notice>{t(`done.${done}`)}</Notice>;
}

function Summary() {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const { employment } = useLoaderData<typeof loader>();
  const lastDay = employment.endedOn ?? employment.endsOn;
  const rows: [string, string][] = [
    [t("employment.job"), `${employment.role} · ${employment.job.text}`],
    [
      t("employment.workPlace"),
      joinParts([employment.workPlace, employment.organisation].filter((part): part is string => Boolean(part)).map(isolated), language),
    ],
    [
      t("employment.periodLabel"),
      lastDay
        ? t("employment.period", { from: formatDay(employment.startsOn, language), to: formatDay(lastDay, language) })
        : t("employment.openPeriod", { from: formatDay(employment.startsOn, language) }),
    ],
    [t("application.age"), employment.age === null ? t("list.unknown") : String(employment.age)],
    [t("list.area"), employment.area ?? t("list.unknown")],
    [
      t("employment.guardianInformed"),
      employment.guardianInformedAt
        ? t("employment.informedAt", { date: formatDateTime(new Date(employment.guardianInformedAt), language) })
        : t("employment.notInformed"),
    ],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-xl border border-slate-200 p-4">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <dt className="font-semibold">{t("employment.planned")}</dt>
      <dd>
        <Hours minutes={employment.hours.plannedMinutes} />
      </dd>
      <dt className="font-semibold">{t("employment.confirmed")}</dt>
      <dd>
        <Hours minutes={employment.hours.confirmedMinutes} />
      </dd>
    </dl>
  );
}

function InSchoolSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("hiring");
  const { employment } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ inSchool: string }>({ id: "in-school", lastResult: reply?.intent === "inSchool" ? reply.result : undefined });
  return (
    <section aria-labelledby="school-heading" className="space-y-2 rounded-xl border border-slate-200 p-4">
      <h2 id="school-heading" className="text-xl font-bold">
        {t("employment.schoolTitle")}
      </h2>
      <FormProblem errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="inSchool" />
        <RadioGroup
          id={fields.inSchool.id}
          name={fields.inSchool.name}
          legend={t("hire.inSchool")}
          hint={`${t("hire.inSchoolHint")} ${t("hire.schoolMeaning")}`}
          options={[
            { value: "yes", label: t("yes") },
            { value: "no", label: t("no") },
          ]}
          defaultValue={employment.inSchool ? "yes" : "no"}
          errors={fields.inSchool.errors?.map((key) => t(key))}
        />
        <Button type="submit" variant="secondary" pending={navigation.state !== "idle"}>
          {t("employment.saveSchool")}
        </Button>
      </Form>
    </section>
  );
}

function EndSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("hiring");
  const { today } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof endEmploymentSchema>>({
    id: "end",
    lastResult: reply?.intent === "end" ? reply.result : undefined,
    defaultValue: { lastDay: today },
  });
  return (
    <section aria-labelledby="end-heading" className="space-y-2 rounded-xl border border-slate-200 p-4">
      <h2 id="end-heading" className="text-xl font-bold">
        {t("employment.endTitle")}
      </h2>
      <FormProblem errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="end" />
        <Field
          {...getInputProps(fields.lastDay, { type: "date" })}
          id={fields.lastDay.id}
          label={t("employment.lastDay")}
          className="max-w-xs"
          errors={fields.lastDay.errors?.map((key) => t(key))}
        />
        <Button type="submit" variant="secondary" pending={navigation.state !== "idle"}>
          {t("employment.end")}
        </Button>
      </Form>
    </section>
  );
}

function ReferenceSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const { employment } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const reference = employment.reference;
  const [form, fields] = useForm<z.input<typeof printReferenceSchema>>({
    id: "reference",
    lastResult: reply?.intent === "saveReference" || reply?.intent === "printReference" ? reply.result : undefined,
    defaultValue: { tasks: reference.tasks, statement: reference.statement },
  });
  return (
    <section aria-labelledby="reference-heading" className="space-y-2 rounded-xl border-2 border-brand-700 p-4">
      <h2 id="reference-heading" className="text-xl font-bold">
        {t("reference.title")}
      </h2>
      {reference.at ? (
        <>
          <p>{t("reference.printedBy", { name: reference.by ?? "", date: formatDateTime(new Date(reference.at), language) })}</p>
          <h3 className="font-semibold">{t("reference.tasks")}</h3>
          <p className="whitespace-pre-line" dir="auto">
            {reference.tasks}
          </p>
          <h3 className="font-semibold">{t("reference.statement")}</h3>
          <p className="whitespace-pre-line" dir="auto">
            {reference.statement}
          </p>
          <p className="flex flex-wrap gap-x-4">
            <Link to={`/staff/jobs/employments/${employment.id}/reference`} className="inline-flex min-h-11 items-center font-semibold">
              {t("reference.open")}
            </Link>
            <Link to={`/staff/jobs/employments/${employment.id}/reference?lng=en`} className="inline-flex min-h-11 items-center">
              {t("reference.openEnglish")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="text-sm">{t("reference.intro")}</p>
          <FormProblem errors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="space-y-1">
            <TextareaField
              {...getTextareaProps(fields.tasks)}
              id={fields.tasks.id}
              label={t("reference.tasks")}
              hint={t("reference.tasksHint")}
              rows={4}
              errors={fields.tasks.errors?.map((key) => t(key))}
            />
            <TextareaField
              {...getTextareaProps(fields.statement)}
              id={fields.statement.id}
              label={t("reference.statement")}
              hint={t("reference.statementHint")}
              rows={4}
              errors={fields.statement.errors?.map((key) => t(key))}
            />
            <div className="space-y-1">
              <Checkbox
                id="confirm-final"
                name="confirmFinal"
                label={t("reference.confirmFinal")}
                invalid={Boolean(fields.confirmFinal.errors?.length)}
                describedBy={fields.confirmFinal.errors?.length ? "confirm-final-error" : undefined}
              />
              {fields.confirmFinal.errors?.length ? (
                <p id="confirm-final-error" className="font-semibold text-red-800">
                  {t(fields.confirmFinal.errors[0]!)}
                </p>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-3">
              <Button type="submit" name="intent" value="saveReference" variant="secondary" pending={navigation.state !== "idle"}>
                {t("reference.save")}
              </Button>
              <Button type="submit" name="intent" value="printReference" pending={navigation.state !== "idle"}>
                {t("reference.print")}
              </Button>
            </div>
            <p className="text-sm">{t("reference.printHint")}</p>
          </Form>
        </>
      )}
    </section>
  );
}

export default function EmploymentPage() {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const { employment } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <HiringNav
        links={[
          { to: "/staff/jobs/employments", label: t("nav.employments") },
          { to: `/staff/jobs/applications/${employment.applicationId}`, label: t("nav.application") },
        ]}
      />
      <h1 className="text-2xl font-bold">{employment.name}</h1>
      <DoneNotice />
      <ContractWarning
        employmentId={employment.id}
        required={employment.contract.required}
        longerThanMonth={employment.contract.longerThanMonth}
        averageWeeklyMinutes={employment.contract.averageWeeklyMinutes}
      />
      <Summary />
      <InSchoolSection reply={reply} />
      {employment.endedOn ? <p>{t("employment.endedOn", { date: formatDay(employment.endedOn, language) })}</p> : <EndSection reply={reply} />}
      <ReferenceSection reply={reply} />
    </div>
  );
}
