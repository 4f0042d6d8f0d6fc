// A table and its column mapping to rows the import can use: each row's
// person, guardian, date and counts, or the problems that keep it out (named
// by column). Also the rule for "the same person" within a file and in the
// register until the register's own matching replaces it (matchKey), and how
// rows are grouped into households. Pure.
import type { Mapping, ImportField, ImportKind } from "./columns.ts";
import type { Table } from "./read-file.ts";
import {
  parseArea,
  parseBirth,
  parseCount,
  parseEmail,
  parseGender,
  parseName,
  parseParticipationDay,
  parsePhone,
  splitFullName,
  type AreaChoice,
  type BirthDate,
  type CellProblem,
} from "./values.ts";

export type RowProblem = { field: ImportField | null; code: CellProblem };

export type ImportPerson = {
  firstName: string;
  lastName: string;
  birth: BirthDate | null;
  gender: "FEMALE" | "MALE" | "OTHER" | null;
  housingAreaId: string | null;
};

export type ImportRow = {
  /** The row number the spreadsheet shows (the headings are row 1, or lower). */
  row: number;
  person: ImportPerson | null;
  guardian: { firstName: string; lastName: string; phone: string | null; email: string | null } | null;
  /** The housing area the row names (a head-count's too). */
  housingAreaId: string | null;
  /** The household's address as written: only to tell apart two guardians of the same name. Not stored. */
  address: string | null;
  /** Participation: the day, and a head-count when the row names nobody. */
  date: string | null;
  counts: { adults: number; children: number } | null;
  problems: RowProblem[];
};

export type ReadContext = { kind: ImportKind; areas: readonly AreaChoice[]; today: string };

/** The rows of a table under a mapping, each checked. */
export function readRows(table: Table, mapping: Mapping, context: ReadContext): ImportRow[] {
  const column = new Map<ImportField, number>();
  mapping.forEach((field, i) => {
    if (field && !column.has(field)) column.set(field, i);
  });
  return table.rows.map(({ row, cells }) => readRow(row, (field) => (column.has(field) ? (cells[column.get(field)!] ?? "") : ""), context));
}

function readRow(row: number, cell: (field: ImportField) => string, { kind, areas, today }: ReadContext): ImportRow {
  const problems: RowProblem[] = [];
  function take<T>(field: ImportField, parsed: { value: T } | { problem: CellProblem } | null): T | null {
    if (!parsed) return null;
    if ("problem" in parsed) {
      problems.push({ field, code: parsed.problem });
      return null;
    }
    return parsed.value;
  }

  // The person's name: two columns, or one with both.
  const whole = cell("fullName") ? splitFullName(cell("fullName")) : { firstName: "", lastName: "" };
  const firstField: ImportField = cell("firstName") ? "firstName" : "fullName";
  const lastField: ImportField = cell("lastName") ? "lastName" : "fullName";
  const firstName = take(firstField, parseName(cell("firstName") || whole.firstName));
  const lastName = take(lastField, parseName(cell("lastName") || whole.lastName));
  const named = Boolean(cell("firstName") || cell("lastName") || cell("fullName"));

  const birth = take("birthDate", parseBirth(cell("birthDate"), today)) ?? take("birthYear", parseBirth(cell("birthYear"), today));
  const gender = take("gender", parseGender(cell("gender")));
  const housingAreaId = take("area", parseArea(cell("area"), areas));

  const guardianWhole = splitFullName(cell("guardianName"));
  const guardianFirst = take("guardianName", parseName(guardianWhole.firstName));
  const guardianLast = guardianWhole.lastName ? take("guardianName", parseName(guardianWhole.lastName)) : null;
  const phone = take("guardianPhone", parsePhone(cell("guardianPhone")));
  const email = take("guardianEmail", parseEmail(cell("guardianEmail")));

  const date = kind === "participation" ? take("date", parseParticipationDay(cell("date"), today)) : null;
  const adults = kind === "participation" ? take("adults", parseCount(cell("adults"))) : null;
  const children = kind === "participation" ? take("children", parseCount(cell("children"))) : null;
  const counted = adults !== null || children !== null;

  if (kind === "participation" && !cell("date").trim()) problems.push({ field: "date", code: "missingDate" });
  const wantsPerson = kind === "people" || named || !counted;
  if (wantsPerson) {
    if (!firstName && !problems.some((p) => p.field === firstField)) problems.push({ field: firstField, code: "missingName" });
    if (!lastName && !problems.some((p) => p.field === lastField)) problems.push({ field: lastField, code: "missingName" });
    if (!birth && !cell("birthDate").trim() && !cell("birthYear").trim()) problems.push({ field: "birthDate", code: "missingBirthDate" });
  }
  const person = wantsPerson && firstName && lastName && birth ? { firstName, lastName, birth, gender, housingAreaId } : null;
  if ((phone || email) && !cell("guardianName").trim()) problems.push({ field: "guardianName", code: "missingGuardianName" });
  const guardian = guardianFirst || phone || email ? { firstName: guardianFirst ?? "", lastName: guardianLast ?? "", phone, email } : null;
  return {
    row,
    person,
    guardian: kind === "people" ? guardian : null,
    housingAreaId,
    address: cell("address").trim() || null,
    date,
    counts: !wantsPerson && counted ? { adults: adults ?? 0, children: children ?? 0 } : null,
    problems,
  };
}

/** A name as compared: lower case, accents, hyphens and repeated spaces gone ("Al-Hassan" = "al hassan" = "Alhassan"). */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * "The same person" until the register's matching (issue 17, worktree `register`) replaces it: the same first and
 * last name (nameKey) and the same birth year. A year alone matches any date of that year.
 */
export function matchKey(person: { firstName: string; lastName: string; birthYear: number }): string {
  return `${nameKey(person.firstName)}|${nameKey(person.lastName)}|${person.birthYear}`;
}

/** Rows of the same family: the guardian's phone, else e-mail, else name and address. Null: no guardian given. */
export function householdKey(row: Pick<ImportRow, "guardian" | "address">): string | null {
  const guardian = row.guardian;
  if (!guardian) return null;
  if (guardian.phone) return `phone:${guardian.phone}`;
  if (guardian.email) return `email:${guardian.email}`;
  return `name:${nameKey(guardian.firstName)}|${nameKey(guardian.lastName)}|${nameKey(row.address ?? "")}`;
}
