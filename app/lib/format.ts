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

export function formatDateTime(date: Date, language: Language): string {
  return dateFormat(language, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(date);
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

/** A stored phone number as people write it: "+45 20 12 34 56" (Danish numbers in pairs); others as stored. */
export function formatPhone(phone: string): string {
  const match = /^\+45(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(phone);
  return match ? `+45 ${match.slice(1).join(" ")}` : phone;
}
