// The report for scripts and archives (`npm run report`): the same query
// parser, the same counting and the same shared tables as the page's
// exports (small cells suppressed, no names), as JSON or as the CSV the page
// downloads. A programme is named by its id or its name.
// i18n-namespace: reports
import { db } from "~/lib/db.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { translator } from "~/lib/i18n.server.ts";
import { exportTables, reportCsv } from "./export.server.ts";
import { loadReport } from "./report-data.server.ts";
import { parseReportQuery } from "./report-query.ts";
import { isId } from "~/lib/ids.ts";

export const SCRIPT_FORMATS = ["json", "csv"] as const;
export type ScriptFormat = (typeof SCRIPT_FORMATS)[number];

export class ScriptReportError extends Error {}

/** The report of a custom period (and optionally one programme) as text in the format asked for. */
export async function scriptReport(
  input: { from: string; to: string; programme?: string; format: ScriptFormat; language: Language },
  now = new Date(),
): Promise<string> {
  const t = translator(input.language, "reports");
  const params = new URLSearchParams({ kind: "custom", from: input.from, to: input.to, mode: "shared" });
  if (input.programme !== undefined) {
    const wanted = input.programme.trim();
    const programme = await db.programme.findFirst({
      where: isId(wanted) ? { id: wanted } : { name: { equals: wanted, mode: "insensitive" } },
      select: { id: true },
    });
    if (!programme) throw new ScriptReportError(t("errors.programmeNotFound", { name: wanted }));
    params.set("scope", "programme");
    params.set("scopeId", programme.id);
  }
  const query = parseReportQuery(params, now);
  const problems = Object.entries(query.errors).flatMap(([field, keys]) => keys.map((key) => `${field}: ${t(key)}`));
  if (problems.length) throw new ScriptReportError(problems.join("\n"));
  const report = await loadReport(query, input.language);
  if (input.format === "csv") return reportCsv(report, t, input.language, now);
  return `${JSON.stringify(
    {
      period: report.query.period,
      programme: report.selection,
      min: report.min,
      generatedAt: now.toISOString(),
      tables: exportTables(report, t, input.language),
    },
    null,
    2,
  )}\n`;
}
