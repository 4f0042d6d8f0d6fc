// Calendar arithmetic in Danish time. A "day" is a YYYY-MM-DD string: the
// date a Copenhagen wall calendar shows for an instant.
import { TIME_ZONE } from "~/lib/i18n.ts";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "short",
});

/** The Copenhagen calendar day of an instant, e.g. "2027-03-03". */
export function copenhagenDay(instant: Date): string {
  return dayFormat.format(instant);
}

/** A birth date stored as a `date` column (midnight UTC) as YYYY-MM-DD. */
export function dateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole years between a birth day and a day (both YYYY-MM-DD). A birthday counts on the day itself. */
export function ageOn(birthDay: string, day: string): number {
  const [by, bm, bd] = birthDay.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * What is known of a birth: the full date, or the year alone (a walk-in, an adult's year for the funder's statistics).
 * Nothing is invented (no 1 July): docs/decisions/016-area-history-and-birth-years.md.
 */
export type KnownBirth = { birthDay: string | null; birthYear: number | null };

/**
 * Age on a day from what is known: a full date gives whole years (ageOn); a year alone gives the age reached in the
 * day's calendar year, year − birth year (the "årgang", how schools and clubs group children). So a child known only
 * as "born 2016" counts as 10 for all of 2026: at most one year older than a full date would make them, never
 * younger. Age bands in the reports and an activity's age limits use this rule; null when nothing is known.
 */
export function ageOnKnown(birth: KnownBirth, day: string): number | null {
  if (birth.birthDay) return ageOn(birth.birthDay, day);
  if (birth.birthYear !== null) return Number(day.slice(0, 4)) - birth.birthYear;
  return null;
}

export type LocalParts = { day: string; time: string; weekday: number };

const HOUR_MS = 3_600_000;
// Copenhagen's offset from UTC per UTC hour (clocks change on whole UTC hours): Intl's formatToParts is slow,
// and a catalogue page asks for hundreds of sessions' local times. A cache only; cleared when it grows large.
const offsetByHour = new Map<number, number>();

function copenhagenOffset(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const parts = Object.fromEntries(partsFormat.formatToParts(new Date(hour * HOUR_MS)).map((part) => [part.type, Number(part.value)]));
    offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - hour * HOUR_MS;
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** Copenhagen wall-clock parts: day, "HH:MM" and ISO weekday (1 = Monday). */
export function localParts(instant: Date): LocalParts {
  const local = new Date(instant.getTime() + copenhagenOffset(instant));
  const iso = local.toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16), weekday: local.getUTCDay() || 7 };
}

/**
 * The instant Copenhagen clocks show `time` on `day`. Copenhagen is UTC+1
 * in winter and UTC+2 in summer. A time shown twice (the autumn change,
 * 02:00–02:59) is the earlier instant; a time never shown (the spring
 * change) is read as the clock moved forward would show it (02:30 → 03:30).
 */
export function copenhagenInstant(day: string, time: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wall - offsetHours * HOUR_MS);
    const local = localParts(candidate);
    if (local.day === day && local.time === time) return candidate;
  }
  return new Date(wall - HOUR_MS);
}

/** The instant a Copenhagen calendar day begins (midnight is shown on every day: clocks change at 02:00/03:00). */
export const copenhagenMidnight = (day: string): Date => copenhagenInstant(day, "00:00");

export function addDaysToDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Daytime on the Copenhagen clock, when a message that can wait (a reminder, a broadcast) may ring a phone:
 * from 08:00 until 20:00. Policy, not law: the secretariat's choice (issue 20).
 */
export const DAYTIME = { from: "08:00", until: "20:00" } as const;

/** `instant` when it is daytime in Copenhagen, else the next 08:00 (the same morning, or the next one after 20:00). */
export function nextDaytime(instant: Date): Date {
  const { day, time } = localParts(instant);
  if (time >= DAYTIME.from && time < DAYTIME.until) return instant;
  return copenhagenInstant(time < DAYTIME.from ? day : addDaysToDay(day, 1), DAYTIME.from);
}

/** Monday of the ISO week a day lies in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return addDaysToDay(day, 1 - weekday);
}

// ---------------------------------------------------------------- dates typed into forms

/** The plan period (helhedsplanen 2025–2029): reports count it, and dates of the programme lie around it. */
export const PLAN_PERIOD = { from: "2025-01-01", to: "2029-12-31" } as const;

/**
 * What a typed date may be, per kind of field (both ends inclusive, Copenhagen days; `today` is the day the form
 * is sent). The messages (common.json `dates.range.<kind>`) say the same range in words.
 * - birth: from 1900-01-01 to today. Nobody registered was born before 1900, nobody is born tomorrow (a form may
 *   narrow it further: a child is under 18).
 * - near: from one year before today to two years after — activity sessions and their plans, sign-up windows,
 *   shifts, interviews, hiring and ending an employment: work planned or recorded now, never decades away; two
 *   years ahead lets a school year be planned early, one year back lets the past be corrected.
 * - plan: the plan period with five years either side, 2020-01-01 to 2034-12-31 — school holidays, milestones and
 *   their status notes, job application deadlines, a housing area's active dates, report periods: dates of the
 *   programme, which may be entered long before or looked back on long after.
 */
export const DAY_KINDS = ["birth", "near", "plan"] as const;
export type DayKind = (typeof DAY_KINDS)[number];
const PLAN_MARGIN_YEARS = 5;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function addYearsToDay(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  // 29 February plus a year is 28 February, not 1 March.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The first and last day a field of this kind accepts on `today`. */
export function dayRange(kind: DayKind, today: string): { from: string; to: string } {
  if (kind === "birth") return { from: "1900-01-01", to: today };
  if (kind === "near") return { from: addYearsToDay(today, -1), to: addYearsToDay(today, 2) };
  return { from: addYearsToDay(PLAN_PERIOD.from, -PLAN_MARGIN_YEARS), to: addYearsToDay(PLAN_PERIOD.to, PLAN_MARGIN_YEARS) };
}

/** A day that exists: YYYY-MM-DD, year 0001–9999, a real month and a real day of it (not 2025-02-31, not 0000-01-01). */
export function isRealDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() && (month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)));
}

/** A time of day as a clock shows it: HH:MM from 00:00 to 23:59 (not 24:00, not 25:00, not 12:60). */
export function isRealTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

export type DayProblem = "invalid" | "outOfRange";

/** Why a typed day cannot be used for a field of this kind, or null when it can. */
export function dayProblem(value: string, kind: DayKind, today = copenhagenDay(new Date())): DayProblem | null {
  if (!isRealDay(value)) return "invalid";
  const range = dayRange(kind, today);
  return value < range.from || value > range.to ? "outOfRange" : null;
}

/** The same for a month (YYYY-MM, a payroll month): it must hold a day of the range. */
export function monthProblem(value: string, kind: DayKind, today = copenhagenDay(new Date())): DayProblem | null {
  if (!/^\d{4}-\d{2}$/.test(value) || !isRealDay(`${value}-01`)) return "invalid";
  const range = dayRange(kind, today);
  return `${value}-31` < range.from || `${value}-01` > range.to ? "outOfRange" : null;
}
