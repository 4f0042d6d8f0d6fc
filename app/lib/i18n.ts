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
  "import",
  "legal",
  "privacy",
] as const;
export const serverOnlyNamespaces = ["messages"] as const;
export type ClientNamespace = (typeof clientNamespaces)[number];

// Which namespaces a page's HTML carries (the root loader sends them): families' pages only their own, so the
// catalogue does not ship the staff pages' texts (issue 8: 60 KB of strings on every page before).
const FAMILY_NAMESPACES: readonly ClientNamespace[] = ["common", "auth", "home", "account", "activities", "activity", "household", "my"];
const YOUTH_NAMESPACES: readonly ClientNamespace[] = [...FAMILY_NAMESPACES, "jobs", "hiring", "shifts"];
const LEGAL_NAMESPACES: readonly ClientNamespace[] = [...FAMILY_NAMESPACES, "legal"];
const MY_NAMESPACES: readonly ClientNamespace[] = [...FAMILY_NAMESPACES, "privacy"];

/**
 * The client namespaces for a path: staff and admin pages get all; the jobs
 * pages (also a young person's own and the guardian's) the family ones plus
 * jobs, hiring and shifts; the privacy and accessibility pages the family
 * ones plus their own; a parent's own pages (/my…) the family ones plus
 * privacy (their data page, and the link to it); every other page the
 * family ones. A unit test checks each route's imports against this.
 */
export function clientNamespacesFor(pathname: string): readonly ClientNamespace[] {
  const [area = "", next = ""] = pathname.split("/").filter(Boolean);
  if (area === "staff" || area === "admin" || area === "dev") return clientNamespaces;
  if (area === "privacy" || area === "accessibility") return LEGAL_NAMESPACES;
  if (area === "jobs" || area === "guardian" || (area === "my" && (next === "jobs" || next === "shifts"))) return YOUTH_NAMESPACES;
  if (area === "my") return MY_NAMESPACES;
  return FAMILY_NAMESPACES;
}
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
