// When an activity meets, in a shape that plain words can be made from:
// "every Monday and Wednesday 15:00–17:00", "every day from Monday 6 July to
// Friday 10 July", "6 meetings from 3 March". Pure; decided by Copenhagen
// wall-clock time, so a series keeps its 18:00 across the change to summer
// time even though its UTC instants move.
//
// The summary holds only strings and numbers — calendar days as YYYY-MM-DD
// (Copenhagen), times as "HH:MM" (Copenhagen wall clock) — so it travels
// from a loader to the browser unchanged, with or without Date revival.
import { addDaysToDay, localParts, mondayOf } from "../dates.ts";

export type ScheduleSummary =
  /** No session still to come. */
  | { kind: "none" }
  /** One meeting. `endDay` only when it ends on a later day than it starts. */
  | { kind: "single"; day: string; startTime: string; endTime: string; endDay?: string }
  /** One meeting a day on consecutive days at the same time (a holiday camp). */
  | { kind: "consecutiveDays"; firstDay: string; lastDay: string; startTime: string; endTime: string; count: number }
  /**
   * A weekly (interval 1) or fortnightly (interval 2) series on the same
   * ISO weekdays (1 = Monday) at the same time. Weeks may be skipped
   * (holidays); `exceptions` meetings (at most one) fall outside the pattern.
   */
  | {
      kind: "weekly";
      weekdays: number[];
      interval: 1 | 2;
      startTime: string;
      endTime: string;
      from: string;
      until: string;
      count: number;
      exceptions: number;
    }
  /** Anything else: how many, from when, and the time if all share it. */
  | { kind: "dates"; count: number; from: string; until: string; startTime?: string; endTime?: string };

export type SessionTimes = { startsAt: Date; endsAt: Date };

/** A session on the Copenhagen wall clock. */
type Local = { day: string; endDay: string; weekday: number; week: number; startTime: string; endTime: string };

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const FIRST_MONDAY = Date.UTC(1970, 0, 5);

/** Consecutive number of the ISO week a day lies in (any fixed origin will do). */
function weekNumber(day: string): number {
  return Math.round((Date.parse(`${mondayOf(day)}T00:00:00Z`) - FIRST_MONDAY) / WEEK_MS);
}

function toLocal(session: SessionTimes): Local {
  const start = localParts(session.startsAt);
  const end = localParts(session.endsAt);
  return { day: start.day, endDay: end.day, weekday: start.weekday, week: weekNumber(start.day), startTime: start.time, endTime: end.time };
}

const timeKey = (local: Local) => `${local.startTime}-${local.endTime}`;

/** The most frequent value; ties go to the one seen first. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

function isConsecutiveDays(locals: Local[]): boolean {
  const sameTime = locals.every((local) => timeKey(local) === timeKey(locals[0]!) && local.endDay === local.day);
  return sameTime && locals.every((local, i) => i === 0 || local.day === addDaysToDay(locals[i - 1]!.day, 1));
}

type WeeklyPattern = { weekdays: number[]; interval: 1 | 2; startTime: string; endTime: string; exceptions: number };

/**
 * A weekly or fortnightly pattern, if the sessions follow one:
 * - one time of day (the most common), on the weekdays that occur in at
 *   least half of the weeks that have a session;
 * - at most one session outside that (a moved meeting), and only when at
 *   least four sessions make the pattern clear;
 * - sessions in at least two thirds of the weeks the series spans (two
 *   weeks only when they are next to each other): holidays may be skipped,
 *   scattered dates are no series.
 * Fortnightly when every week with a session has the same parity.
 */
function weeklyPattern(locals: Local[]): WeeklyPattern | null {
  const allowance = locals.length >= 4 ? 1 : 0;
  const time = mostCommon(locals.map(timeKey));
  const timed = locals.filter((local) => timeKey(local) === time);
  const timedWeeks = new Set(timed.map((local) => local.week)).size;
  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((weekday) => {
    const count = timed.filter((local) => local.weekday === weekday).length;
    return count > 0 && count * 2 >= timedWeeks;
  });
  const conforming = timed.filter((local) => weekdays.includes(local.weekday));
  const exceptions = locals.length - conforming.length;
  if (exceptions > allowance) return null;

  const weeks = [...new Set(conforming.map((local) => local.week))].sort((a, b) => a - b);
  if (weeks.length < 2) return null;
  const interval = weeks.every((week) => (week - weeks[0]!) % 2 === 0) ? 2 : 1;
  const spannedWeeks = (weeks.at(-1)! - weeks[0]!) / interval + 1;
  const covered = weeks.length > 2 ? weeks.length * 3 >= spannedWeeks * 2 : spannedWeeks === 2;
  if (!covered) return null;

  const { startTime, endTime } = conforming[0]!;
  return { weekdays, interval, startTime, endTime, exceptions };
}

/**
 * Summarises the sessions still to come (not cancelled) of one activity.
 * The order of `sessions` does not matter.
 */
export function summariseSchedule(sessions: readonly SessionTimes[]): ScheduleSummary {
  const locals = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map(toLocal);
  const first = locals[0];
  const last = locals.at(-1);
  if (!first || !last) return { kind: "none" };
  const { startTime, endTime } = first;

  if (locals.length === 1) {
    return first.endDay === first.day
      ? { kind: "single", day: first.day, startTime, endTime }
      : { kind: "single", day: first.day, startTime, endTime, endDay: first.endDay };
  }
  if (isConsecutiveDays(locals)) {
    return { kind: "consecutiveDays", firstDay: first.day, lastDay: last.day, startTime, endTime, count: locals.length };
  }
  const weekly = weeklyPattern(locals);
  if (weekly) return { kind: "weekly", ...weekly, from: first.day, until: last.day, count: locals.length };

  const span = { count: locals.length, from: first.day, until: last.day };
  const oneTime = locals.every((local) => timeKey(local) === timeKey(first));
  return oneTime ? { kind: "dates", ...span, startTime, endTime } : { kind: "dates", ...span };
}
