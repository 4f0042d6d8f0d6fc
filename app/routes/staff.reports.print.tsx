// The report on paper, for the board and the yearly report: title, period,
// selection, every table in the shared view (small cells suppressed), and
// the selection's milestones with their judgement and status text.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MilestoneTitle, progressText } from "~/components/reports/milestone-progress.tsx";
import { ReportTable } from "~/components/reports/report-table.tsx";
import { milestoneItems } from "~/domain/reporting/milestone-items.server.ts";
import { loadReport, milestonesOf, tablesOf } from "~/domain/reporting/report-data.server.ts";
import { parseReportQuery, reportSearch } from "~/domain/reporting/report-query.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { printPageHandle } from "~/lib/print.ts";

export const handle = printPageHandle;
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports:print.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = await getLanguage(request);
  const report = await loadReport(parseReportQuery(new URL(request.url).searchParams), language);
  const milestones = await milestonesOf(report);
  return {
    period: report.query.period,
    kind: report.query.kind,
    scopeKind: report.query.scope.kind,
    selection: report.selection,
    search: reportSearch(report.query),
    min: report.min,
    tables: tablesOf(report, "shared"),
    milestones: milestoneItems(milestones, language, report.query.period),
    printedAt: new Date(),
  };
}

export default function PrintReport() {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-5 print:text-sm">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t("print.title")}</h1>
        <p className="text-lg font-semibold">
          {t("periodRange", { from: formatDay(data.period.from, language), to: formatDay(data.period.to, language) })} ({t(`kind.${data.kind}`)})
        </p>
        <p>{data.selection ? `${t(`scope.${data.scopeKind}`)}: ${data.selection}` : t("scope.all")}</p>
        <p className="text-sm">{t("print.printed", { date: formatDateTime(new Date(data.printedAt), language) })}</p>
        <p className="text-sm">{t("mode.sharedNotice", { min: data.min })}</p>
      </div>
      <div className="no-print flex flex-wrap gap-3">
        <button type="button" onClick={() => window.print()} className="min-h-11 rounded-lg border-2 border-brand-700 px-4 font-semibold">
          {t("print.print")}
        </button>
        <Link to={`/staff/reports?${data.search}`} className="inline-flex min-h-11 items-center">
          {t("print.back")}
        </Link>
      </div>
      <p>{t("summary.unique")}</p>
      {data.tables.map((table) => (
        <ReportTable key={table.id} table={table} min={data.min} headingLevel={2} />
      ))}
      <section aria-labelledby="print-milestones" className="space-y-3 break-before-page">
        <h2 id="print-milestones" className="text-xl font-bold">
          {t("milestonesTitle")}
        </h2>
        {data.milestones.length === 0 ? <p>{t("noMilestones")}</p> : null}
        {data.milestones.map((milestone) => (
          <article key={milestone.id} className="space-y-1 break-inside-avoid border-b border-slate-300 pb-3">
            <MilestoneTitle milestone={milestone} />
            <p>
              {progressText(milestone, t, language)} {t("milestone.deadline", { deadline: formatDay(milestone.deadline, language) })}
            </p>
            <h4 className="font-semibold">
              {t("milestone.statusFor", { period: t("periodRange", { from: formatDay(data.period.from, language), to: formatDay(data.period.to, language) }) })}
            </h4>
            <p className="whitespace-pre-line" dir="auto">
              {milestone.note ?? t("milestone.noNote")}
            </p>
            {milestone.otherNotes.map((note) => (
              <p key={note.periodStart + note.periodEnd} className="whitespace-pre-line text-sm">
                <span className="font-semibold">
                  {t("periodRange", { from: formatDay(note.periodStart, language), to: formatDay(note.periodEnd, language) })}:
                </span>{" "}
                <bdi>{note.text}</bdi>
              </p>
            ))}
          </article>
        ))}
      </section>
    </div>
  );
}
