// Programmes (indsatser) as data: staff create one where they need it (the activity editor's "new programme"), and
// an admin keeps the list clean — a name corrected, a programme typed twice ("Brandkadet" and "Brand-kadet") merged
// into one, an unused one deleted. Milestones and unique counts follow the programme, so a merge matters: the
// activities and milestones of the one merged away move to the one kept, and a person who came to both counts once.
import { changedFields } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { isId } from "~/lib/ids.ts";
import { lockName, lockRows } from "~/domain/locking.server.ts";
import { auditAdmin } from "./audit-log.server.ts";
import { AdminError, isForeignKeyViolation, isUniqueViolation } from "./errors.server.ts";

const USAGE = { _count: { select: { activities: true, milestones: true } } } as const;

export async function listProgrammes() {
  const rows = await db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, ...USAGE } });
  return rows.map(({ _count, ...row }) => ({ ...row, activities: _count.activities, milestones: _count.milestones }));
}

/** A programme with how many activities and milestones use it, and the other programmes it could be merged into. */
export async function programmeForEdit(programmeId: string) {
  if (!isId(programmeId)) return null;
  const row = await db.programme.findUnique({ where: { id: programmeId }, select: { id: true, name: true, ...USAGE } });
  if (!row) return null;
  const others = await db.programme.findMany({ where: { id: { not: programmeId } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const { _count, ...rest } = row;
  return { ...rest, activities: _count.activities, milestones: _count.milestones, others };
}

/** Another programme of this name, compared without regard to case (as the activity editor finds one). */
async function sameName(tx: DbTx, name: string, except: string | null) {
  return tx.programme.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(except ? { id: { not: except } } : {}) }, select: { id: true } });
}

/** Creates a programme (programmeId null) or renames one; returns its id. A name another programme has: "codeTaken". */
export async function saveProgramme(actor: { id: string }, programmeId: string | null, input: { name: string }): Promise<string> {
  const name = input.name.trim();
  try {
    return await db.$transaction(async (tx) => {
      await lockName(tx, "programme", name);
      if (await sameName(tx, name, programmeId)) throw new AdminError("codeTaken");
      if (!programmeId) {
        const created = await tx.programme.create({ data: { name }, select: { id: true } });
        await auditAdmin(tx, { actorUserId: actor.id, action: "programme.create", entityType: "Programme", entityId: created.id, after: { name } });
        return created.id;
      }
      const [locked] = await lockRows(tx, "Programme", [programmeId]);
      if (!locked) throw new AdminError("notFound");
      const current = await tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { name: true } });
      const changes = changedFields({ name: current.name }, { name });
      if (!Object.keys(changes.after).length) return programmeId;
      await tx.programme.update({ where: { id: programmeId }, data: { name } });
      await auditAdmin(tx, { actorUserId: actor.id, action: "programme.update", entityType: "Programme", entityId: programmeId, ...changes });
      return programmeId;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AdminError("codeTaken");
    throw error;
  }
}

/**
 * Deletes a programme no activity and no milestone uses; otherwise AdminError("inUse") with the counts. (A milestone
 * would be deleted with its programme — the schema cascades — so one in use is never deleted: merge it instead.)
 */
export async function deleteProgramme(actor: { id: string }, programmeId: string): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const [locked] = await lockRows(tx, "Programme", [programmeId]);
      if (!locked) throw new AdminError("notFound");
      const [current, activities, milestones] = await Promise.all([
        tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { name: true } }),
        tx.activity.count({ where: { programmeId } }),
        tx.milestone.count({ where: { programmeId } }),
      ]);
      if (activities || milestones) throw new AdminError("inUse", { activities, milestones });
      await tx.programme.delete({ where: { id: programmeId } });
      await auditAdmin(tx, { actorUserId: actor.id, action: "programme.delete", entityType: "Programme", entityId: programmeId, before: current });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AdminError("inUse", { activities: 1 });
    throw error;
  }
}

/**
 * Merges programme `programmeId` into `intoId`: its activities and milestones move to the one kept, and it is gone.
 * Both rows are locked (id order), so an activity saved into the one merged away at the same moment waits and then
 * finds it gone. Returns how many activities and milestones moved.
 */
export async function mergeProgramme(actor: { id: string }, programmeId: string, intoId: string): Promise<{ activities: number; milestones: number }> {
  if (programmeId === intoId) throw new AdminError("notFound");
  return db.$transaction(async (tx) => {
    const locked = await lockRows(tx, "Programme", [programmeId, intoId]);
    if (locked.length !== 2) throw new AdminError("notFound");
    const [from, into] = await Promise.all([
      tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { name: true } }),
      tx.programme.findUniqueOrThrow({ where: { id: intoId }, select: { name: true } }),
    ]);
    const activities = await tx.activity.updateMany({ where: { programmeId }, data: { programmeId: intoId } });
    const milestones = await tx.milestone.updateMany({ where: { programmeId }, data: { programmeId: intoId } });
    await tx.programme.delete({ where: { id: programmeId } });
    const moved = { activities: activities.count, milestones: milestones.count };
    await auditAdmin(tx, {
      actorUserId: actor.id,
      action: "programme.merge",
      entityType: "Programme",
      entityId: intoId,
      before: { merged: from.name, into: into.name },
      after: { into: into.name, ...moved },
    });
    return moved;
  });
}
