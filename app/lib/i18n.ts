// Languages of the portal and how each is written. Shared by server and browser.
export const languages = ["da", "en", "ar"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "da";

/** Namespaces (files in locales/<lng>/). `messages` is only used on the server. */
export const clientNamespaces = [
  "common",
  "auth",
  "home",
  "account",
  "activities",
  "activity",
  "household",
  "my",
  "staff",
  "editor",
  "admin",
  "jobs",
  "hiring",
  "shifts",
  "reports",
] as const;
export const serverOnlyNamespaces = ["messages"] as const;
export const allNamespaces = [...clientNamespaces, ...serverOnlyNamespaces] as const;
export type Namespace = (typeof allNamespaces)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

export function textDirection(language: Language): "ltr" | "rtl" {
  return language === "ar" ? "rtl" : "ltr";
}

/**
 * Locale for Intl. Arabic uses Western digits: times, phone numbers and codes
 * must match what families see on Danish letters and signs.
 */
export function intlLocale(language: Language): string {
  return { da: "da-DK", en: "en-GB", ar: "ar-u-nu-latn" }[language];
}

export const TIME_ZONE = "Europe/Copenhagen";
