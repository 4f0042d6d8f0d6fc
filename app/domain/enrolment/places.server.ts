// The count of places taken. Every path that can take or free a place (sign-up, offer, accept, cancel, staff
// changes) first locks the activity's row (lockRow / lockActivityForPlaces in app/domain/locking.server.ts), then
// counts and decides inside that transaction: two parents can never both get the last place.
import { Prisma } from "~/generated/prisma/client.ts";
import type { DbTx } from "~/lib/db.server.ts";
import type { CapacityUnit } from "./capacity.ts";

/**
 * Under the lock, in one statement: the places taken, whether the household
 * already holds a confirmed place (family courses), whether this submission
 * was already committed (a double tap that waited for the lock), and who of
 * the people chosen has meanwhile got an active enrolment.
 */
export async function placesState(
  tx: DbTx,
  input: { activityId: string; unit: CapacityUnit; householdId: string; personIds: string[]; idempotencyKey: string },
): Promise<{ taken: number; householdHoldsPlace: boolean; replayed: boolean; alreadyIn: string[] }> {
  const counted = input.unit === "HOUSEHOLD" ? Prisma.sql`count(DISTINCT "householdId")` : Prisma.sql`count(*)`;
  const rows = await tx.$queryRaw<{ taken: number; householdHoldsPlace: boolean; replayed: boolean; alreadyIn: string[] }[]>`
    SELECT
      (SELECT ${counted}::int FROM "Enrolment" WHERE "activityId" = ${input.activityId}::uuid AND "status" IN ('CONFIRMED', 'OFFERED')) AS "taken",
      EXISTS (SELECT 1 FROM "Enrolment" WHERE "activityId" = ${input.activityId}::uuid AND "householdId" = ${input.householdId}::uuid AND "status" = 'CONFIRMED')
        AS "householdHoldsPlace",
      EXISTS (SELECT 1 FROM "SignUp" WHERE "idempotencyKey" = ${input.idempotencyKey}) AS "replayed",
      ARRAY(SELECT "personId"::text FROM "Enrolment" WHERE "activityId" = ${input.activityId}::uuid AND "personId" = ANY(${input.personIds}::uuid[])
        AND "status" IN ('CONFIRMED', 'OFFERED', 'WAITING')) AS "alreadyIn"`;
  return rows[0]!;
}

/**
 * Writes a sign-up and its enrolments (all with one status) in one
 * statement, and returns the waiting groups ahead of it. Under the lock.
 */
export async function insertSignUp(
  tx: DbTx,
  input: {
    activityId: string;
    householdId: string;
    idempotencyKey: string;
    createdByUserId: string;
    consentPersonId: string;
    consentAt: Date;
    consentMethod: "ONLINE" | "SPOKEN";
    consentVersion: string;
    status: "CONFIRMED" | "WAITING";
    people: { personId: string; housingAreaId: string | null }[];
  },
): Promise<{ id: string; seq: bigint; waitingAhead: number }> {
  const confirmedAt = input.status === "CONFIRMED" ? input.consentAt : null;
  const waitlistedAt = input.status === "WAITING" ? input.consentAt : null;
  const rows = await tx.$queryRaw<{ id: string; seq: bigint; waitingAhead: number }[]>`
    WITH "new" AS (
      INSERT INTO "SignUp" ("activityId", "householdId", "idempotencyKey", "createdByUserId", "consentPersonId", "consentAt", "consentMethod", "consentVersion")
      VALUES (${input.activityId}::uuid, ${input.householdId}::uuid, ${input.idempotencyKey}, ${input.createdByUserId}::uuid, ${input.consentPersonId}::uuid,
        ${input.consentAt}, ${input.consentMethod}::"ConsentMethod", ${input.consentVersion})
      RETURNING "id", "seq"
    ), "enrolled" AS (
      INSERT INTO "Enrolment" ("signUpId", "activityId", "personId", "householdId", "status", "housingAreaId", "confirmedAt", "waitlistedAt")
      SELECT "new"."id", ${input.activityId}::uuid, "person"."id", ${input.householdId}::uuid, ${input.status}::"EnrolmentStatus", "person"."area",
        ${confirmedAt}::timestamptz, ${waitlistedAt}::timestamptz
      FROM "new", unnest(${input.people.map((person) => person.personId)}::uuid[], ${input.people.map((person) => person.housingAreaId)}::uuid[])
        WITH ORDINALITY AS "person"("id", "area", "n")
      ORDER BY "person"."n"
    )
    SELECT "new"."id"::text AS "id", "new"."seq",
      (SELECT count(DISTINCT s."id")::int FROM "SignUp" s JOIN "Enrolment" e ON e."signUpId" = s."id"
        WHERE s."activityId" = ${input.activityId}::uuid AND s."seq" < "new"."seq" AND e."status" = 'WAITING') AS "waitingAhead"
    FROM "new"`;
  return rows[0]!;
}

