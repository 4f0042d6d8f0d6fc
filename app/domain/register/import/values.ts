// One spreadsheet cell to one value, as Danish spreadsheets write them: dates
// as 24-12-2016, 24.12.2016, 24/12/2016 or 2016-12-24 (or the year alone),
// counts with a decimal comma ("12,0") or a thousands dot ("1.200"), gender
// in Danish or English words or letters, phone numbers as Excel leaves them
// (20123456, 4520123456, "+45 20 12 34 56"). Each parser answers a value or
// the problem in a word that the page translates. Pure.
// i18n-namespace: household (the name rule's messages, mapped to the import's own words below)
import { normalisePhone, parseIdentifier, westernDigits } from "../../accounts/identifier.ts";
import { dayProblem, isRealDay } from "../../dates.ts";
import { personNameSchema } from "../../households/schemas.ts";

/** Why a cell cannot be used; each is `import:problems.<code>` in every language. */
export const CELL_PROBLEMS = [
  "missingName",
  "nameTooLong",
  "nameBadCharacters",
  "nameInvisible",
  "missingBirthDate",
  "badDate",
  "birthDateOutOfRange",
  "badGender",
  "unknownArea",
  "badPhone",
  "badEmail",
  "missingGuardianName",
  "missingDate",
  "dateOutOfRange",
  "futureDate",
  "badCount",
] as const;
export type CellProblem = (typeof CELL_PROBLEMS)[number];

type Parsed<T> = { value: T } | { problem: CellProblem };

/** A birth date as known: the whole date, or the year alone (a walk-in's list often has no more). */
export type BirthDate = { day: string; year: number } | { day: null; year: number };

/** A typed day in any of the usual ways, as YYYY-MM-DD (only when it is a real day), or null when it is none of them. */
export function parseDay(text: string): string | null {
  const value = westernDigits(text).trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  let day: string | null = null;
  if (match) day = `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`;
  match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value);
  if (match) day = `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
  return day && isRealDay(day) ? day : null;
}

/** A birth date or year, from 1900 to today (dates.ts's birth range). */
export function parseBirth(text: string, today: string): Parsed<BirthDate> | null {
  const value = westernDigits(text).trim();
  if (!value) return null;
  if (/^\d{4}$/.test(value)) {
    const year = Number(value);
    return year >= 1900 && year <= Number(today.slice(0, 4)) ? { value: { day: null, year } } : { problem: "birthDateOutOfRange" };
  }
  const day = parseDay(value);
  if (!day) return { problem: "badDate" };
  return dayProblem(day, "birth", today) ? { problem: "birthDateOutOfRange" } : { value: { day, year: Number(day.slice(0, 4)) } };
}

/** A day of past participation: a real day in the plan range (dates.ts), not after today. */
export function parseParticipationDay(text: string, today: string): Parsed<string> | null {
  if (!text.trim()) return null;
  const day = parseDay(text);
  if (!day) return { problem: "badDate" };
  if (day > today) return { problem: "futureDate" };
  return dayProblem(day, "plan", today) ? { problem: "dateOutOfRange" } : { value: day };
}

/** A whole count from 0 to 10,000 ("12", "12,0", "12.0", "1.200"); empty: null. */
export function parseCount(text: string): Parsed<number> | null {
  let value = westernDigits(text).trim().replace(/\s/g, "");
  if (!value) return null;
  if (/^\d{1,3}(\.\d{3})+(,0+)?$/.test(value)) value = value.replace(/\./g, "").replace(/,0+$/, "");
  const match = /^(\d+)([.,]0+)?$/.exec(value);
  const count = match ? Number(match[1]) : NaN;
  return Number.isInteger(count) && count <= 10_000 ? { value: count } : { problem: "badCount" };
}

const GENDERS: Record<string, "FEMALE" | "MALE" | "OTHER"> = {
  k: "FEMALE",
  kvinde: "FEMALE",
  pige: "FEMALE",
  p: "FEMALE",
  f: "FEMALE",
  female: "FEMALE",
  girl: "FEMALE",
  woman: "FEMALE",
  w: "FEMALE",
  m: "MALE",
  mand: "MALE",
  dreng: "MALE",
  d: "MALE",
  male: "MALE",
  boy: "MALE",
  man: "MALE",
  andet: "OTHER",
  anden: "OTHER",
  other: "OTHER",
  x: "OTHER",
};

export function parseGender(text: string): Parsed<"FEMALE" | "MALE" | "OTHER"> | null {
  const value = text.trim().toLowerCase().replace(/\.$/, "");
  if (!value) return null;
  const gender = GENDERS[value];
  return gender ? { value: gender } : { problem: "badGender" };
}

/** A Danish mobile number (accounts/identifier.ts), also as Excel leaves one typed "+45…" as a number: 4520123456. */
export function parsePhone(text: string): Parsed<string> | null {
  const value = westernDigits(text).trim();
  if (!value) return null;
  const phone = normalisePhone(/^45\d{8}$/.test(value) ? `+${value}` : value);
  return phone ? { value: phone } : { problem: "badPhone" };
}

export function parseEmail(text: string): Parsed<string> | null {
  if (!text.trim()) return null;
  const identifier = parseIdentifier(text);
  return identifier?.kind === "email" ? { value: identifier.value } : { problem: "badEmail" };
}

const NAME_PROBLEMS: Record<string, CellProblem> = {
  "errors.tooLong": "nameTooLong",
  "errors.badCharacters": "nameBadCharacters",
  "common:errors.invisibleCharacters": "nameInvisible",
};

// Made once: building a zod schema costs far more than using it (5,000 rows took 3 s with one per cell).
const nameRule = personNameSchema("missing");

/** A person's name under the forms' rule (households/schemas.ts): spaces tidied; empty: null. */
export function parseName(text: string): Parsed<string> | null {
  const value = text.replace(/\s+/g, " ").trim();
  if (!value) return null;
  const parsed = nameRule.safeParse(value);
  if (parsed.success) return { value: parsed.data };
  return { problem: NAME_PROBLEMS[parsed.error.issues[0]?.message ?? ""] ?? "nameBadCharacters" };
}

/** "Fornavn Mellemnavn Efternavn" (the last word is the last name) or "Efternavn, Fornavn". */
export function splitFullName(text: string): { firstName: string; lastName: string } {
  const value = text.replace(/\s+/g, " ").trim();
  const comma = value.indexOf(",");
  if (comma > 0) return { firstName: value.slice(comma + 1).trim(), lastName: value.slice(0, comma).trim() };
  const space = value.lastIndexOf(" ");
  return space > 0 ? { firstName: value.slice(0, space), lastName: value.slice(space + 1) } : { firstName: value, lastName: "" };
}

/** An area's name or code as compared: lower case, accents and punctuation gone, without "-området" (Glarbjergvej-området = Glarbjergvej). */
export function areaKey(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s-]*omr(aa|a)det$/u, "")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

export type AreaChoice = { id: string; code: string; name: string };

/** The housing area a cell names (by name or code); empty: null. */
export function parseArea(text: string, areas: readonly AreaChoice[]): Parsed<string> | null {
  const key = areaKey(text);
  if (!key) return null;
  const area = areas.find((candidate) => areaKey(candidate.name) === key || areaKey(candidate.code) === key);
  return area ? { value: area.id } : { problem: "unknownArea" };
}
