// Deletes what has served its purpose, daily: used or expired sign-in
// challenges (they hold e-mail addresses and phone numbers), old rate-limit
// counters (they hold IP addresses), expired sessions, and the development
// outbox, and invitations to a household answered or expired a while ago
// (they hold the name and number a family typed for someone), and uploaded
// spreadsheets never imported (they hold a list of names). Retention of
// the message log and of households is a separate, documented rule (privacy).
import { KEEP_ANSWERED_DAYS } from "~/domain/households/invitations.server.ts";
import { deleteStaleDrafts } from "~/domain/register/import/batches.server.ts";
import { db } from "~/lib/db.server.ts";

const DAY = 24 * 3_600_000;

export async function deleteExpiredData(now = new Date()) {
  const answeredBefore = new Date(now.getTime() - KEEP_ANSWERED_DAYS * DAY);
  const [challenges, buckets, sessions, outbox, invitations] = await db.$transaction([
    db.signInChallenge.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DAY) } } }),
    db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 2 * DAY) } } }),
    db.session.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.devOutboxItem.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 7 * DAY) } } }),
    db.householdInvitation.deleteMany({ where: { OR: [{ answeredAt: { lt: answeredBefore } }, { answeredAt: null, expiresAt: { lt: answeredBefore } }] } }),
  ]);
  const importDrafts = await deleteStaleDrafts(now);
  return { challenges: challenges.count, buckets: buckets.count, sessions: sessions.count, outbox: outbox.count, invitations: invitations.count, importDrafts };
}
