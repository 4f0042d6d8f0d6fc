// Likely existing people for a would-be person (ADR 015). The database finds candidates — everyone born within a
// year of the given birth year, or, without a birth year, names PostgreSQL's pg_trgm/unaccent/fuzzystrmatch find
// alike — and name-match.ts scores them; only scores at or above MATCH_THRESHOLD are returned, best first.
// What a match shows depends on who asks (the scope):
//   staff      the whole register: name, birth year, area, the activity they came to most
//   partner    the whole register, minimal facts: name, birth year, area, and visits only to the partner's activities
//   household  a parent: only the people of their own household — never another family's children
import { db, type DbTx } from "~/lib/db.server.ts";
import { MATCH_THRESHOLD, matchScore, type MatchPerson } from "./name-match.ts";

export type MatchScope = { kind: "staff" } | { kind: "partner"; userId: string } | { kind: "household"; householdId: string };

export type WouldBe = {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD, when the full date is known. */
  birthDate?: string | null;
  /** When only the year is known (a walk-in). */
  birthYear?: number | null;
  housingAreaId?: string | null;
};

export type PersonMatch = {
  personId: string;
  firstName: string;
  lastName: string;
  birthYear: number | null;
  area: string | null;
  score: number;
  /** The activity they came to most (for a partner: of the partner's activities) and how often. */
  visits: { title: unknown; count: number } | null;
};

/** How many candidates the database may hand over (a birth-year window in Randers holds a few hundred). */
const CANDIDATE_LIMIT = 3000;
export const MATCHES_SHOWN = 5;

type Candidate = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: Date | null;
  birthYear: number | null;
  housingAreaId: string | null;
  createdAt: Date;
};

const isoDay = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/**
 * A person as the rules compare them: a year alone (walk-ins, ADR 016) is a year, so a walk-in "born 2016" and a
 * sign-up "born 3 May 2016" can be one child.
 */
export const asMatchPerson = (person: Pick<Candidate, "firstName" | "lastName" | "birthDate" | "birthYear" | "housingAreaId">): MatchPerson => ({
  firstName: person.firstName,
  lastName: person.lastName,
  birthDate: isoDay(person.birthDate) ?? (person.birthYear ? `${person.birthYear}-07-01` : null),
  birthYearOnly: !person.birthDate && person.birthYear !== null,
  housingAreaId: person.housingAreaId,
});

function wouldBeAsMatchPerson(wouldBe: WouldBe): MatchPerson {
  const birthDate = wouldBe.birthDate ?? (wouldBe.birthYear ? `${wouldBe.birthYear}-07-01` : null);
  return {
    firstName: wouldBe.firstName,
    lastName: wouldBe.lastName,
    birthDate,
    birthYearOnly: !wouldBe.birthDate && Boolean(wouldBe.birthYear),
    housingAreaId: wouldBe.housingAreaId ?? null,
  };
}

