// Dates, times and numbers for the reader's language, always in Danish time.
import { intlLocale, TIME_ZONE, type Language } from "./i18n.ts";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), { timeZone: TIME_ZONE, ...options });
    cache.set(key, format);
  }
  return format;
}

/** "mandag 3. marts 2027" / "Monday 3 March 2027" */
export function formatDate(date: Date, language: Language): string {
  return dateFormat(language, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** "15.00" (da) / "15:00" (en, ar) */
export function formatTime(date: Date, language: Language): string {
  return dateFormat(language, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
}

/**
 * "16.00–17.30". In Arabic the range is a left-to-right island (LRI … PDI): digits, colon and dash are weak in a
 * right-to-left sentence, and without it a reader sees "17:30–16:00", the end before the start (issue 19, defect 12).
 */
export function formatTimeRange(start: Date, end: Date, language: Language): string {
  const range = `${formatTime(start, language)}–${formatTime(end, language)}`;
  return language === "ar" ? `\u2066${range}\u2069` : range;
}

/** A date and a time, or a time range: "mandag 3. marts 2027, 15.00–17.00"; Arabic takes its own comma (،). */
export function formatWhen(start: Date, end: Date | null, language: Language): string {
  const time = end ? formatTimeRange(start, end, language) : language === "ar" ? `\u2066${formatTime(start, language)}\u2069` : formatTime(start, language);
  return `${formatDate(start, language)}${language === "ar" ? "، " : ", "}${time}`;
}

/**
 * "7. december 2026 kl. 15.00" / "7 December 2026 at 15:00" / "7 ديسمبر 2026 في 15:00": the month written out, as
 * every other date on the page (dateStyle "medium" gave "07/12/2026" in Arabic beside written-out dates: defect 12).
 */
export function formatDateTime(date: Date, language: Language): string {
  return dateFormat(language, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
}

export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(language), options);
    cache.set(key, format);
  }
  return format.format(value);
}

/** Amounts are stored in øre. */
export function formatKroner(ore: number, language: Language): string {
  return formatNumber(ore / 100, language, { style: "currency", currency: "DKK", minimumFractionDigits: ore % 100 === 0 ? 0 : 2 });
}

/** A calendar day (YYYY-MM-DD, e.g. a birth date): "1. maj 2016". */
export function formatDay(day: string, language: Language): string {
  return dateFormat(language, { day: "numeric", month: "long", year: "numeric" }).format(new Date(`${day}T12:00:00Z`));
}

/** A calendar month ("2026-07") in words: "juli 2026". */
export function formatMonth(month: string, language: Language): string {
  return dateFormat(language, { month: "long", year: "numeric" }).format(new Date(`${month}-15T12:00:00Z`));
}

/** Names as a list in the reader's language: "Emma og Lucas" / "Emma and Lucas" / "Emma وLucas". */
export function formatList(items: string[], language: Language): string {
  let format = lists.get(language);
  // Made once per language: an Intl constructor costs more than the formatting (issue 21).
  if (!format) lists.set(language, (format = new Intl.ListFormat(intlLocale(language), { style: "long", type: "conjunction" })));
  return format.format(items);
}

const lists = new Map<Language, Intl.ListFormat>();

/** Parts of one line, not a list of names (a school and a class, a place and an organisation): "، " in Arabic. */
export function joinParts(parts: string[], language: Language): string {
  return parts.join(language === "ar" ? "، " : ", ");
}

/** A stored phone number as people write it: "+45 20 12 34 56" (Danish numbers in pairs); others as stored. */
export function formatPhone(phone: string): string {
  const match = /^\+45(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(phone);
  return match ? `+45 ${match.slice(1).join(" ")}` : phone;
}
