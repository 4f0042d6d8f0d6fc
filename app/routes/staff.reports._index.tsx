// The activity report for staff: filters (period, selection, exact or
// shared numbers), a summary in words, charts with their tables, every
// table, and the milestones of the selection. Exports and the print page
// take the same filters and always show the shared view.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/reports/bar-chart.tsx";
import { MilestoneProgress } from "~/components/reports/milestone-progress.tsx";
import { QueryErrors, ReportFilters } from "~/components/reports/report-filters.tsx";
import { ReportTable } from "~/components/reports/report-table.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { milestoneItems } from "~/domain/reporting/milestone-items.server.ts";
import { loadReport, milestonesOf, tablesOf } from "~/domain/reporting/report-data.server.ts";
import { cellText, labelText } from "~/domain/reporting/report-labels.ts";
import { parseReportQuery, periodValues, reportSearch, selectionValue } from "~/domain/reporting/report-query.ts";
import type { Table } from "~/domain/reporting/report-tables.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports:title");

/** A wide page on a laptop: the tables at full width. */
export const handle = { wide: true };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = await getLanguage(request);
  const report = await loadReport(parseReportQuery(new URL(request.url).searchParams), language);
  const { query } = report;
  const milestones = await milestonesOf(report);
  return {
    period: query.period,
    kind: query.kind,
    mode: query.mode,
    selection: report.selection,
    errors: query.errors,
    values: {
      ...periodValues(query),
      selection: selectionValue(query.scope),
      mode: query.mode,
    },
    search: reportSearch(query),
    min: report.min,
    hasJobs: report.jobs !== null,
    tables: tablesOf(report, query.mode),
    milestones: milestoneItems(milestones, language, query.period),
    options: {
      effortAreas: report.names.effortAreaOptions,
      types: report.names.typeOptions,
      programmes: report.names.programmeOptions,
      activities: report.names.activityOptions,
    },
  };
}

const CHARTS = [
  { id: "months", column: "uniqueParticipants" },
  { id: "areas", column: "uniqueParticipants" },
  { id: "types", column: "uniqueParticipants" },
] as const;

function Charts({ tables, min }: { tables: Table[]; min: number }) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  return (
    <section aria-labelledby="charts-heading" className="space-y-4">
      <h2 id="charts-heading" className="text-xl font-bold">
        {t("charts.title")}
      </h2>
      <div className="grid gap-4 lg:grid-cols-3">
        {CHARTS.map(({ id, column }) => {
          const table = tables.find((candidate) => candidate.id === id);
          if (!table || table.rows.length === 0) return null;
          const index = table.columns.indexOf(column);
          const bars = table.rows.filter((row) => !row.total).map((row) => ({ label: labelText(row.label, t, language), cell: row.cells[index]! }));
          return (
            <figure key={id} className="space-y-2 rounded-xl border border-slate-200 p-3">
              <figcaption className="text-lg font-bold" id={`chart-${id}-caption`}>
                {t(`charts.${id}`)}
              </figcaption>
              <BarChart id={`chart-${id}`} title={t(`charts.${id}`)} summary={t("charts.summary")} bars={bars} min={min} language={language} />
              <p>
                <a href={`#table-${id}`} className="inline-flex min-h-11 items-center">
                  {t("charts.toTable", { table: t(`table.${id}.title`) })}
                </a>
              </p>
            </figure>
          );
        })}
      </div>
    </section>
  );
}

export default function Report() {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const summary = data.tables.find((table) => table.id === "summary")!;
  const cell = (key: string) => summary.rows.find((row) => "key" in row.label && row.label.key === `measure.${key}`)!.cells[0]!;
  const periodText = t("periodRange", { from: formatDay(data.period.from, language), to: formatDay(data.period.to, language) });
  return (
    <div className="space-y-6">
      {/* The key figures first (a laptop reads them without scrolling), the filters folded under one line above them. */}
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link to="/staff/milestones" className="inline-flex min-h-11 items-center">
          {t("toMilestones")}
        </Link>
      </div>
      <p>{t("intro")}</p>
      <QueryErrors errors={data.errors} />
      <ReportFilters values={data.values} errors={data.errors} options={data.options} />

      <section aria-labelledby="summary-heading" className="space-y-3">
        <h2 id="summary-heading" className="text-xl font-bold">
          {t("summary.title")}
        </h2>
        <p className="text-lg font-semibold">
          {periodText} · {data.selection ?? t("scope.all")}
        </p>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {(["uniqueParticipants", "enrolments", "attendances", "uniqueHouseholds"] as const).map((key) => (
            <li key={key} className="rounded-xl border-2 border-slate-200 p-3">
              <span className="block text-3xl font-bold tabular-nums" dir="ltr">
                {cellText(cell(key), language, data.min)}
              </span>
              <span className="block">{t(`measure.${key}`)}</span>
            </li>
          ))}
        </ul>
        <p role="note" className="rounded-lg border-2 border-slate-300 bg-slate-50 p-3">
          {data.mode === "exact" ? t("mode.exactNotice") : t("mode.sharedNotice", { min: data.min })}
        </p>
        <p>{t("summary.unique")}</p>
        <p>{t("summary.moved", { moved: cellText(cell("moved"), language, data.min) })}</p>
        <p>
          {t("summary.headCounts", {
            adults: cellText(cell("headCountAdults"), language, data.min),
            children: cellText(cell("headCountChildren"), language, data.min),
          })}
        </p>
      </section>

      <section aria-labelledby="milestones-heading" className="space-y-3">
        <h2 id="milestones-heading" className="text-xl font-bold">
          {t("milestonesTitle")}
        </h2>
        {data.milestones.length === 0 ? <p>{t("noMilestones")}</p> : null}
        <ul className="grid gap-3 lg:grid-cols-2">
          {data.milestones.map((milestone) => (
            <li key={milestone.id} className="rounded-xl border-2 border-slate-200 p-4">
              <MilestoneProgress milestone={milestone} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="export-heading" className="space-y-2">
        <h2 id="export-heading" className="sr-only">
          {t("export.heading")}
        </h2>
        <p className="flex flex-wrap gap-2">
          <ButtonLink to={`/staff/reports.xlsx?${data.search}`} reloadDocument variant="secondary">
            {t("export.xlsx")}
          </ButtonLink>
          <ButtonLink to={`/staff/reports.csv?${data.search}`} reloadDocument variant="secondary">
            {t("export.csv")}
          </ButtonLink>
          <ButtonLink to={`/staff/reports/print?${data.search}`} variant="secondary">
            {t("export.print")}
          </ButtonLink>
        </p>
        <p className="text-sm text-slate-700">{t("export.note", { min: data.min })}</p>
      </section>

      <Charts tables={data.tables} min={data.min} />

      <section aria-labelledby="tables-heading" className="space-y-6">
        <h2 id="tables-heading" className="text-xl font-bold">
          {t("tablesTitle")}
        </h2>
        {data.tables
          .filter((table) => table.id !== "summary")
          .map((table) => (
            <ReportTable key={table.id} table={table} min={data.min} />
          ))}
        <ReportTable table={summary} min={data.min} />
        {!data.hasJobs ? <p className="text-sm text-slate-700">{t("jobsOnlyForAll")}</p> : null}
      </section>
    </div>
  );
}
