// Deletes what has served its purpose, daily: used or expired sign-in
// challenges (they hold e-mail addresses and phone numbers), old rate-limit
// counters (they hold IP addresses), expired sessions, and the development
// outbox, and invitations to a household answered or expired a while ago
// (they hold the name and number a family typed for someone), and uploaded
// spreadsheets never imported (they hold a list of names), and the
// once-only keys of forms that create a person or household after a week
// (FormSubmission, ADR 015: a resent page finds what it made). Retention of
// the message log and of households is a separate, documented rule (privacy).
import { KEEP_ANSWERED_DAYS } from "~/domain/households/invitations.server.ts";
import { deleteStaleDrafts } from "~/domain/register/import/batches.server.ts";
import { db } from "~/lib/db.server.ts";

const DAY = 24 * 3_600_000;
/** How long a form's once-only key is kept: a page left open for days and sent again still finds what it made. */
const KEEP_FORM_KEYS_DAYS = 7;

export async function deleteExpiredData(now = new Date()) {
  const answeredBefore = new Date(now.getTime() - KEEP_ANSWERED_DAYS * DAY);
  const [challenges, buckets, sessions, outbox, invitations, formSubmissions] = await db.$transaction([
    db.signInChallenge.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DAY) } } }),
    db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 2 * DAY) } } }),
    db.session.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.devOutboxItem.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 7 * DAY) } } }),
    db.householdInvitation.deleteMany({ where: { OR: [{ answeredAt: { lt: answeredBefore } }, { answeredAt: null, expiresAt: { lt: answeredBefore } }] } }),
    db.formSubmission.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_FORM_KEYS_DAYS * DAY) } } }),
  ]);
  const importDrafts = await deleteStaleDrafts(now);
  return {
    challenges: challenges.count,
    buckets: buckets.count,
    sessions: sessions.count,
    outbox: outbox.count,
    invitations: invitations.count,
    formSubmissions: formSubmissions.count,
    importDrafts,
  };
}
