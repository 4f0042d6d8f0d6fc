// Confirmed hours and pay per young person per job for one month, for
// payroll (staff): a page, a CSV and an xlsx from the same rows. A month is
// the Copenhagen month of the shift's start; only confirmed hours count, and
// the shifts still waiting for confirmation are counted apart so staff can
// chase them before paying.
import ExcelJS from "exceljs";
import { exportRow } from "~/lib/csv.ts";
import { db } from "~/lib/db.server.ts";
import { textIn } from "../activities/text.ts";
import { copenhagenInstant, dateOnly } from "../dates.ts";
import type { Language } from "~/lib/i18n.ts";
import { translator } from "~/lib/i18n.server.ts";
import { monthOf, payByMonth, type PayUnit } from "./pay.ts";
import { monthSchema } from "./shift-schemas.ts";

export type HoursRow = {
  name: string;
  birthDate: string | null;
  job: string;
  role: string;
  payUnit: PayUnit;
  rateOre: number;
  shifts: number;
  minutes: number;
  payOre: number;
};

/** First instant of a month ("2027-03") and of the next, in Copenhagen time. */
export function monthRange(month: string): { from: Date; until: Date } {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
  return { from: copenhagenInstant(`${month}-01`, "00:00"), until: copenhagenInstant(`${next}-01`, "00:00") };
}

export async function hoursForMonth(month: string, language: Language): Promise<{ rows: HoursRow[]; waiting: number }> {
  const { from, until } = monthRange(month);
  const inMonth = { cancelledAt: null, startsAt: { gte: from, lt: until } };
  const [assignments, waiting] = await Promise.all([
    db.shiftAssignment.findMany({
      where: { status: "ASSIGNED", confirmedAt: { not: null }, shift: inMonth },
      select: {
        workedMinutes: true,
        shift: { select: { startsAt: true } },
        employment: {
          select: {
            id: true,
            role: true,
            postingId: true,
            person: { select: { firstName: true, lastName: true, birthDate: true } },
            posting: { select: { title: true, payOre: true, payUnit: true } },
          },
        },
      },
    }),
    db.shiftAssignment.count({ where: { status: "ASSIGNED", confirmedAt: null, shift: { ...inMonth, endsAt: { lte: new Date() } } } }),
  ]);
  const byEmployment = new Map<string, typeof assignments>();
  for (const assignment of assignments) byEmployment.set(assignment.employment.id, [...(byEmployment.get(assignment.employment.id) ?? []), assignment]);
  const rows: HoursRow[] = [];
  for (const list of byEmployment.values()) {
    const { employment } = list[0]!;
    const rate = { payUnit: employment.posting.payUnit as PayUnit, payOre: employment.posting.payOre };
    const [total] = payByMonth(list.map((a) => ({ postingId: employment.postingId, startsAt: a.shift.startsAt, workedMinutes: a.workedMinutes ?? 0, rate })));
    if (!total) continue;
    rows.push({
      name: `${employment.person.firstName} ${employment.person.lastName}`,
      birthDate: employment.person.birthDate ? dateOnly(employment.person.birthDate) : null,
      job: textIn(employment.posting.title, language),
      role: employment.role,
      payUnit: rate.payUnit,
      rateOre: rate.payOre,
      shifts: total.shifts,
      minutes: total.minutes,
      payOre: total.payOre,
    });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name, "da") || a.job.localeCompare(b.job, "da"));
  return { rows, waiting };
}

/** The header and the cells of the export (kroner and hours as numbers, so a spreadsheet can add them). */
export function exportTable(rows: readonly HoursRow[], header: readonly string[], unitName: (unit: PayUnit) => string): (string | number)[][] {
  return [
    [...header],
    ...rows.map((row) => [
      row.name,
      row.birthDate ?? "",
      row.job,
      row.role,
      unitName(row.payUnit),
      row.rateOre / 100,
      row.shifts,
      Math.round((row.minutes / 60) * 100) / 100,
      row.payOre / 100,
    ]),
  ];
}

/** A month's rows as the export table, header and pay units in the reader's language (labels in shifts.json). */
export async function hoursExportTable(month: string, language: Language): Promise<(string | number)[][]> {
  const t = translator(language, "shifts");
  const { rows } = await hoursForMonth(month, language);
  return exportTable(
    rows,
    EXPORT_COLUMNS.map((key) => t(`export.${key}`)),
    (unit) => t(`export.unit${unit}`),
  );
}

export async function toXlsx(table: (string | number)[][], sheetName: string): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Aktivitetsportalen";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  // Strings go in as text cells, never as formulas, so a name like "=1+1" cannot run.
  for (const row of table) sheet.addRow(exportRow(row));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 18));
  for (const index of [6, 9]) sheet.getColumn(index).numFmt = "#,##0.00";
  sheet.getColumn(8).numFmt = "0.00";
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer).slice().buffer;
}

/** The columns of the CSV and xlsx (labels: export.<key> in shifts.json). */
export const EXPORT_COLUMNS = ["name", "birthDate", "job", "role", "payUnit", "rate", "shifts", "hours", "pay"] as const;

/** A typed month ("2026-12"), or the current Copenhagen month when none is given; null when it is not a month. */
export function requestedMonth(value: string | null, now = new Date()): string | null {
  if (value === null || value === "") return monthOf(now);
  const parsed = monthSchema.safeParse({ month: value });
  return parsed.success ? parsed.data.month : null;
}
