// Calendar days, weekdays and wall-clock times in the reader's language, for
// schedules and badges: "mandag 5. juli", "5. juli", "mandag og onsdag",
// "15.00". Inputs are Copenhagen calendar days (YYYY-MM-DD) and "HH:MM"
// strings as the schedule summary carries them; output comes from Intl
// (app/lib/format.ts for times), always in Danish time.
import { copenhagenDay } from "~/domain/dates.ts";
import { formatList, formatTime } from "~/lib/format.ts";
import { intlLocale, TIME_ZONE, type Language } from "~/lib/i18n.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), { timeZone: TIME_ZONE, ...options });
    formats.set(key, format);
  }
  return format;
}

/** Noon UTC lies on the same calendar day in Copenhagen, summer or winter. */
const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);

/** The year is named only when it is not this year. */
const yearIfNeeded = (day: string): Intl.DateTimeFormatOptions => (day.slice(0, 4) === copenhagenDay(new Date()).slice(0, 4) ? {} : { year: "numeric" });

/** "mandag 5. juli" / "Monday 5 July" (with the year when it is not this year). */
export function formatDayLong(day: string, language: Language): string {
  return dayFormat(language, { weekday: "long", day: "numeric", month: "long", ...yearIfNeeded(day) }).format(noonOf(day));
}

/** "5. juli" / "5 July" (with the year when it is not this year). */
export function formatDayShort(day: string, language: Language): string {
  return dayFormat(language, { day: "numeric", month: "long", ...yearIfNeeded(day) }).format(noonOf(day));
}

/** ISO weekdays (1 = Monday) as a spoken list: "mandag og onsdag" / "Monday and Wednesday". */
export function formatWeekdays(weekdays: readonly number[], language: Language): string {
  // 1 January 2024 was a Monday.
  const names = weekdays.map((weekday) => dayFormat(language, { weekday: "long" }).format(noonOf(`2024-01-0${weekday}`)));
  return formatList(names, language);
}

/** A Copenhagen wall-clock time "HH:MM" in the reader's style ("15.00" in Danish), via formatTime. */
export function formatClock(time: string, language: Language): string {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  // On 1 January Copenhagen is always at UTC+1 (no summer time).
  return formatTime(new Date(Date.UTC(2001, 0, 1, hours - 1, minutes)), language);
}