/** Places held (confirmed or offered): people, or households for family courses. */
export async function placesTaken(tx: DbTx, activityId: string, unit: CapacityUnit): Promise<number> {
  const counted = unit === "HOUSEHOLD" ? Prisma.sql`count(DISTINCT "householdId")` : Prisma.sql`count(*)`;
  const rows = await tx.$queryRaw<{ taken: number }[]>`
    SELECT ${counted}::int AS "taken" FROM "Enrolment"
    WHERE "activityId" = ${activityId}::uuid AND "status" IN ('CONFIRMED', 'OFFERED')`;
  return rows[0]?.taken ?? 0;
}

/**
 * Places held and waiting groups of several activities in one statement, counted as placesTaken counts (people,
 * or households for family courses) and as the roster lists the waiting list (sign-ups), so the staff start page,
 * the roster and the public page say the same numbers (issue 19: "28 af 15" beside "13 af 15").
 */
export async function placesByActivity(tx: DbTx, activityIds: string[]): Promise<Map<string, { taken: number; waiting: number }>> {
  if (activityIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; taken: number; waiting: number }[]>`
    SELECT a."id"::text AS "id",
      (CASE WHEN a."capacityUnit" = 'HOUSEHOLD'
        THEN count(DISTINCT e."householdId") FILTER (WHERE e."status" IN ('CONFIRMED', 'OFFERED'))
        ELSE count(e."id") FILTER (WHERE e."status" IN ('CONFIRMED', 'OFFERED')) END)::int AS "taken",
      (count(DISTINCT e."signUpId") FILTER (WHERE e."status" = 'WAITING'))::int AS "waiting"
    FROM "Activity" a LEFT JOIN "Enrolment" e ON e."activityId" = a."id"
    WHERE a."id" = ANY(${activityIds}::uuid[])
    GROUP BY a."id", a."capacityUnit"`;
  return new Map(rows.map((row) => [row.id, { taken: row.taken, waiting: row.waiting }]));
}

/**
 * Households (family courses) that hold a place. A sign-up joins its
 * family's place only if it is confirmed (`confirmedOnly`): an offer that
 * may still expire must not let a sibling in; for offering, an offered
 * place counts too.
 */
export async function householdsHoldingPlace(tx: DbTx, activityId: string, householdIds: string[], confirmedOnly: boolean): Promise<Set<string>> {
  const rows = await tx.enrolment.findMany({
    where: { activityId, householdId: { in: householdIds }, status: { in: confirmedOnly ? ["CONFIRMED"] : ["CONFIRMED", "OFFERED"] } },
    distinct: ["householdId"],
    select: { householdId: true },
  });
  return new Set(rows.map((row) => row.householdId));
}

export async function householdHoldsPlace(tx: DbTx, activityId: string, householdId: string, confirmedOnly = false): Promise<boolean> {
  return (await householdsHoldingPlace(tx, activityId, [householdId], confirmedOnly)).has(householdId);
}

/** 1-based position of a waiting sign-up: groups ahead of it in arrival order, plus one. */
export async function waitingPosition(tx: DbTx, activityId: string, seq: bigint): Promise<number> {
  const rows = await tx.$queryRaw<{ ahead: number }[]>`
    SELECT count(DISTINCT s."id")::int AS "ahead" FROM "SignUp" s JOIN "Enrolment" e ON e."signUpId" = s."id"
    WHERE s."activityId" = ${activityId}::uuid AND s."seq" < ${seq} AND e."status" = 'WAITING'`;
  return (rows[0]?.ahead ?? 0) + 1;
}