/** The people a would-be person is compared with. */
async function candidates(tx: DbTx, wouldBe: WouldBe, scope: MatchScope): Promise<Candidate[]> {
  const year = wouldBe.birthDate ? Number(wouldBe.birthDate.slice(0, 4)) : (wouldBe.birthYear ?? null);
  if (scope.kind === "household") {
    return tx.$queryRaw<Candidate[]>`
      SELECT p."id"::text AS "id", p."firstName", p."lastName", p."birthDate", p."birthYear", p."housingAreaId"::text AS "housingAreaId", p."createdAt"
      FROM "HouseholdMember" m JOIN "Person" p ON p."id" = m."personId"
      WHERE m."householdId" = ${scope.householdId}::uuid AND p."anonymisedAt" IS NULL`;
  }
  if (year) {
    return tx.$queryRaw<Candidate[]>`
      SELECT "id"::text AS "id", "firstName", "lastName", "birthDate", "birthYear", "housingAreaId"::text AS "housingAreaId", "createdAt"
      FROM "Person"
      WHERE ("birthDate" >= make_date(${year - 1}::int, 1, 1) AND "birthDate" <= make_date(${year + 1}::int, 12, 31)
             OR "birthYear" BETWEEN ${year - 1}::int AND ${year + 1}::int)
        AND "anonymisedAt" IS NULL
      LIMIT ${CANDIDATE_LIMIT}`;
  }
  // No birth year (an adult): PostgreSQL's trigram similarity of the unaccented names, or the Double Metaphone
  // code of any name word, picks a coarse set; the rules of name-match.ts then decide.
  const words = [wouldBe.firstName, wouldBe.lastName].join(" ");
  return tx.$queryRaw<Candidate[]>`
    WITH q AS (SELECT lower(unaccent(${words})) AS name, ARRAY(SELECT dmetaphone(w) FROM regexp_split_to_table(unaccent(${words}), '[^[:alpha:]]+') w WHERE w <> '') AS codes)
    SELECT p."id"::text AS "id", p."firstName", p."lastName", p."birthDate", p."birthYear", p."housingAreaId"::text AS "housingAreaId", p."createdAt"
    FROM "Person" p, q
    WHERE p."anonymisedAt" IS NULL AND p."birthDate" IS NULL
      AND (similarity(lower(unaccent(p."firstName" || ' ' || p."lastName")), q.name) > 0.3
           OR dmetaphone(unaccent(p."firstName")) = ANY (q.codes) AND dmetaphone(unaccent(p."lastName")) = ANY (q.codes))
    LIMIT ${CANDIDATE_LIMIT}`;
}

/** Likely existing people for a would-be person, best first (at most MATCHES_SHOWN), as the scope may see them. */
export async function findMatches(wouldBe: WouldBe, scope: MatchScope, options: { excludeIds?: readonly string[]; tx?: DbTx } = {}): Promise<PersonMatch[]> {
  const tx = options.tx ?? db;
  const target = wouldBeAsMatchPerson(wouldBe);
  const exclude = new Set(options.excludeIds ?? []);
  const scored = (await candidates(tx, wouldBe, scope))
    .filter((candidate) => !exclude.has(candidate.id))
    .map((candidate) => ({ candidate, score: matchScore(target, asMatchPerson(candidate)).score }))
    .filter((row) => row.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.candidate.createdAt.getTime() - a.candidate.createdAt.getTime())
    .slice(0, MATCHES_SHOWN);
  if (!scored.length) return [];
  return describePeople(tx, scored, scope);
}

/** Name, birth year, area and visits of matched people, as the scope may see them. */
export async function describePeople(tx: DbTx, scored: { candidate: Pick<Candidate, "id">; score: number }[], scope: MatchScope): Promise<PersonMatch[]> {
  const ids = scored.map((row) => row.candidate.id);
  const partnerId = scope.kind === "partner" ? scope.userId : null;
  const [people, visits] = await Promise.all([
    tx.person.findMany({
      where: { id: { in: ids } },
      select: { id: true, firstName: true, lastName: true, birthDate: true, housingArea: { select: { name: true } } },
    }),
    tx.$queryRaw<{ personId: string; title: unknown; count: number }[]>`
      SELECT DISTINCT ON (a."personId") a."personId"::text AS "personId", act."title", count(*)::int AS "count"
      FROM "Attendance" a
      JOIN "ActivitySession" s ON s."id" = a."sessionId"
      JOIN "Activity" act ON act."id" = s."activityId"
      WHERE a."personId" = ANY (${ids}::uuid[]) AND a."present"
        AND (${partnerId}::uuid IS NULL OR EXISTS (SELECT 1 FROM "ActivityPartner" ap WHERE ap."activityId" = act."id" AND ap."userId" = ${partnerId}::uuid))
      GROUP BY a."personId", act."id", act."title"
      ORDER BY a."personId", count(*) DESC, act."id"`,
  ]);
  const byId = new Map(people.map((person) => [person.id, person]));
  const visitsById = new Map(visits.map((row) => [row.personId, { title: row.title, count: row.count }]));
  return scored.flatMap(({ candidate, score }) => {
    const person = byId.get(candidate.id);
    if (!person) return [];
    return [
      {
        personId: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
        birthYear: person.birthDate?.getUTCFullYear() ?? null,
        area: person.housingArea?.name ?? null,
        score,
        visits: visitsById.get(person.id) ?? null,
      },
    ];
  });
}
