// The one way a person enters the register (ADR 015). Every form that makes a person — a walk-in at attendance,
// a family registered by staff or a partner, a parent adding a child — looks for matches first
// (matching.server.ts) and then calls createPerson here, so the insert, its household membership and its audit
// line are written in one place. Forms that create are answered once: submitOnce turns a double tap or a
// resubmitted page into the first submission's result.
import type { Gender, HouseholdRole } from "~/generated/prisma/client.ts";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";

export type NewPerson = {
  firstName: string;
  lastName: string;
  /** The full date, when it is known. */
  birthDate?: Date | null;
  /** The year alone, when only that is known (a walk-in; ADR 016): no day is invented. */
  birthYear?: number | null;
  housingAreaId: string | null;
  email?: string | null;
  phone?: string | null;
  language?: string;
  gender?: Gender | null;
  photoConsent?: boolean | null;
  needs?: string | null;
};

/** Inserts a person (with a household membership and a note of needs when given) and writes its audit line. */
export async function createPerson(
  tx: DbTx,
  person: NewPerson,
  options: { member?: { householdId: string; role: HouseholdRole } | null; actorUserId: string | null; action: string; auditAfter: Record<string, unknown> },
): Promise<string> {
  const { needs, ...data } = person;
  const created = await tx.person.create({
    data: {
      ...data,
      ...(options.member ? { households: { create: { householdId: options.member.householdId, role: options.member.role } } } : {}),
      ...(needs ? { needs: { create: { text: needs } } } : {}),
    },
    select: { id: true },
  });
  await audit(tx, { actorUserId: options.actorUserId, action: options.action, entityType: "Person", entityId: created.id, after: options.auditAfter });
  return created.id;
}

const scopedKey = (input: { key: string; kind: string; actorUserId: string }) => `${input.kind}:${input.actorUserId}:${input.key}`;

/** What an earlier, finished submission of this form key made (checked before offering matches). */
export async function earlierSubmission(input: { key: string; kind: string; actorUserId: string }, tx: DbTx = db): Promise<string | null> {
  const rows = await tx.$queryRaw<{ resultId: string | null }[]>`SELECT "resultId"::text AS "resultId" FROM "FormSubmission" WHERE "key" = ${scopedKey(input)}`;
  return rows[0]?.resultId ?? null;
}

/**
 * Runs `make` once per form key: the key is claimed first (a second submission waits on the first one's row, then
 * finds it) and the result id recorded. Returns the result and whether this was a replay. The key is scoped by the
 * acting user and the kind of form, so nobody can replay someone else's key to learn what it made.
 */
export async function submitOnce(
  tx: DbTx,
  input: { key: string; kind: string; actorUserId: string },
  make: () => Promise<string>,
): Promise<{ resultId: string; replayed: boolean }> {
  const key = scopedKey(input);
  const claimed = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "FormSubmission" ("key", "kind") VALUES (${key}, ${input.kind}) ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
  if (!claimed.length) {
    const rows = await tx.$queryRaw<{ resultId: string | null }[]>`SELECT "resultId"::text AS "resultId" FROM "FormSubmission" WHERE "key" = ${key}`;
    if (rows[0]?.resultId) return { resultId: rows[0].resultId, replayed: true };
  }
  const resultId = await make();
  await tx.$executeRaw`UPDATE "FormSubmission" SET "resultId" = ${resultId}::uuid WHERE "key" = ${key}`;
  return { resultId, replayed: false };
}

/** How long a form's key is remembered (a resubmitted page comes within minutes; a day is plenty). */
export const FORM_SUBMISSION_DAYS = 2;
