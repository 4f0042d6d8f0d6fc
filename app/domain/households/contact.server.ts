// How to reach a person: their login's e-mail/phone and language when they
// have one, else what staff recorded on the person.
import type { DbTx } from "~/lib/db.server.ts";
import type { Recipient } from "~/lib/messages/send.server.ts";

export async function recipientFor(tx: DbTx, personId: string): Promise<Recipient> {
  const person = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    select: { email: true, phone: true, language: true, user: { select: { email: true, phone: true, language: true } } },
  });
  return {
    email: person.user?.email ?? person.email,
    phone: person.user?.phone ?? person.phone,
    language: person.user?.language ?? person.language,
  };
}
