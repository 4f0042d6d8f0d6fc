// The capacity lock and the count of places taken. Every path that can take
// or free a place (sign-up, offer, accept, cancel, staff changes) first
// locks the activity's row, then counts and decides inside that
// transaction: two parents can never both get the last place.
import { Prisma } from "~/generated/prisma/client.ts";
import type { DbTx } from "~/lib/db.server.ts";
import type { CapacityUnit } from "./capacity.ts";

/** Locks the activity row until the transaction ends (Prisma has no lock API: raw FOR UPDATE). */
export async function lockActivity(tx: DbTx, activityId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Activity" WHERE "id" = ${activityId}::uuid FOR UPDATE`;
  return rows.length === 1;
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
