// Which column of a spreadsheet holds what: recognised by the headings staff
// write (Danish and English, with or without æøå, spaces or hyphens), or
// named in a mapping file (JSON) or on the import page. Pure.
import { z } from "zod";

/** What a column can hold. `fullName` is "Fornavn Efternavn" (or "Efternavn, Fornavn") in one cell. */
export const IMPORT_FIELDS = [
  "firstName",
  "lastName",
  "fullName",
  "birthDate",
  "birthYear",
  "gender",
  "area",
  "address",
  "guardianName",
  "guardianPhone",
  "guardianEmail",
  "date",
  "adults",
  "children",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** What is imported: households and children, or past participation of one activity (named people or head-counts). */
export const IMPORT_KINDS = ["people", "participation"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A heading as compared: lower case, æ/ø/å and their two-letter spellings alike, accents, spaces and punctuation gone. */
export function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .normalize("NFD")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** The usual headings of each field (compared through headingKey, so "Forælder telefon" is "foraeldertelefon"). */
const HEADINGS: Record<ImportField, string[]> = {
  firstName: ["Fornavn", "Fornavne", "Barnets fornavn", "Deltagers fornavn", "First name", "Firstname", "Given name", "Forename"],
  lastName: ["Efternavn", "Barnets efternavn", "Deltagers efternavn", "Last name", "Lastname", "Surname", "Family name"],
  fullName: ["Navn", "Fulde navn", "Barnets navn", "Deltager", "Deltagers navn", "Name", "Full name", "Child", "Child's name", "Participant"],
  birthDate: ["Fødselsdato", "Født", "Fødselsdag", "F.dato", "Fdato", "Birth date", "Date of birth", "Birthdate", "DOB", "Born"],
  birthYear: ["Fødselsår", "Årgang", "Født år", "Birth year", "Year of birth"],
  gender: ["Køn", "Gender", "Sex"],
  area: ["Boligområde", "Område", "Boligafdeling", "Afdeling", "Bydel", "Housing area", "Area", "Neighbourhood", "Neighborhood"],
  address: ["Adresse", "Bopæl", "Address"],
  guardianName: ["Forælder", "Forældre", "Forælders navn", "Forælderens navn", "Værge", "Kontaktperson", "Parent", "Parent name", "Guardian", "Guardian name"],
  guardianPhone: [
    "Forælder telefon",
    "Forældres telefon",
    "Forælder tlf",
    "Forælder mobil",
    "Telefon",
    "Tlf",
    "Tlf.nr",
    "Telefonnummer",
    "Mobil",
    "Mobilnummer",
    "Phone",
    "Telephone",
    "Mobile",
    "Parent phone",
    "Guardian phone",
  ],
  guardianEmail: [
    "Forælder e-mail",
    "Forældres e-mail",
    "Forælder mail",
    "E-mail",
    "Email",
    "Mail",
    "E-mailadresse",
    "Parent e-mail",
    "Parent email",
    "Guardian email",
  ],
  date: ["Dato", "Mødedato", "Dag", "Date", "Day", "Session date"],
  adults: ["Voksne", "Antal voksne", "Adults", "Number of adults"],
  children: ["Børn", "Antal børn", "Children", "Number of children", "Kids"],
};

const KNOWN = new Map(Object.entries(HEADINGS).flatMap(([field, headings]) => headings.map((heading) => [headingKey(heading), field as ImportField])));

/** A column per heading: the field it holds, or null (left out). A field is given to its first column only. */
export type Mapping = (ImportField | null)[];

/** The mapping read from the headings alone. */
export function recogniseColumns(headings: readonly string[]): Mapping {
  const taken = new Set<ImportField>();
  return headings.map((heading) => {
    const field = KNOWN.get(headingKey(heading)) ?? null;
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/**
 * A mapping file: `{"columns": {"<heading>": "<field>" | null, …}}` — headings compared as headingKey does;
 * columns it does not name are recognised by their heading — optionally with `"kind"` and `"activity"` (a slug)
 * for the command line.
 */
export const mappingFileSchema = z.strictObject({
  kind: z.enum(IMPORT_KINDS).optional(),
  activity: z.string().max(200).optional(),
  columns: z.record(z.string().max(200), z.enum(IMPORT_FIELDS).nullable()).default({}),
});
export type MappingFile = z.infer<typeof mappingFileSchema>;

/** The mapping of these headings under a mapping file's columns, the rest recognised by heading. */
export function applyMappingFile(headings: readonly string[], file: Pick<MappingFile, "columns">): Mapping {
  const named = new Map(Object.entries(file.columns).map(([heading, field]) => [headingKey(heading), field]));
  const recognised = recogniseColumns(headings);
  const mapping = headings.map((heading, i) => (named.has(headingKey(heading)) ? named.get(headingKey(heading))! : recognised[i]!));
  const taken = new Set<ImportField>();
  return mapping.map((field) => {
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** What a mapping lacks for a kind of import (fields staff must still point at a column). */
export function missingFields(mapping: Mapping, kind: ImportKind): ImportField[] {
  const has = (field: ImportField) => mapping.includes(field);
  const missing: ImportField[] = [];
  const named = has("fullName") || (has("firstName") && has("lastName"));
  if (kind === "people") {
    if (!named) missing.push(...(has("firstName") ? [] : (["firstName"] as const)), ...(has("lastName") ? [] : (["lastName"] as const)));
    if (!has("birthDate") && !has("birthYear")) missing.push("birthDate");
  } else {
    if (!has("date")) missing.push("date");
    if (!named && !has("adults") && !has("children")) missing.push("firstName", "lastName");
  }
  return missing;
}
