// Activity types as data: an admin adds and edits them (a new plan period
// brings new kinds of activity). A type that activities use cannot be
// deleted: the activities, the catalogue filter and the reports depend on it.
import { asLocalized, type LocalizedText } from "~/domain/activities/text.ts";
import { changedFields } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { auditAdmin } from "./audit-log.server.ts";
import { AdminError, isForeignKeyViolation, isUniqueViolation } from "./errors.server.ts";
import { isId } from "~/lib/ids.ts";
import { lockRow } from "~/domain/locking.server.ts";

export type ActivityTypeInput = {
  code: string;
  name: LocalizedText;
  icon: string;
  dropIn: boolean;
  sortOrder: number;
};

export async function listActivityTypes() {
  const rows = await db.activityType.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, icon: true, dropIn: true, sortOrder: true, _count: { select: { activities: true } } },
  });
  return rows.map(({ _count, name, ...row }) => ({ ...row, name: asLocalized(name), activities: _count.activities }));
}

export async function activityTypeForEdit(typeId: string) {
  if (!isId(typeId)) return null;
  const row = await db.activityType.findUnique({
    where: { id: typeId },
    select: { id: true, code: true, name: true, icon: true, dropIn: true, sortOrder: true, _count: { select: { activities: true } } },
  });
  if (!row) return null;
  const { _count, name, ...rest } = row;
  return { ...rest, name: asLocalized(name), activities: _count.activities };
}

/** Only the languages given: a missing translation falls back to Danish where it is shown. */
function cleanName(name: LocalizedText): LocalizedText {
  return { da: name.da.trim(), ...(name.en?.trim() ? { en: name.en.trim() } : {}), ...(name.ar?.trim() ? { ar: name.ar.trim() } : {}) };
}

const snapshot = (row: ActivityTypeInput) => ({ code: row.code, name: row.name, icon: row.icon, dropIn: row.dropIn, sortOrder: row.sortOrder });

async function lockType(tx: DbTx, typeId: string) {
  if (!(await lockRow(tx, "ActivityType", typeId))) throw new AdminError("notFound");
  const row = await tx.activityType.findUniqueOrThrow({ where: { id: typeId } });
  return { ...row, name: asLocalized(row.name) };
}

/** Creates a type (typeId null) or updates one; returns its id. */
export async function saveActivityType(actor: { id: string }, typeId: string | null, input: ActivityTypeInput): Promise<string> {
  const data = { ...input, name: cleanName(input.name) };
  try {
    return await db.$transaction(async (tx) => {
      if (typeId) {
        const current = await lockType(tx, typeId);
        const changes = changedFields(snapshot(current), snapshot(data));
        if (!Object.keys(changes.after).length) return typeId;
        await tx.activityType.update({ where: { id: typeId }, data });
        await auditAdmin(tx, { actorUserId: actor.id, action: "activityType.update", entityType: "ActivityType", entityId: typeId, ...changes });
        return typeId;
      }
      const created = await tx.activityType.create({ data, select: { id: true } });
      await auditAdmin(tx, { actorUserId: actor.id, action: "activityType.create", entityType: "ActivityType", entityId: created.id, after: snapshot(data) });
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AdminError("codeTaken");
    throw error;
  }
}

/** Deletes a type no activity uses; otherwise AdminError("inUse") with the count. */
export async function deleteActivityType(actor: { id: string }, typeId: string): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const current = await lockType(tx, typeId);
      const activities = await tx.activity.count({ where: { typeId } });
      if (activities) throw new AdminError("inUse", { activities });
      await tx.activityType.delete({ where: { id: typeId } });
      await auditAdmin(tx, { actorUserId: actor.id, action: "activityType.delete", entityType: "ActivityType", entityId: typeId, before: snapshot(current) });
    });
  } catch (error) {
    // An activity created between the count and the delete: the foreign key refuses.
    if (isForeignKeyViolation(error)) throw new AdminError("inUse", { activities: 1 });
    throw error;
  }
}
