// How to reach a person: their login's e-mail/phone and language when they
// have one, else what staff recorded on the person.
import type { DbTx } from "~/lib/db.server.ts";
import type { Recipient } from "~/lib/messages/send.server.ts";

export async function recipientFor(tx: DbTx, personId: string): Promise<Recipient> {
  // Raw: read by every sign-up (ADR 011). The user's own contact details win over the person's.
  const rows = await tx.$queryRaw<Recipient[]>`
    SELECT COALESCE(u."email", p."email") AS "email", COALESCE(u."phone", p."phone") AS "phone", COALESCE(u."language", p."language") AS "language"
    FROM "Person" p LEFT JOIN "User" u ON u."personId" = p."id" WHERE p."id" = ${personId}::uuid`;
  if (!rows[0]) throw new Error("No such person.");
  return rows[0];
}

export type HouseholdGuardian = { personId: string; name: string; email: string | null; phone: string | null; language: string };

/**
 * The guardian a household names for a young person who is a child in it: one with a login first, then the
 * earliest recorded, and only one who can be reached. Null: no household names a reachable guardian, so a
 * guardian contact can only come from the young person (and staff must confirm who it is).
 */
export async function householdGuardianOf(tx: DbTx, youngPersonId: string): Promise<HouseholdGuardian | null> {
  const rows = await tx.$queryRaw<(HouseholdGuardian & { firstName: string; lastName: string })[]>`
    SELECT g."id"::text AS "personId", g."firstName", g."lastName",
           COALESCE(u."email", g."email") AS "email", COALESCE(u."phone", g."phone") AS "phone",
           COALESCE(u."language", g."language") AS "language"
    FROM "HouseholdMember" child
    JOIN "HouseholdMember" gm ON gm."householdId" = child."householdId" AND gm."role" = 'GUARDIAN'
    JOIN "Person" g ON g."id" = gm."personId" AND g."anonymisedAt" IS NULL
    LEFT JOIN "User" u ON u."personId" = g."id" AND u."disabledAt" IS NULL
    WHERE child."personId" = ${youngPersonId}::uuid AND child."role" = 'CHILD' AND g."id" <> ${youngPersonId}::uuid
      AND COALESCE(u."email", g."email", u."phone", g."phone") IS NOT NULL
    ORDER BY (u."id" IS NULL), gm."createdAt", g."id"
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  return {
    personId: row.personId,
    name: `${row.firstName} ${row.lastName}`.trim(),
    email: row.email,
    phone: row.phone,
    language: row.language,
  };
}
