// Where people lived, and when (docs/decisions/016-area-history-and-birth-years.md).
// Each person has periods in PersonAreaPeriod: [validFrom, validTo), no two
// overlapping (an exclusion constraint), at most one open. A trigger on
// Person keeps them in step with Person.housingAreaId for every writer that
// changes the area without a date (a move today); recordMove is the dated
// move ("moved to Glarbjergvej-området on 1 February") for parents, staff
// and the import. Reports read the periods, never the area copied onto
// enrolments and attendance.
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { copenhagenDay, dateOnly } from "../dates.ts";
import { DomainError } from "../errors.ts";
import { lockRows } from "~/domain/locking.server.ts";

export class MoveError extends DomainError<"areaNotFound" | "personNotFound" | "moveInFuture" | "noPeople"> {
  constructor(code: "areaNotFound" | "personNotFound" | "moveInFuture" | "noPeople", field?: "housingAreaId" | "from") {
    super("household", code, field);
  }
}

/** The session setting that tells the Person trigger a dated move is being written by hand. */
const MANUAL = "portal.area_history";

export type AreaPeriod = { housingAreaId: string; from: string | null; to: string | null };

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Records that the people live in `areaId` from the day `from` (a Copenhagen
 * day, today or earlier): periods from that day on are replaced, the one
 * running then ends the day before. Every count by area afterwards puts
 * their participation from `from` on under the new area, whenever it was
 * written. Takes a transaction so an import can record moves with its rows.
 */
export async function recordMove(input: { personIds: readonly string[]; areaId: string; from: string; actorUserId: string | null }, tx?: DbTx): Promise<void> {
  if (!tx) return db.$transaction((inner) => recordMove(input, inner));
  const personIds = [...new Set(input.personIds)].sort();
  if (personIds.length === 0) throw new MoveError("noPeople");
  if (input.from > copenhagenDay(new Date())) throw new MoveError("moveInFuture", "from");
  if (!(await tx.housingArea.count({ where: { id: input.areaId } }))) throw new MoveError("areaNotFound", "housingAreaId");
  // Locked in id order, so two moves of overlapping households cannot deadlock.
  const locked = await lockRows(tx, "Person", personIds);
  if (locked.length !== new Set(personIds).size) throw new MoveError("personNotFound");
  const from = input.from;
  for (const personId of personIds) {
    const before = await areaHistory(personId, tx);
    await tx.$executeRaw`DELETE FROM "PersonAreaPeriod" WHERE "personId" = ${personId}::uuid AND "validFrom" >= ${from}::date`;
    await tx.$executeRaw`UPDATE "PersonAreaPeriod" SET "validTo" = ${from}::date
      WHERE "personId" = ${personId}::uuid AND ("validFrom" IS NULL OR "validFrom" < ${from}::date) AND ("validTo" IS NULL OR "validTo" > ${from}::date)`;
    // Moving back into the area of the period just ended continues that period.
    const joined = await tx.$executeRaw`UPDATE "PersonAreaPeriod" SET "validTo" = NULL
      WHERE "personId" = ${personId}::uuid AND "validTo" = ${from}::date AND "housingAreaId" = ${input.areaId}::uuid`;
    if (joined === 0) {
      // A person with no earlier period lived there before, as far as anyone knows (as the trigger assumes for a new person).
      const earlier = await tx.personAreaPeriod.count({ where: { personId } });
      await tx.personAreaPeriod.create({ data: { personId, housingAreaId: input.areaId, validFrom: earlier ? asDate(from) : null } });
    }
    await tx.$executeRaw`SELECT set_config(${MANUAL}, 'manual', true)`;
    await tx.person.update({ where: { id: personId }, data: { housingAreaId: input.areaId } });
    await tx.$executeRaw`SELECT set_config(${MANUAL}, '', true)`;
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "person.move",
      entityType: "Person",
      entityId: personId,
      before: { areaHistory: before },
      after: { housingAreaId: input.areaId, from },
    });
  }
}

/** "We moved": every member of the household (guardians and children) moves on the same day. */
export async function recordHouseholdMove(input: { householdId: string; areaId: string; from: string; actorUserId: string }): Promise<void> {
  const members = await db.householdMember.findMany({ where: { householdId: input.householdId }, select: { personId: true } });
  await recordMove({ personIds: members.map((member) => member.personId), areaId: input.areaId, from: input.from, actorUserId: input.actorUserId });
}

/** A person's periods, oldest first. */
export async function areaHistory(personId: string, client: DbTx = db): Promise<AreaPeriod[]> {
  const rows = await client.personAreaPeriod.findMany({
    where: { personId },
    select: { housingAreaId: true, validFrom: true, validTo: true },
    orderBy: [{ validFrom: { sort: "asc", nulls: "first" } }],
  });
  return rows.map((row) => ({
    housingAreaId: row.housingAreaId,
    from: row.validFrom ? dateOnly(row.validFrom) : null,
    to: row.validTo ? dateOnly(row.validTo) : null,
  }));
}

/** The area a person lived in on a day (null: not known). */
export async function areaOn(personId: string, day: string, client: DbTx = db): Promise<string | null> {
  const rows = await client.$queryRaw<{ area: string }[]>`SELECT "housingAreaId"::text AS area FROM "PersonAreaPeriod"
    WHERE "personId" = ${personId}::uuid AND ("validFrom" IS NULL OR "validFrom" <= ${day}::date) AND ("validTo" IS NULL OR "validTo" > ${day}::date)`;
  return rows[0]?.area ?? null;
}
