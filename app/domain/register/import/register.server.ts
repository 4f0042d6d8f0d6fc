// Where the import meets the register of people: the three calls it makes.
// People are made in bulk (one statement for a 5,000-row file) with what is
// known of their birth — the full date, or the year alone (ADR 016) — and
// their area goes through the Person trigger into the dated history.
import { randomUUID } from "node:crypto";
import type { DbTx } from "~/lib/db.server.ts";
import { matchKey } from "./rows.ts";
import type { BirthDate } from "./values.ts";

export type RegisterPerson = {
  personId: string;
  firstName: string;
  lastName: string;
  birthYear: number;
  housingAreaId: string | null;
  areaName: string | null;
};

/**
 * Adapter 1 — "find an existing match": for each candidate, the person already in the register who is the same
 * (the rule of rows.ts matchKey: same normalised first and last name and birth year; the oldest record when several
 * are), or null. Anonymised people are never matched.
 */
export async function findRegisterMatches(
  tx: DbTx,
  candidates: readonly { firstName: string; lastName: string; birthYear: number }[],
): Promise<(RegisterPerson | null)[]> {
  if (!candidates.length) return [];
  const years = [...new Set(candidates.map((candidate) => candidate.birthYear))];
  const people = await tx.$queryRaw<
    { id: string; firstName: string; lastName: string; birthYear: number; housingAreaId: string | null; areaName: string | null }[]
  >`
    SELECT p."id", p."firstName", p."lastName", COALESCE(EXTRACT(YEAR FROM p."birthDate")::int, p."birthYear") AS "birthYear",
           p."housingAreaId", a."name" AS "areaName"
    FROM "Person" p LEFT JOIN "HousingArea" a ON a."id" = p."housingAreaId"
    WHERE p."anonymisedAt" IS NULL
      AND (EXTRACT(YEAR FROM p."birthDate")::int = ANY(${years}::int[]) OR p."birthYear" = ANY(${years}::int[]))
    ORDER BY p."createdAt", p."id"`;
  const byKey = new Map<string, RegisterPerson>();
  for (const person of people) {
    const key = matchKey(person);
    if (!byKey.has(key)) byKey.set(key, { personId: person.id, ...person });
  }
  return candidates.map((candidate) => byKey.get(matchKey(candidate)) ?? null);
}

export type NewPerson = {
  firstName: string;
  lastName: string;
  birth: BirthDate | null;
  gender: "FEMALE" | "MALE" | "OTHER" | null;
  phone?: string | null;
  email?: string | null;
};

/**
 * Adapter 2 — "create a person": today there is no single function that makes a person (a walk-in, a child, an
 * assisted guardian each write their own `person.create`), so the import makes its people here, all at once (a
 * 5,000-row file in one statement), marked with the batch.
 */
export async function createPeople(tx: DbTx, people: readonly NewPerson[], batchId: string): Promise<string[]> {
  if (!people.length) return [];
  const ids = people.map(() => randomUUID());
  await tx.$executeRaw`
    INSERT INTO "Person" ("id", "firstName", "lastName", "birthDate", "birthYear", "gender", "phone", "email", "updatedAt", "createdAt", "importBatchId")
    SELECT id, first, last, birth, year, gender::"Gender", phone, email, now(), now(), ${batchId}::uuid
    FROM unnest(${ids}::uuid[], ${people.map((p) => p.firstName)}::text[], ${people.map((p) => p.lastName)}::text[],
                ${people.map((p) => p.birth?.day ?? null)}::date[], ${people.map((p) => (p.birth && !p.birth.day ? p.birth.year : null))}::int[],
                ${people.map((p) => p.gender)}::text[], ${people.map((p) => p.phone ?? null)}::text[], ${people.map((p) => p.email ?? null)}::text[])
      AS t(id, first, last, birth, year, gender, phone, email)`;
  return ids;
}

/**
 * Adapter 3 — "set the area": the housing area people live in, known from `from` (a day; null: not known since
 * when). Today a person has one area (Person.housingAreaId); with the area history this becomes recordMove.
 */
export async function setAreas(tx: DbTx, entries: readonly { personId: string; housingAreaId: string; from: string | null }[]): Promise<void> {
  if (!entries.length) return;
  await tx.$executeRaw`
    UPDATE "Person" p SET "housingAreaId" = t.area
    FROM unnest(${entries.map((entry) => entry.personId)}::uuid[], ${entries.map((entry) => entry.housingAreaId)}::uuid[]) AS t(id, area)
    WHERE p."id" = t.id`;
}
