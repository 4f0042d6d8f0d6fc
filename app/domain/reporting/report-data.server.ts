// One report for a query: the counts, the names, the tables in the asked
// mode and the milestones of the selection. The page, the print page and
// both exports start here, so they cannot drift apart.
// i18n-namespace: reports
import { env } from "~/lib/env.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { listMilestones, type MilestoneView } from "./milestones.server.ts";
import { monthsOf } from "./period.ts";
import { countJobs, countParticipation, type Counts, type JobCounts } from "./report.server.ts";
import { reportNames, scopeName, type ReportNames } from "./report-names.server.ts";
import { scopeOf, type ReportQuery } from "./report-query.ts";
import { reportTables, type Mode, type Table } from "./report-tables.ts";

export type Report = {
  query: ReportQuery;
  names: ReportNames;
  /** The selected activity, type or effort area by name; null for everything. */
  selection: string | null;
  counts: Counts;
  /** Pocket-money jobs are not activities: counted only when everything is selected. */
  jobs: JobCounts | null;
  min: number;
};

/** Every month of the period, with the empty ones: a chart and its table show the gaps too. */
function withEveryMonth(counts: Counts, months: string[]): Counts {
  const found = new Map(counts.perMonth.map((row) => [row.month, row]));
  return { ...counts, perMonth: months.map((month) => found.get(month) ?? { month, uniqueParticipants: 0, attendances: 0 }) };
}

export async function loadReport(query: ReportQuery, language: Language): Promise<Report> {
  const names = await reportNames(language);
  let selection: string | null = null;
  if (query.scope.kind !== "all") {
    selection = scopeName(names, query.scope);
    if (selection === null) {
      // An id that names nothing (a deleted activity, a hand-edited link): report on everything and say so.
      query = { ...query, scope: { kind: "all", id: null }, errors: { ...query.errors, scopeId: ["errors.scopeNotFound"] } };
    }
  }
  const scope = scopeOf(query.scope);
  const [counts, jobs] = await Promise.all([
    countParticipation(query.period, scope),
    query.scope.kind === "all" ? countJobs(query.period) : Promise.resolve(null),
  ]);
  return { query, names, selection, counts: withEveryMonth(counts, monthsOf(query.period)), jobs, min: env().REPORT_MIN_CELL };
}

export function tablesOf(report: Report, mode: Mode): Table[] {
  return reportTables(report.counts, report.jobs, report.names, { mode, min: report.min });
}

/** Milestones attached to the selection (all of them for everything), with progress as of `now`. */
export function milestonesOf(report: Report, now = new Date()): Promise<MilestoneView[]> {
  return listMilestones(now, scopeOf(report.query.scope));
}
