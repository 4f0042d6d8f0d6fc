// Every milestone with its progress and judgement, and per milestone the
// status text for a chosen period (default: last quarter) — the narrative
// the report and the print page show. Adding and editing happen on
// /staff/milestones/<id> ("new" for a new one).
import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MilestoneProgress } from "~/components/reports/milestone-progress.tsx";
import { PeriodFields, QueryErrors } from "~/components/reports/report-filters.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { TextareaField } from "~/components/ui/choice.tsx";
import { milestoneForEdit, milestoneItems, type MilestoneItem } from "~/domain/reporting/milestone-items.server.ts";
import { milestoneNoteSchema } from "~/domain/reporting/milestone-schemas.ts";
import { listMilestones, saveMilestoneNote } from "~/domain/reporting/milestones.server.ts";
import { parseReportQuery, periodValues, reportSearch } from "~/domain/reporting/report-query.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports:milestones.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = await getLanguage(request);
  const query = parseReportQuery(new URL(request.url).searchParams);
  const milestones = await listMilestones();
  return {
    period: query.period,
    values: periodValues(query),
    errors: query.errors,
    search: reportSearch(query),
    milestones: milestoneItems(milestones, language, query.period),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: milestoneNoteSchema });
  const milestoneId = String(formData.get("milestoneId") ?? "");
  if (submission.status !== "success") {
    if (submission.error?.milestoneId || submission.error?.from || submission.error?.to) throw new Response("Bad request", { status: 400 });
    return { milestoneId, result: submission.reply() };
  }
  const { from, to, text } = submission.value; // a reversed period is an error on "to" (the schema): 400 above
  if (!(await milestoneForEdit(submission.value.milestoneId))) notFound();
  await saveMilestoneNote({ milestoneId: submission.value.milestoneId, period: { from, to }, text }, user.id);
  const url = new URL(request.url);
  url.searchParams.set("done", "note");
  return redirect(`${url.pathname}?${url.searchParams.toString()}#milestone-${submission.value.milestoneId}`);
}

function PeriodForm() {
  const { t } = useTranslation("reports");
  const { values, errors } = useLoaderData<typeof loader>();
  const tr = (field: string) => errors[field]?.map((key) => t(key));
  return (
    <Form method="get" className="space-y-2 rounded-xl border-2 border-slate-200 p-4" aria-labelledby="period-heading">
      <h2 id="period-heading" className="text-xl font-bold">
        {t("milestones.periodTitle")}
      </h2>
      <p>{t("milestones.periodIntro")}</p>
      <PeriodFields values={values} errors={tr} />
      <Button type="submit" variant="secondary">
        {t("milestones.showPeriod")}
      </Button>
    </Form>
  );
}

function NoteForm({ milestone }: { milestone: MilestoneItem }) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const { period } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof milestoneNoteSchema>>({
    id: `note-${milestone.id}`,
    lastResult: reply?.milestoneId === milestone.id ? reply.result : undefined,
    defaultValue: { text: milestone.note ?? "" },
  });
  const periodText = t("periodRange", { from: formatDay(period.from, language), to: formatDay(period.to, language) });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-1">
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <input type="hidden" name="from" value={period.from} />
      <input type="hidden" name="to" value={period.to} />
      <TextareaField
        id={fields.text.id}
        name={fields.text.name}
        label={t("milestones.noteLabel", { period: periodText })}
        hint={t("milestones.noteHint")}
        defaultValue={(fields.text.initialValue as string | undefined) ?? ""}
        errors={fields.text.errors?.map((key) => t(key))}
      />
      <Button type="submit" variant="secondary" size="sm" pending={navigation.state !== "idle"}>
        {t("milestones.saveNote")}
      </Button>
    </Form>
  );
}

export default function Milestones() {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const { milestones, period, search, errors } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("milestones.title")}</h1>
        <p>{t("milestones.intro")}</p>
        <p className="flex flex-wrap gap-2">
          <ButtonLink to="/staff/milestones/new">{t("milestones.new")}</ButtonLink>
          <ButtonLink to={`/staff/reports?${search}`} variant="secondary">
            {t("milestones.toReport")}
          </ButtonLink>
        </p>
      </div>
      {done === "note" || done === "created" || done === "updated" || done === "deleted" ? <Notice>{t(`milestones.done.${done}`)}</Notice> : null}
      <QueryErrors errors={errors} />
      <PeriodForm />
      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="text-xl font-bold">
          {t("milestones.listTitle", { period: t("periodRange", { from: formatDay(period.from, language), to: formatDay(period.to, language) }) })}
        </h2>
        {milestones.length === 0 ? <p>{t("noMilestones")}</p> : null}
        <ul className="space-y-4">
          {milestones.map((milestone) => (
            <li key={milestone.id} id={`milestone-${milestone.id}`} className="space-y-3 rounded-xl border-2 border-slate-200 p-4">
              <MilestoneProgress milestone={milestone} />
              <p>
                <Link to={`/staff/milestones/${milestone.id}`} className="inline-flex min-h-11 items-center">
                  {t("milestones.edit")}
                  <span className="sr-only">: {milestone.title.text}</span>
                </Link>
              </p>
              <NoteForm milestone={milestone} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
