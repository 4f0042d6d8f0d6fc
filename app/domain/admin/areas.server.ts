// Housing areas as data: an admin adds and edits them (a new plan period
// brings new areas, and ends old ones through activeTo rather than
// deletion). An area in use cannot be deleted: residents live in it,
// activities are open to it, and enrolments, attendance and head-counts
// were counted by it for the reports.
import { dateOnly } from "~/domain/dates.ts";
import { changedFields } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { auditAdmin } from "./audit-log.server.ts";
import { AdminError, isUniqueViolation } from "./errors.server.ts";
import { isId } from "~/lib/ids.ts";
import { lockRow } from "~/domain/locking.server.ts";

export type HousingAreaInput = {
  code: string;
  name: string;
  isPlanArea: boolean;
  sortOrder: number;
  /** YYYY-MM-DD or null */
  activeFrom: string | null;
  activeTo: string | null;
};

const toDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

type AreaRow = { code: string; name: string; isPlanArea: boolean; sortOrder: number; activeFrom: Date | null; activeTo: Date | null };

function view(row: AreaRow): HousingAreaInput {
  return {
    code: row.code,
    name: row.name,
    isPlanArea: row.isPlanArea,
    sortOrder: row.sortOrder,
    activeFrom: row.activeFrom ? dateOnly(row.activeFrom) : null,
    activeTo: row.activeTo ? dateOnly(row.activeTo) : null,
  };
}

const areaSelect = { id: true, code: true, name: true, isPlanArea: true, sortOrder: true, activeFrom: true, activeTo: true } as const;

export async function listHousingAreas() {
  const rows = await db.housingArea.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { ...areaSelect, _count: { select: { people: true, eligibleActivities: true } } },
  });
  return rows.map((row) => ({ id: row.id, ...view(row), people: row._count.people, activities: row._count.eligibleActivities }));
}

/** What still points at an area (the rows that forbid deleting it). */
async function usage(tx: DbTx, areaId: string) {
  // One after another: inside a transaction they share one connection anyway.
  const people = await tx.person.count({ where: { housingAreaId: areaId } });
  const activities = await tx.activityEligibleArea.count({ where: { housingAreaId: areaId } });
  const enrolments = await tx.enrolment.count({ where: { housingAreaId: areaId } });
  const attendances = await tx.attendance.count({ where: { housingAreaId: areaId } });
  const headCounts = await tx.headCount.count({ where: { housingAreaId: areaId } });
  return { people, activities, enrolments, attendances, headCounts };
}

export async function housingAreaForEdit(areaId: string) {
  if (!isId(areaId)) return null;
  const row = await db.housingArea.findUnique({ where: { id: areaId }, select: areaSelect });
  if (!row) return null;
  return { id: row.id, ...view(row), usage: await usage(db, areaId) };
}

async function lockArea(tx: DbTx, areaId: string) {
  if (!(await lockRow(tx, "HousingArea", areaId))) throw new AdminError("notFound");
  return view(await tx.housingArea.findUniqueOrThrow({ where: { id: areaId }, select: areaSelect }));
}

/** Creates an area (areaId null) or updates one; returns its id. */
export async function saveHousingArea(actor: { id: string }, areaId: string | null, input: HousingAreaInput): Promise<string> {
  const data = { ...input, activeFrom: toDate(input.activeFrom), activeTo: toDate(input.activeTo) };
  try {
    return await db.$transaction(async (tx) => {
      if (areaId) {
        const current = await lockArea(tx, areaId);
        const changes = changedFields(current, input);
        if (!Object.keys(changes.after).length) return areaId;
        await tx.housingArea.update({ where: { id: areaId }, data });
        await auditAdmin(tx, { actorUserId: actor.id, action: "housingArea.update", entityType: "HousingArea", entityId: areaId, ...changes });
        return areaId;
      }
      const created = await tx.housingArea.create({ data, select: { id: true } });
      await auditAdmin(tx, { actorUserId: actor.id, action: "housingArea.create", entityType: "HousingArea", entityId: created.id, after: { ...input } });
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AdminError("codeTaken");
    throw error;
  }
}

/**
 * Deletes an area nothing refers to. People's area and activities'
 * eligibility would otherwise be silently dropped by the database
 * (SET NULL / CASCADE), and the reports' counts by area lost.
 */
export async function deleteHousingArea(actor: { id: string }, areaId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockArea(tx, areaId);
    const used = await usage(tx, areaId);
    if (Object.values(used).some((count) => count > 0)) throw new AdminError("inUse", used);
    await tx.housingArea.delete({ where: { id: areaId } });
    await auditAdmin(tx, { actorUserId: actor.id, action: "housingArea.delete", entityType: "HousingArea", entityId: areaId, before: { ...current } });
  });
}
