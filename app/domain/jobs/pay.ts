// Pocket money from confirmed hours. Pure. Only confirmed assignments count
// (the caller passes those); a month is the Copenhagen month of the shift's
// start, so a shift 23:30–00:30 on 31 January counts in January.
//
// Rounding: per HOUR the exact amount of a month is minutes × rate / 60,
// rounded once to whole øre (half up) for each posting in that month — not
// per shift, where twenty-odd roundings can drift by several øre from what
// the hours add up to. Per SHIFT: the rate for every confirmed assignment
// with more than 0 minutes worked (0 minutes: confirmed as not worked).
import { copenhagenDay } from "../dates.ts";

export type PayUnit = "HOUR" | "SHIFT";
export type PayRate = { payUnit: PayUnit; payOre: number };

/** One confirmed assignment. `postingId` separates rates within a month. */
export type ConfirmedWork = { postingId: string; startsAt: Date; workedMinutes: number; rate: PayRate };

export type MonthTotal = {
  /** "YYYY-MM" (Copenhagen). */
  month: string;
  minutes: number;
  /** Assignments with time worked. */
  shifts: number;
  payOre: number;
};

/** "2027-03": the Copenhagen month an instant falls in. */
export function monthOf(instant: Date): string {
  return copenhagenDay(instant).slice(0, 7);
}

/** Pay for the minutes (or shifts) of one posting in one period, rounded once. */
export function payFor(rate: PayRate, minutes: number, shifts: number): number {
  if (rate.payUnit === "SHIFT") return rate.payOre * shifts;
  return Math.round((minutes * rate.payOre) / 60);
}

/** Totals per month, oldest first. */
export function payByMonth(work: readonly ConfirmedWork[]): MonthTotal[] {
  const groups = new Map<string, { month: string; rate: PayRate; minutes: number; shifts: number }>();
  for (const item of work) {
    if (item.workedMinutes <= 0) continue;
    const month = monthOf(item.startsAt);
    const key = `${month}|${item.postingId}|${item.rate.payUnit}|${item.rate.payOre}`;
    const group = groups.get(key) ?? { month, rate: item.rate, minutes: 0, shifts: 0 };
    group.minutes += item.workedMinutes;
    group.shifts += 1;
    groups.set(key, group);
  }
  const months = new Map<string, MonthTotal>();
  for (const group of groups.values()) {
    const total = months.get(group.month) ?? { month: group.month, minutes: 0, shifts: 0, payOre: 0 };
    total.minutes += group.minutes;
    total.shifts += group.shifts;
    total.payOre += payFor(group.rate, group.minutes, group.shifts);
    months.set(group.month, total);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}
