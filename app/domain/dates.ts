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

export function addDaysToDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Monday of the ISO week a day lies in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return addDaysToDay(day, 1 - weekday);
}
