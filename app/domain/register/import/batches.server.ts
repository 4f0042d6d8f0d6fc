// Import batches: the staff page's upload kept as a draft between its steps,
// the list of imports, and undoing one. An import can be undone only while
// nothing has been *added* to what it made — no enrolment, sign-up, job or
// login for its people, no attendance or head-count but its own on its
// sessions, no new member or answered invitation in its households, and no
// edit since (an update, a re-marked attendance row, a changed head-count, or
// any audited change to its people or households, a merge included).
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import type { ImportKind, Mapping } from "./columns.ts";
import { DRAFT_HOURS, ImportError, PAGE_MAX_ROWS, type AddedSince, type ImportSummary } from "./import.server.ts";
import { FileError, readSpreadsheet } from "./read-file.ts";
import { lockBatchRows, lockRow } from "~/domain/locking.server.ts";

const KIND_COLUMN = { people: "PEOPLE", participation: "PARTICIPATION" } as const;

/** Keeps an uploaded file as a draft batch (checked readable first); answers its id. Throws ImportError. */
export async function createDraft(input: {
  bytes: Uint8Array;
  fileName: string;
  kind: ImportKind;
  activityId: string | null;
  actorUserId: string;
}): Promise<string> {
  if (input.kind === "participation" && !input.activityId) throw new ImportError("activityRequired");
  if (input.activityId && !(await db.activity.count({ where: { id: input.activityId } }))) throw new ImportError("unknownActivity");
  try {
    await readSpreadsheet(input.bytes, PAGE_MAX_ROWS);
  } catch (error) {
    throw error instanceof FileError ? new ImportError(error.code) : error;
  }
  await deleteStaleDrafts();
  const batch = await db.importBatch.create({
    data: {
      kind: KIND_COLUMN[input.kind],
      fileName: input.fileName.slice(0, 200) || "-",
      file: Buffer.from(input.bytes),
      activityId: input.kind === "participation" ? input.activityId : null,
      createdById: input.actorUserId,
    },
    select: { id: true },
  });
  return batch.id;
}

/** Drafts older than DRAFT_HOURS: the uploaded file holds personal data nobody imported. */
export async function deleteStaleDrafts(now = new Date()): Promise<number> {
  const { count } = await db.importBatch.deleteMany({ where: { status: "DRAFT", createdAt: { lt: new Date(now.getTime() - DRAFT_HOURS * 3_600_000) } } });
  return count;
}

/** The column mapping staff chose for a draft. */
export async function saveMapping(batchId: string, mapping: Mapping): Promise<void> {
  const { count } = await db.importBatch.updateMany({ where: { id: batchId, status: "DRAFT" }, data: { mapping } });
  if (!count) throw new ImportError("notDraft");
}

/** Throws away a draft (its file with it). */
export async function discardDraft(batchId: string): Promise<void> {
  await db.importBatch.deleteMany({ where: { id: batchId, status: "DRAFT" } });
}

/** What the list and a batch's page show of a batch (the summary is an ImportSummary once imported). */
const BATCH_FIELDS = {
  id: true,
  kind: true,
  status: true,
  fileName: true,
  createdAt: true,
  importedAt: true,
  undoneAt: true,
  summary: true,
} as const;

const withSummary = <T extends { summary: unknown }>(batch: T): Omit<T, "summary"> & { summary: ImportSummary | null } => ({
  ...batch,
  summary: batch.summary as ImportSummary | null,
});

/** The latest imports (drafts included), newest first. */
export async function listBatches(limit = 30) {
  const batches = await db.importBatch.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { ...BATCH_FIELDS, activity: { select: { title: true } } },
  });
  return batches.map(withSummary);
}

export async function batchFor(batchId: string) {
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: { ...BATCH_FIELDS, activity: { select: { id: true, title: true } } },
  });
  if (!batch) throw new ImportError("notFound");
  return withSummary(batch);
}

