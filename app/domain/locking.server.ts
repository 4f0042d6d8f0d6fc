// Every lock the domain takes, in one place (pretix's locking.py is the model). A rule that must be decided one
// writer at a time — "places left", "hours this week", "one application per person", "one answer to an
// invitation" — locks the row it is about for the rest of its transaction, here, and nowhere with inline SQL.
//
// Order, so two transactions never wait on each other in a circle: the acting person's own row first, then their
// household, then the thing acted on (activity, session, application, posting, shift, invitation, batch). Several
// rows of one table are locked in id order. Prisma has no lock API, so each is a raw `FOR UPDATE` on a table
// named from the list below (never from input).
//
// Not here: the message queue's claim (`FOR UPDATE SKIP LOCKED`, app/lib/messages/send.server.ts), which is the
// queue's own way of handing out work, not a domain rule.
import { Prisma } from "~/generated/prisma/client.ts";
import { isId } from "~/lib/ids.ts";
import type { DbTx } from "~/lib/db.server.ts";
import type { CapacityUnit } from "./enrolment/capacity.ts";

/** The tables whose rows a rule locks. */
export const LOCKABLE_TABLES = [
  "Activity",
  "ActivitySession",
  "ActivityType",
  "Employment",
  "Household",
  "HouseholdInvitation",
  "HousingArea",
  "ImportBatch",
  "JobApplication",
  "JobPosting",
  "JobShift",
  "Person",
  "Programme",
  "User",
] as const;
export type LockableTable = (typeof LOCKABLE_TABLES)[number];

function table(name: LockableTable): Prisma.Sql {
  if (!(LOCKABLE_TABLES as readonly string[]).includes(name)) throw new Error(`Not a lockable table: ${name}`);
  return Prisma.raw(`"${name}"`);
}

/**
 * Locks one row until the transaction ends. False when there is no such row (or the id is no id): the caller
 * says "not found" in its own words.
 */
export async function lockRow(tx: DbTx, name: LockableTable, id: string): Promise<boolean> {
  if (!isId(id)) return false;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text FROM ${table(name)} WHERE "id" = ${id}::uuid FOR UPDATE`;
  return rows.length === 1;
}

export type LockedActivity = {
  capacity: number | null;
  capacityUnit: CapacityUnit;
  status: string;
  requiresSignUp: boolean;
  signUpOpensAt: Date | null;
  signUpClosesAt: Date | null;
  termsVersion: number;
};

/**
 * The capacity lock: locks the activity's row and returns, in the same statement, what deciding a sign-up needs as
 * it is now; null if there is no such activity. Every path that takes or frees a place locks the activity first.
 */
export async function lockActivityForPlaces(tx: DbTx, activityId: string): Promise<LockedActivity | null> {
  if (!isId(activityId)) return null;
  const rows = await tx.$queryRaw<LockedActivity[]>`
    SELECT "capacity", "capacityUnit"::text AS "capacityUnit", "status"::text AS "status", "requiresSignUp", "signUpOpensAt", "signUpClosesAt", "termsVersion"
    FROM "Activity" WHERE "id" = ${activityId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Locks the given rows of one table, in id order; returns the ids that exist. */
export async function lockRows(tx: DbTx, name: LockableTable, ids: readonly string[]): Promise<string[]> {
  const valid = [...new Set(ids.filter(isId))].sort();
  if (valid.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text FROM ${table(name)} WHERE "id" = ANY(${valid}::uuid[]) ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** The rows an import batch added, by table: undoing the batch locks them all (id order) against new references. */
export async function lockBatchRows(tx: DbTx, name: "Person" | "Household" | "ActivitySession", batchId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM ${table(name)} WHERE "importBatchId" = ${batchId}::uuid ORDER BY "id" FOR UPDATE`;
}

/**
 * The sessions of one activity, against head-counts being set on them (attendance's setHeadCount) while an import
 * adds its participation; `NO KEY UPDATE`, so marking attendance (which only references a session) goes on.
 */
export async function lockSessionsOf(tx: DbTx, activityId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "ActivitySession" WHERE "activityId" = ${activityId}::uuid ORDER BY "id" FOR NO KEY UPDATE`;
}

/** The open applications of one person (id order): a changed birth date re-decides each of them. */
export async function lockApplicationsOf(tx: DbTx, personId: string, statuses: readonly string[]): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "JobApplication"
    WHERE "personId" = ${personId}::uuid AND "status"::text = ANY(${statuses as string[]}) ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

/**
 * Locks a name that has no row yet (an advisory lock until the transaction ends): "find, else create" of a
 * programme by name runs one at a time per name, case-insensitively.
 */
export async function lockName(tx: DbTx, scope: "programme", name: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${scope} || ':' || lower(${name})))`;
}
