// The one way the portal sends a message to a person. The template comes
// from locales/<language>/messages.json in the recipient's language; e-mail
// when there is an address, else SMS. Every message is a row in Message,
// which is both the log staff see and the outbox:
// - queueMessage() writes it inside the caller's transaction (so a message
//   exists exactly when what it tells about was committed), and the
//   delivery job (job-handlers.server.ts) sends it with retries;
// - sendMessageNow() sends at once (sign-in codes), logging with secrets masked.
import { nextDaytime } from "~/domain/dates.ts";
import { db, type DbTx } from "../db.server.ts";
import { defaultLanguage, isLanguage, type Language } from "../i18n.ts";
import { translator } from "../i18n.server.ts";
import { errorFields, log } from "../log.server.ts";
import { sendEmail } from "./email.server.ts";
import { smsTransport } from "./sms.server.ts";

export type Recipient = { email?: string | null; phone?: string | null; language?: string | null };

/** Templates in messages.json: each has subject, text (e-mail) and sms. */
export type Template =
  | "signInCode"
  | "signInDisabled"
  | "signUpConfirmed"
  | "signUpWaiting"
  | "offerMade"
  | "offerAccepted"
  | "offerExpired"
  | "cancelled"
  | "cancelledStaffNotice"
  | "reminder"
  | "broadcast"
  | "sessionChanged"
  | "activityCancelled"
  | "jobApplicationReceived"
  | "jobGuardianConsent"
  | "jobApplicationStatus"
  | "jobInterviewBooked"
  | "jobGuardianInformation"
  | "jobShiftAssigned"
  | "jobShiftReleased";

export type Params = Record<string, string | number>;

/**
 * Messages that can wait: by SMS they go in the Copenhagen daytime only (nextDaytime, 08:00–20:00), so a reminder
 * or a broadcast queued in the evening does not ring a phone at night. Everything else — sign-in codes, offers with
 * a deadline, cancellations — goes at once. E-mail is not held: it is read when the reader chooses.
 */
export const CAN_WAIT: readonly Template[] = ["reminder", "broadcast"];
const waitsForDaytime = (channel: "EMAIL" | "SMS", template: string) => channel === "SMS" && (CAN_WAIT as readonly string[]).includes(template);

/** An e-mail attachment (an interview's .ics). SMS cannot carry one: put a link in the text too. */
export type Attachment = { filename: string; contentType: string; content: string };

type Rendered = { channel: "EMAIL" | "SMS"; to: string; language: Language; subject: string; body: string };

function render(recipient: Recipient, template: Template, params: Params): Rendered {
  const language: Language = isLanguage(recipient.language) ? recipient.language : defaultLanguage;
  const t = translator(language, "messages");
  const channel = recipient.email ? "EMAIL" : recipient.phone ? "SMS" : null;
  if (!channel) throw new Error("The recipient has neither e-mail nor phone.");
  const to = (channel === "EMAIL" ? recipient.email : recipient.phone)!;
  return {
    channel,
    to,
    language,
    subject: t(`${template}.subject`, params),
    body: channel === "EMAIL" ? `${t(`${template}.text`, params)}\n\n${t("signature")}` : t(`${template}.sms`, params),
  };
}

async function transmit(message: {
  /** The outbox row, when there is one: an idempotency key for the provider (the same on every try). */
  id?: string;
  channel: "EMAIL" | "SMS";
  recipient: string;
  language: string;
  subject: string | null;
  body: string;
  attachment?: Attachment | null;
}) {
  if (message.channel === "EMAIL")
    await sendEmail({
      to: message.recipient,
      subject: message.subject ?? "",
      text: message.body,
      language: message.language,
      attachments: message.attachment ? [message.attachment] : undefined,
      id: message.id,
    });
  else await smsTransport().send({ to: message.recipient, text: message.body, id: message.id });
}

/** The channel a message to this recipient takes and, for an SMS, its text (what a broadcast's cost is counted on). */
export function renderedFor(recipient: Recipient, template: Template, params: Params): { channel: "EMAIL" | "SMS"; body: string } {
  const { channel, body } = render(recipient, template, params);
  return { channel, body };
}

export function canReach(recipient: Recipient): boolean {
  return Boolean(recipient.email || recipient.phone);
}