/** What was added to an imported batch's people, households and sessions since it was imported (empty: it may be undone). */
export async function addedSince(tx: DbTx, batchId: string): Promise<AddedSince> {
  const [row] = await tx.$queryRaw<Record<keyof AddedSince, number>[]>`
    WITH b AS (SELECT "id", "importedAt" AS t FROM "ImportBatch" WHERE "id" = ${batchId}::uuid),
         p AS (SELECT "id" FROM "Person" WHERE "importBatchId" = ${batchId}::uuid),
         h AS (SELECT "id" FROM "Household" WHERE "importBatchId" = ${batchId}::uuid),
         s AS (SELECT "id" FROM "ActivitySession" WHERE "importBatchId" = ${batchId}::uuid)
    SELECT
      (SELECT count(*) FROM "Enrolment" WHERE "personId" IN (SELECT "id" FROM p) OR "householdId" IN (SELECT "id" FROM h))::int AS "enrolments",
      (SELECT count(*) FROM "SignUp" WHERE "householdId" IN (SELECT "id" FROM h) OR "consentPersonId" IN (SELECT "id" FROM p))::int AS "signUps",
      (SELECT count(*) FROM "Attendance" WHERE ("personId" IN (SELECT "id" FROM p) OR "sessionId" IN (SELECT "id" FROM s))
         AND "importBatchId" IS DISTINCT FROM ${batchId}::uuid)::int AS "attendance",
      (SELECT count(*) FROM "HeadCount" WHERE "sessionId" IN (SELECT "id" FROM s) AND "importBatchId" IS DISTINCT FROM ${batchId}::uuid)::int AS "headCounts",
      ((SELECT count(*) FROM "Person" WHERE "id" IN (SELECT "id" FROM p) AND "updatedAt" > (SELECT t FROM b))
       + (SELECT count(*) FROM "Household" WHERE "id" IN (SELECT "id" FROM h) AND "updatedAt" > (SELECT t FROM b))
       + (SELECT count(*) FROM "Attendance" WHERE "importBatchId" = ${batchId}::uuid AND "markedAt" > (SELECT t FROM b))
       + (SELECT count(*) FROM "HeadCount" WHERE "importBatchId" = ${batchId}::uuid AND "updatedAt" > (SELECT t FROM b))
       + (SELECT count(*) FROM "PersonNeeds" WHERE "personId" IN (SELECT "id" FROM p))
       + (SELECT count(*) FROM "AuditEvent" WHERE "at" > (SELECT t FROM b)
            AND (("entityType" = 'Person' AND "entityId" IN (SELECT "id"::text FROM p)) OR ("entityType" = 'Household' AND "entityId" IN (SELECT "id"::text FROM h)))))::int AS "edits",
      (SELECT count(*) FROM "User" WHERE "personId" IN (SELECT "id" FROM p))::int AS "logins",
      (SELECT count(*) FROM "HouseholdMember" WHERE ("householdId" IN (SELECT "id" FROM h) AND "personId" NOT IN (SELECT "id" FROM p))
         OR ("personId" IN (SELECT "id" FROM p) AND "householdId" NOT IN (SELECT "id" FROM h)))::int AS "householdMembers",
      (SELECT count(*) FROM "HouseholdInvitation" WHERE "householdId" IN (SELECT "id" FROM h) AND ("kind" <> 'CLAIM' OR "answeredAt" IS NOT NULL))::int
        AS "invitations",
      ((SELECT count(*) FROM "JobApplication" WHERE "personId" IN (SELECT "id" FROM p) OR "guardianPersonId" IN (SELECT "id" FROM p))
       + (SELECT count(*) FROM "Employment" WHERE "personId" IN (SELECT "id" FROM p)))::int AS "jobs"`;
  return Object.fromEntries(Object.entries(row ?? {}).filter(([, count]) => Number(count) > 0)) as AddedSince;
}

/**
 * Takes an import back: deletes everything it made (people, households with their members and claims, sessions it
 * made, its attendance rows and head-counts), in one transaction that first locks what it made, so nothing can be
 * added meanwhile. Throws ImportError "undoRefused" (with what was added) when anything was.
 */
export async function undoImport(batchId: string, actorUserId: string | null): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const batch = (await lockRow(tx, "ImportBatch", batchId)) ? await tx.importBatch.findUnique({ where: { id: batchId }, select: { status: true } }) : null;
      if (!batch) throw new ImportError("notFound");
      if (batch.status !== "IMPORTED") throw new ImportError("notImported");
      // A row that references one of these (an enrolment, a sign-up, an attendance row) takes a key-share lock on
      // it first: FOR UPDATE waits for those writers and keeps new ones out until this transaction ends.
      for (const table of ["Person", "Household", "ActivitySession"] as const) await lockBatchRows(tx, table, batchId);
      const added = await addedSince(tx, batchId);
      if (Object.keys(added).length) throw new ImportError("undoRefused", { added });
      const deleted = {
        attendances: await tx.$executeRaw`DELETE FROM "Attendance" WHERE "importBatchId" = ${batchId}::uuid`,
        headCounts: await tx.$executeRaw`DELETE FROM "HeadCount" WHERE "importBatchId" = ${batchId}::uuid`,
        sessions: await tx.$executeRaw`DELETE FROM "ActivitySession" WHERE "importBatchId" = ${batchId}::uuid`,
        households: await tx.$executeRaw`DELETE FROM "Household" WHERE "importBatchId" = ${batchId}::uuid`,
        people: await tx.$executeRaw`DELETE FROM "Person" WHERE "importBatchId" = ${batchId}::uuid`,
      };
      await tx.$executeRaw`UPDATE "ImportBatch" SET "status" = 'UNDONE', "undoneAt" = now() WHERE "id" = ${batchId}::uuid`;
      await audit(tx, { actorUserId, action: "import.undo", entityType: "ImportBatch", entityId: batchId, after: deleted });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** The same, outside a transaction (the batch page). */
export const batchAddedSince = (batchId: string): Promise<AddedSince> => addedSince(db, batchId);
