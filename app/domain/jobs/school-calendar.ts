// Which Copenhagen days are school days, for the work-time rules: Monday to
// Friday, not inside one of Randers' school holidays (SchoolHoliday rows,
// edited by staff) and not a Danish public holiday (computed here from
// Easter). Pure; the database part is school-calendar.server.ts.
//
// Only public holidays (helligdage) are built in. Days many schools also
// close (Grundlovsdag, the Friday after Ascension) are added by staff as
// holiday rows when Randers closes its schools: a day wrongly counted as
// school-free would allow longer shifts than the law does.
import { addDaysToDay } from "../dates.ts";
import { weekdayOf } from "../activities/series.ts";
import type { SchoolCalendar } from "./work-time.ts";

/** A holiday as calendar days, both inclusive (YYYY-MM-DD). */
export type HolidayPeriod = { startsOn: string; endsOn: string };

/** Easter Sunday of a year (anonymous Gregorian algorithm), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Danish public holidays (helligdage) of a year: New Year's Day, Maundy
 * Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday
 * and Monday, Christmas Day and Boxing Day; Store Bededag until 2023 (abolished
 * from 2024 by lov nr. 30 af 01/03/2023).
 */
export function publicHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const fromEaster = [-3, -2, 0, 1, 39, 49, 50];
  if (year <= 2023) fromEaster.push(26);
  return new Set([`${year}-01-01`, ...fromEaster.map((days) => addDaysToDay(easter, days)), `${year}-12-25`, `${year}-12-26`]);
}

export function isPublicHoliday(day: string): boolean {
  return publicHolidays(Number(day.slice(0, 4))).has(day);
}

/** The school calendar given the holiday periods (only those that may matter need be passed). */
export function schoolCalendar(holidays: readonly HolidayPeriod[]): SchoolCalendar {
  return (day: string) => {
    if (weekdayOf(day) > 5) return false;
    if (isPublicHoliday(day)) return false;
    return !holidays.some((holiday) => holiday.startsOn <= day && day <= holiday.endsOn);
  };
}
