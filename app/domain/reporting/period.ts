// Reporting periods: a range of Copenhagen calendar days, first and last day
// inclusive, with the shortcuts staff report by (month, quarter, half-year,
// calendar year, and the whole plan period 2025–2029).
import { addDaysToDay, PLAN_PERIOD } from "../dates.ts";

export type Period = { from: string; to: string };

export { PLAN_PERIOD };

export const PERIOD_KINDS = ["month", "quarter", "half", "year", "plan", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period of a kind that contains `day` (months are 1-based). */
export function periodContaining(kind: Exclude<PeriodKind, "custom">, day: string): Period {
  if (kind === "plan") return PLAN_PERIOD;
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const months = kind === "month" ? 1 : kind === "quarter" ? 3 : kind === "half" ? 6 : 12;
  const first = Math.floor((month - 1) / months) * months + 1;
  const last = first + months - 1;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
}

/** The period of the same kind just before the one containing `day` ("last quarter"). */
export function previousPeriod(kind: Exclude<PeriodKind, "custom" | "plan">, day: string): Period {
  return periodContaining(kind, addDaysToDay(periodContaining(kind, day).from, -1));
}

/** Days in a period, both ends included. */
export function periodDays(period: Period): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The months ("YYYY-MM") a period touches, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const end = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${pad(month)}`;
    months.push(key);
    if (key >= end) return months;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}

/**
 * The report's age bands, the one table both the report's SQL (report.server.ts builds its CASE from it) and the
 * code read: a band holds the whole years below `below` and at or above the previous band's; the last has no end.
 */
export const AGE_BAND_TABLE = [
  { band: "0-5", below: 6 },
  { band: "6-12", below: 13 },
  { band: "13-17", below: 18 },
  { band: "18-29", below: 30 },
  { band: "30-64", below: 65 },
  { band: "65+", below: null },
] as const;
export type AgeBand = (typeof AGE_BAND_TABLE)[number]["band"] | "unknown";
export const AGE_BANDS: readonly Exclude<AgeBand, "unknown">[] = AGE_BAND_TABLE.map((row) => row.band);

/** The band of an age in whole years (null: unknown). */
export function ageBandOf(years: number | null): AgeBand {
  if (years === null) return "unknown";
  return AGE_BAND_TABLE.find((row) => row.below === null || years < row.below)!.band;
}
