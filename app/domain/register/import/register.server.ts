// Where the import meets the register of people: the three calls it makes,
// each one small function, so each can be pointed at the register's own
// modules when they land (issue 17: one person matching and creation module;
// a dated area history with recordMove; a birth date that may be a year alone)
// without touching the rest of the import.
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
    SELECT p."id", p."firstName", p."lastName", EXTRACT(YEAR FROM p."birthDate")::int AS "birthYear", p."housingAreaId", a."name" AS "areaName"
    FROM "Person" p LEFT JOIN "HousingArea" a ON a."id" = p."housingAreaId"
    WHERE p."anonymisedAt" IS NULL AND p."birthDate" IS NOT NULL AND EXTRACT(YEAR FROM p."birthDate")::int = ANY(${years}::int[])
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
    INSERT INTO "Person" ("id", "firstName", "lastName", "birthDate", "gender", "phone", "email", "updatedAt", "createdAt", "importBatchId")
    SELECT id, first, last, birth, gender::"Gender", phone, email, now(), now(), ${batchId}::uuid
    FROM unnest(${ids}::uuid[], ${people.map((p) => p.firstName)}::text[], ${people.map((p) => p.lastName)}::text[],
                ${people.map((p) => (p.birth ? birthDateColumn(p.birth) : null))}::date[], ${people.map((p) => p.gender)}::text[],
                ${people.map((p) => p.phone ?? null)}::text[], ${people.map((p) => p.email ?? null)}::text[])
      AS t(id, first, last, birth, gender, phone, email)`;
  return ids;
}

/**
 * How a birth date is stored until the register keeps a year alone: the whole date, or 1 July of the year (so age
 * bands are right on average), as a walk-in's birth year is (attendance.server.ts addWalkIn).
 */
export function birthDateColumn(birth: BirthDate): string {
  return birth.day ?? `${birth.year}-07-01`;
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
