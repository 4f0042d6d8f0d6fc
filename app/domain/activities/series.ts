// Expands a plan for an activity's meetings — one or more single dates, a
// camp on consecutive days, or a weekly/fortnightly series — into concrete
// instants. Pure. Decided on the Copenhagen wall clock: a series at 15:00
// stays at 15:00 across the change to and from summer time, although its UTC
// instants move by an hour. Skipped periods (holidays) and, optionally, the
// school holidays are left out and reported, so staff see what was skipped.
import { addDaysToDay, copenhagenInstant, isRealDay, localParts, mondayOf } from "../dates.ts";

// Moved to dates.ts with the rest of Copenhagen time; still importable from here.
export { copenhagenInstant };

/** Calendar days (YYYY-MM-DD, Copenhagen), both inclusive. */
export type Period = { from: string; until: string };

type Times = {
  /** "HH:MM" on the Copenhagen wall clock; the end is later the same day. */
  startTime: string;
  endTime: string;
};

type Skips = {
  /** Periods with no meeting (a holiday gap, a single day off). */
  skip?: Period[];
  /** Also leave out the school holidays passed to expandPlan. */
  skipSchoolHolidays?: boolean;
};

export type SessionPlan =
  /** One meeting, or several on given dates. */
  | ({ kind: "dates"; dates: string[] } & Times & Skips)
  /** A camp: every day from `from` to `until`. */
  | ({ kind: "consecutiveDays"; from: string; until: string } & Times & Skips)
  /** On ISO weekdays (1 = Monday), every week or every other week counted from the week of `from`, until `until` inclusive. */
  | ({ kind: "weekly"; weekdays: number[]; interval: 1 | 2; from: string; until: string } & Times & Skips);

export type PlannedSession = { day: string; startsAt: Date; endsAt: Date };

export type SkippedDay = { day: string; reason: "skipped" | "schoolHoliday" };

export type Expansion = { sessions: PlannedSession[]; skipped: SkippedDay[] };

/** More than this in one plan is a typing mistake, not a programme. */
export const MAX_SESSIONS_PER_PLAN = 400;

const HOUR_MS = 3_600_000;

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** Whether a string is a real calendar day (not 2027-02-30, not 0000-01-01): the rule in dates.ts. */
export const isCalendarDay = isRealDay;

/** Days from `from` to `until` (0 when the same day). */
export function daysBetween(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (24 * HOUR_MS));
}

/** The same wall-clock time `days` days later (a session copied or moved by whole weeks). */
export function shiftByDays(instant: Date, days: number): Date {
  const local = localParts(instant);
  return copenhagenInstant(addDaysToDay(local.day, days), local.time);
}

const within = (day: string, periods: readonly Period[]) => periods.some((period) => period.from <= day && day <= period.until);

function candidateDays(plan: SessionPlan): string[] {
  if (plan.kind === "dates") return [...new Set(plan.dates)].sort();
  const days: string[] = [];
  const count = daysBetween(plan.from, plan.until);
  if (plan.kind === "consecutiveDays") {
    for (let i = 0; i <= count; i++) days.push(addDaysToDay(plan.from, i));
    return days;
  }
  const firstMonday = mondayOf(plan.from);
  for (let i = 0; i <= count; i++) {
    const day = addDaysToDay(plan.from, i);
    const week = daysBetween(firstMonday, mondayOf(day)) / 7;
    if (week % plan.interval === 0 && plan.weekdays.includes(weekdayOf(day))) days.push(day);
  }
  return days;
}

/**
 * The meetings a plan describes, in order, and the days it left out.
 * `schoolHolidays` are used only when the plan asks to skip them.
 * Throws a RangeError when the end time is not after the start time.
 */
export function expandPlan(plan: SessionPlan, schoolHolidays: readonly Period[] = []): Expansion {
  if (plan.endTime <= plan.startTime) throw new RangeError("The end time must be after the start time.");
  const sessions: PlannedSession[] = [];
  const skipped: SkippedDay[] = [];
  for (const day of candidateDays(plan)) {
    if (within(day, plan.skip ?? [])) skipped.push({ day, reason: "skipped" });
    else if (plan.skipSchoolHolidays && within(day, schoolHolidays)) skipped.push({ day, reason: "schoolHoliday" });
    else sessions.push({ day, startsAt: copenhagenInstant(day, plan.startTime), endsAt: copenhagenInstant(day, plan.endTime) });
  }
  return { sessions, skipped };
}