/** Writes a message to be delivered by the delivery job. Call inside the transaction that makes it true. */
export async function queueMessage(
  tx: DbTx,
  recipient: Recipient,
  template: Template,
  params: Params,
  about: { householdId?: string; activityId?: string; attachment?: Attachment; now?: Date } = {},
): Promise<void> {
  const message = render(recipient, template, params);
  const attachment = message.channel === "EMAIL" && about.attachment ? JSON.stringify(about.attachment) : null;
  const now = about.now ?? new Date();
  const due = waitsForDaytime(message.channel, template) ? nextDaytime(now) : now;
  // A plain INSERT: sign-ups queue one while holding the activity's lock (ADR 011).
  await tx.$executeRaw`
    INSERT INTO "Message" ("channel", "recipient", "language", "template", "subject", "body", "householdId", "activityId", "attachment", "nextAttemptAt")
    VALUES (${message.channel}::"Channel", ${message.to}, ${message.language}, ${template}, ${message.channel === "EMAIL" ? message.subject : null},
      ${message.body}, ${about.householdId ?? null}::uuid, ${about.activityId ?? null}::uuid, ${attachment}::jsonb, ${due})`;
}

/** Templates whose stored text is masked (a sign-in code): not worth sending again by e-mail. */
const NO_FALLBACK: readonly string[] = ["signInCode"] satisfies Template[];

/**
 * An SMS that could not be delivered (the provider's report, or its last try failed): when the person it went to
 * has an e-mail address now — one address among everyone with that phone, never a guess between two — its text
 * is queued to that address. At most once per SMS (Message.fallbackForId is unique). Returns whether it was.
 */
export async function queueEmailInPlaceOfSms(smsId: string): Promise<boolean> {
  const sms = await db.message.findUnique({
    where: { id: smsId },
    select: { channel: true, recipient: true, language: true, template: true, body: true, householdId: true, activityId: true },
  });
  if (!sms || sms.channel !== "SMS" || NO_FALLBACK.includes(sms.template)) return false;
  const addresses = await db.$queryRaw<{ email: string }[]>`
    SELECT DISTINCT lower(COALESCE(u."email", p."email")) AS "email"
    FROM "Person" p LEFT JOIN "User" u ON u."personId" = p."id" AND u."disabledAt" IS NULL
    WHERE p."anonymisedAt" IS NULL AND COALESCE(u."phone", p."phone") = ${sms.recipient} AND COALESCE(u."email", p."email") IS NOT NULL
    LIMIT 2`;
  if (addresses.length !== 1) return false;
  const language: Language = isLanguage(sms.language) ? sms.language : defaultLanguage;
  const t = translator(language, "messages");
  const inserted = await db.$executeRaw`
    INSERT INTO "Message" ("channel", "recipient", "language", "template", "subject", "body", "householdId", "activityId", "fallbackForId")
    VALUES ('EMAIL'::"Channel", ${addresses[0]!.email}, ${language}, ${sms.template}, ${t("smsFallback.subject")},
      ${`${t("smsFallback.text", { text: sms.body })}\n\n${t("signature")}`}, ${sms.householdId}::uuid, ${sms.activityId}::uuid, ${smsId}::uuid)
    ON CONFLICT ("fallbackForId") DO NOTHING`;
  return inserted > 0;
}

/**
 * Sends at once. `secret` names params (a sign-in code) that are sent but
 * never stored: the log keeps the message with them masked.
 */
export async function sendMessageNow(recipient: Recipient, template: Template, params: Params, options: { secret?: string[] } = {}): Promise<void> {
  const message = render(recipient, template, params);
  const masked = render(recipient, template, { ...params, ...Object.fromEntries((options.secret ?? []).map((key) => [key, "******"])) });
  const logged = await db.message.create({
    data: {
      channel: message.channel,
      recipient: message.to,
      language: message.language,
      template,
      subject: message.channel === "EMAIL" ? masked.subject : null,
      body: masked.body,
      attempts: 1,
    },
    select: { id: true },
  });
  try {
    await transmit({
      id: logged.id,
      channel: message.channel,
      recipient: message.to,
      language: message.language,
      subject: message.subject,
      body: message.body,
    });
    await db.message.update({ where: { id: logged.id }, data: { status: "SENT", sentAt: new Date() } });
  } catch (error) {
    await db.message.update({ where: { id: logged.id }, data: { status: "FAILED", error: String(error).slice(0, 500) } });
    throw error;
  }
}

export const MAX_ATTEMPTS = 5;
/**
 * How long a claimed message is a run's alone. A run sends a claimed message only within the first half of its
 * lease (then it hands the rest back and claims anew), and one send is bounded at ~40 s (email.server.ts; an SMS
 * gives up after 10 s), so no message is sent after its lease ran out — and one claimed by a run that died
 * (a crash, a kill -9) waits at most this long before another run takes it.
 */
export const LEASE_MS = 2 * 60_000;
/** How long one run goes on claiming batches; then it asks for another run (a backlog does not hold the queue). */
const RUN_BUDGET_MS = 30_000;
/** 1, 4, 16, 64 minutes between tries. */
const backoffMs = (attempts: number) => 60_000 * 4 ** (attempts - 1);

type Claimed = {
  id: string;
  channel: "EMAIL" | "SMS";
  template: string;
  recipient: string;
  language: string;
  subject: string | null;
  body: string;
  attachment: Attachment | null;
  attempts: number;
};

