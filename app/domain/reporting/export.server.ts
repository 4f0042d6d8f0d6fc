// The report as CSV and xlsx for the funder and the board. Always the shared
// view (small cells suppressed) and never a person's name: the file leaves
// the office. Same tables as the page (report-tables.ts), plus the filters
// used, when it was made, and what every measure means.
// i18n-namespace: reports
import ExcelJS from "exceljs";
import { formatDateTime, formatDay } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";
import { exportRow, toCsv } from "~/lib/csv.ts";
import { tablesOf, type Report } from "./report-data.server.ts";
import { cellValue, labelText, type Translate } from "./report-labels.ts";
import type { Table } from "./report-tables.ts";

/** The measures explained in the definitions (keys under `definitions.` in reports.json). */
export const DEFINITIONS = [
  "period",
  "enrolments",
  "waitingList",
  "cancellations",
  "attendances",
  "sessionsHeld",
  "activitiesHeld",
  "uniqueParticipants",
  "uniqueHouseholds",
  "programmes",
  "moved",
  "area",
  "age",
  "gender",
  "headCounts",
  "jobs",
  "suppression",
  "hidden",
] as const;

export type ExportTable = { id: Table["id"]; title: string; sheet: string; header: string[]; rows: (string | number)[][] };

/** The tables as plain rows of text and numbers (numbers stay numbers for the spreadsheet). */
export function exportTables(report: Report, t: Translate, language: Language): ExportTable[] {
  return tablesOf(report, "shared").map((table) => ({
    id: table.id,
    title: t(`table.${table.id}.title`),
    sheet: t(`table.${table.id}.sheet`),
    header: [t(`table.${table.id}.rowHeading`), ...table.columns.map((column) => t(`measure.${column}`))],
    rows: table.rows.map((row) => [labelText(row.label, t, language), ...row.cells.map((cell) => cellValue(cell, report.min))]),
  }));
}

/** The filters used, as label/value pairs. */
export function filterRows(report: Report, t: Translate, language: Language, now: Date): [string, string][] {
  const { query } = report;
  return [
    [t("filters.report"), t("title")],
    [t("filters.period"), t("periodRange", { from: formatDay(query.period.from, language), to: formatDay(query.period.to, language) })],
    [t("filters.kind"), t(`kind.${query.kind}`)],
    [t("filters.selection"), report.selection ? `${t(`scope.${query.scope.kind}`)}: ${report.selection}` : t("scope.all")],
    [t("filters.numbers"), t("filters.sharedNumbers", { min: report.min })],
    [t("filters.generated"), formatDateTime(now, language)],
  ];
}

export function definitionRows(report: Report, t: Translate): [string, string][] {
  return DEFINITIONS.map((key) => [t(`definitionName.${key}`, { min: report.min }), t(`definitions.${key}`, { min: report.min })]);
}

export function reportCsv(report: Report, t: Translate, language: Language, now = new Date()): string {
  const rows: (string | number)[][] = [];
  for (const [label, value] of filterRows(report, t, language, now)) rows.push([label, value]);
  for (const table of exportTables(report, t, language)) {
    rows.push([], [table.title], table.header, ...table.rows);
  }
  rows.push([], [t("definitionsTitle")]);
  for (const [label, value] of definitionRows(report, t)) rows.push([label, value]);
  return toCsv(rows);
}

export async function reportXlsx(report: Report, t: Translate, language: Language, now = new Date()): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Aktivitetsportalen";
  workbook.created = now;
  const textSheet = (name: string, rows: [string, string][]) => {
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    for (const row of rows) sheet.addRow(exportRow(row));
    sheet.getColumn(1).width = 28;
    sheet.getColumn(2).width = 90;
    sheet.getColumn(2).alignment = { wrapText: true, vertical: "top" };
    sheet.getColumn(1).font = { bold: true };
  };
  textSheet(t("sheet.filters"), filterRows(report, t, language, now));
  for (const table of exportTables(report, t, language)) {
    const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
    // Strings go in as text, never as formulas: a name like "=1+1" cannot run.
    sheet.addRow(exportRow(table.header)).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(exportRow(row));
      added.eachCell((cell, column) => {
        if (typeof cell.value === "string" && column > 1) cell.alignment = { horizontal: "right" };
      });
    }
    sheet.getColumn(1).width = 36;
    for (let index = 2; index <= table.header.length; index++) sheet.getColumn(index).width = 16;
    sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  }
  textSheet(t("sheet.definitions"), definitionRows(report, t));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer).slice().buffer;
}

/** "rapport-2026-07-01-2026-09-30" */
export function exportFileName(report: Report, extension: "csv" | "xlsx"): string {
  return `rapport-${report.query.period.from}-${report.query.period.to}.${extension}`;
}
