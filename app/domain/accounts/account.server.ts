// A signed-in person's own account: what the account page shows, and the
// language they chose (kept on the account and the person, so messages go
// out in it).
import { db } from "~/lib/db.server.ts";
import type { Language } from "~/lib/i18n.ts";

/** The account page's facts: contact, role, language and name. */
export function accountOf(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, phone: true, role: true, language: true, person: { select: { firstName: true, lastName: true } } },
  });
}

/** Remembers the language on the account and its person. */
export async function setLanguage(userId: string, language: Language): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { language, person: { update: { language } } } });
}
