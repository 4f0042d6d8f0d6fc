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
