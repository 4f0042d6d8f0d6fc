// Text for the report's labels and cells, the same on the page, the print
// page, CSV and xlsx: a row label is a translation key or a name, a month is
// named by Intl ("juli 2026"), a small cell is "<5" and a cell hidden so a
// small one cannot be worked out is "..". Pure.
import { formatMonth } from "~/lib/format.ts";
import { formatNumber } from "~/lib/format.ts";
import { intlLocale, TIME_ZONE, type Language } from "~/lib/i18n.ts";
import type { Label } from "./report-tables.ts";
import type { ShownCount } from "./suppression.ts";

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The mark of a cell hidden by secondary suppression (as Danmarks Statistik marks confidential cells). */
export const HIDDEN_MARK = "..";

/** "juli 2026" for "2026-07". */
export const monthLabel = formatMonth;

/** "jul." for "2026-07": chart axes have little room. */
export function shortMonthLabel(month: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeZone: TIME_ZONE, month: "short" }).format(new Date(`${month}-15T12:00:00Z`));
}

export function labelText(label: Label, t: Translate, language: Language): string {
  if ("text" in label) return label.text;
  if (label.key === "month") return monthLabel(String(label.params?.month), language);
  return t(label.key, label.params);
}

/** A cell for reading: a formatted number, "<5" or "..". */
export function cellText(cell: ShownCount, language: Language, min: number): string {
  if (cell.kind === "value") return formatNumber(cell.value, language);
  return cell.kind === "small" ? `<${formatNumber(min, language)}` : HIDDEN_MARK;
}

/** A cell for a spreadsheet: a number stays a number. */
export function cellValue(cell: ShownCount, min: number): number | string {
  if (cell.kind === "value") return cell.value;
  return cell.kind === "small" ? `<${min}` : HIDDEN_MARK;
}
