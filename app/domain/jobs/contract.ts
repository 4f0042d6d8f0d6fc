// When a pocket-money job needs a written contract signed by the guardians:
// the employment lasts more than one month AND averages 8 hours a week or
// more (issue #6; the threshold of the Danish rules on written terms of
// employment, ansættelsesbevisloven, as the programme applies it). Pure:
// the caller passes the period and the minutes of the employment's shifts.
//
// Definitions (pinned in contract.test.ts):
// - Period: from the start day to the last day, both included. The last day
//   is the day it ended, else the planned last day; none (until further
//   notice) counts as more than one month.
// - "Exactly one month" ends the day before the same date in the next month
//   (1 March–31 March, 15 January–14 February). When the next month has no
//   such date, the month's last day stands in for it (31 January → 28
//   February, so exactly one month is 31 January–27 February). One day
//   more is "more than one month".
// - Average per week = all shift minutes of the employment ÷ (days in the
//   period ÷ 7), never over less than one week. Open-ended employments are
//   averaged up to the day of the last shift planned so far (at least one
//   week), so the warning appears as soon as the planned shifts reach it.
// - Shift minutes: assigned (not released) shifts that are not cancelled;
//   confirmed minutes where the hours are confirmed, else the planned
//   length minus the break.
import { addDaysToDay } from "../dates.ts";

export const CONTRACT_WEEKLY_MINUTES = 8 * 60;

export type ContractShift = { day: string; minutes: number };
export type ContractInput = {
  /** YYYY-MM-DD. */
  startsOn: string;
  /** Last day (ended, else planned); null: until further notice. */
  lastDay: string | null;
  shifts: readonly ContractShift[];
};

export type ContractNeed = {
  required: boolean;
  longerThanMonth: boolean;
  totalMinutes: number;
  /** Whole minutes, rounded down. */
  averageWeeklyMinutes: number;
  /** Days the average is taken over. */
  days: number;
};

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The last day of an employment of exactly one month that starts on `startsOn`. */
export function oneMonthLastDay(startsOn: string): string {
  const [y, m, d] = startsOn.split("-").map(Number) as [number, number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const sameDate = `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, daysInMonth(year, month))).padStart(2, "0")}`;
  return addDaysToDay(sameDate, -1);
}

/** Days from `from` to `to`, both included. */
function daysIncluded(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Minutes a shift counts with: confirmed minutes when confirmed, else planned length minus break. */
export function shiftMinutes(shift: { startsAt: Date; endsAt: Date; breakMinutes: number; workedMinutes: number | null; confirmedAt: Date | null }): number {
  if (shift.confirmedAt && shift.workedMinutes !== null) return shift.workedMinutes;
  return Math.max(0, Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000) - shift.breakMinutes);
}

export function contractNeed(input: ContractInput): ContractNeed {
  const longerThanMonth = input.lastDay === null || input.lastDay > oneMonthLastDay(input.startsOn);
  const totalMinutes = input.shifts.reduce((sum, shift) => sum + shift.minutes, 0);
  const lastShift = input.shifts.reduce<string | null>((last, shift) => (last === null || shift.day > last ? shift.day : last), null);
  const end = input.lastDay ?? lastShift ?? input.startsOn;
  const days = Math.max(7, daysIncluded(input.startsOn, end));
  // Integer arithmetic: minutes × 7 ÷ days, so exactly 8 h a week is not lost to rounding.
  const averageWeeklyMinutes = Math.floor((totalMinutes * 7) / days);
  const required = longerThanMonth && totalMinutes * 7 >= CONTRACT_WEEKLY_MINUTES * days;
  return { required, longerThanMonth, totalMinutes, averageWeeklyMinutes, days };
}