/**
 * Messages this process sent whose "sent" mark did not reach the database (it went away between the two): kept
 * here, marked first thing on the next run and left out of its claims, so that a message that went out is not
 * sent again because only its bookkeeping failed.
 */
const sentButUnmarked = new Map<string, number>();

async function markSent(id: string, attempts: number): Promise<void> {
  // Still QUEUED: a provider's report of failure may come before this mark (ADR 023), and is not overwritten.
  await db.message.updateMany({ where: { id, attempts, status: "QUEUED" }, data: { status: "SENT", sentAt: new Date(), error: null } });
}

/** Marks what an earlier run sent but could not record; what still cannot be recorded stays for the next run. */
async function markSentButUnmarked(): Promise<void> {
  for (const [id, attempts] of sentButUnmarked) {
    try {
      await markSent(id, attempts);
      sentButUnmarked.delete(id);
    } catch (error) {
      log("warn", "messages.markSentFailed", { messageId: id, ...errorFields(error) });
      return;
    }
  }
}

/** Hands claimed messages back unsent (a stop, or a run past half its lease): due again at once, the try not counted. */
async function release(messages: Claimed[]): Promise<void> {
  if (messages.length === 0) return;
  await db.$executeRaw`
    UPDATE "Message" AS m SET "attempts" = m."attempts" - 1, "nextAttemptAt" = now()
    FROM unnest(${messages.map((message) => message.id)}::uuid[], ${messages.map((message) => message.attempts)}::int[]) AS c("id", "attempts")
    WHERE m."id" = c."id" AND m."attempts" = c."attempts" AND m."status" = 'QUEUED'`;
}

export type DeliveryOptions = {
  batch?: number;
  /** Asked before each claim and each send: true once the process is stopping (SIGTERM). */
  stopping?: () => boolean;
  /** Called when the run ended on its time budget with work left. */
  more?: () => void;
};

/**
 * Delivers queued messages that are due. Claiming is one statement with
 * SKIP LOCKED and a lease, so several workers (instances) never send the
 * same message twice, and a worker that dies mid-send only delays it (by at
 * most the lease). On a stop it claims nothing more, finishes the send in
 * flight and hands the rest of its batch back.
 */
export async function deliverDueMessages(now = new Date(), options: DeliveryOptions | number = {}): Promise<{ sent: number; failed: number }> {
  const { batch = 20, stopping = () => false, more } = typeof options === "number" ? { batch: options } : options;
  let sent = 0;
  let failed = 0;
  const started = Date.now();
  await markSentButUnmarked();
  for (;;) {
    if (stopping()) return { sent, failed };
    if (Date.now() - started > RUN_BUDGET_MS) {
      more?.();
      return { sent, failed };
    }
    // This batch's clock: `now` moved on by the time the run has taken, so a later batch gets a full lease too.
    const at = new Date(now.getTime() + (Date.now() - started));
    const claimedAt = Date.now();
    const claimed = await db.$queryRaw<Claimed[]>`
      UPDATE "Message" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${new Date(at.getTime() + LEASE_MS)}
      WHERE "id" IN (
        SELECT "id" FROM "Message" WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${at} AND "id" <> ALL(${[...sentButUnmarked.keys()]}::uuid[])
        ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
      RETURNING "id", "channel", "template", "recipient", "language", "subject", "body", "attachment", "attempts"`;
    if (claimed.length === 0) return { sent, failed };
    for (const [i, message] of claimed.entries()) {
      if (stopping() || Date.now() - claimedAt > LEASE_MS / 2) {
        await release(claimed.slice(i));
        if (stopping()) return { sent, failed };
        break;
      }
      try {
        await transmit(message);
      } catch (error) {
        const final = message.attempts >= MAX_ATTEMPTS;
        await db.message.updateMany({
          where: { id: message.id, attempts: message.attempts },
          data: {
            status: final ? "FAILED" : "QUEUED",
            error: String(error).slice(0, 500),
            // A retry of a message that can wait waits for daytime too.
            nextAttemptAt: (waitsForDaytime(message.channel, message.template) ? nextDaytime : (due: Date) => due)(
              new Date(at.getTime() + backoffMs(message.attempts)),
            ),
          },
        });
        if (final && message.channel === "SMS") await queueEmailInPlaceOfSms(message.id);
        failed++;
        continue;
      }
      sent++;
      // Only while the claim is still this run's (same attempt): never overwrite what a later run recorded.
      try {
        await markSent(message.id, message.attempts);
      } catch (error) {
        sentButUnmarked.set(message.id, message.attempts);
        log("warn", "messages.markSentFailed", { messageId: message.id, ...errorFields(error) });
        throw error; // the database is away: end the run; the next one marks it first
      }
    }
    if (claimed.length < batch) return { sent, failed };
  }
}
