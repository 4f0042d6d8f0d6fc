// Messages from staff to the families of an activity ("moved to the gym
// because of rain"): written in up to three languages, each guardian gets
// theirs (Danish when theirs is missing), by e-mail or SMS through the
// outbox. The Message rows are the log of what went to whom and when.
import { db, type DbTx } from "~/lib/db.server.ts";
import { formatDateTime } from "~/lib/format.ts";
import { defaultLanguage, isLanguage } from "~/lib/i18n.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { countSegments } from "~/lib/messages/segments.ts";
import { canReach, queueMessage, renderedFor } from "~/lib/messages/send.server.ts";
import { enforceRateLimits } from "~/lib/rate-limit.server.ts";
import { pick, textIn, type LocalizedText } from "../activities/text.ts";
import { recipientFor } from "../households/contact.server.ts";
import { DomainError } from "../errors.ts";

/** Broadcasts one person may send per hour (abuse and mistakes both). */
export const BROADCASTS_PER_HOUR = 20;

/** The chosen date is not one of the activity's (a stale or forged form). */
export class UnknownSessionError extends DomainError<"unknownSession"> {
  constructor() {
    super("staff", "unknownSession", "sessionId");
  }
}

/** The messages page: the activity's title and every coming date a message can be about. */
export function broadcastForm(activityId: string, now = new Date()) {
  return db.activity.findUniqueOrThrow({
    where: { id: activityId },
    select: {
      id: true,
      title: true,
      sessions: { where: { cancelledAt: null, endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true } },
    },
  });
}

type BroadcastInput = {
  activityId: string;
  sessionId: string | null;
  text: LocalizedText;
  includeWaiting: boolean;
};

/** Who a broadcast goes to — one reachable guardian a household — and the message's parameters in their language. */
async function broadcastRecipients(tx: DbTx, input: BroadcastInput) {
  const session = input.sessionId
    ? await tx.activitySession.findFirst({ where: { id: input.sessionId, activityId: input.activityId }, select: { startsAt: true } })
    : null;
  // A session of another activity (a stale or forged form) is refused, not silently left out of the message.
  if (input.sessionId && !session) throw new UnknownSessionError();
  const households = await tx.signUp.findMany({
    where: {
      activityId: input.activityId,
      enrolments: { some: { status: { in: input.includeWaiting ? ["CONFIRMED", "OFFERED", "WAITING"] : ["CONFIRMED", "OFFERED"] } } },
    },
    distinct: ["householdId"],
    select: { householdId: true, consentPersonId: true },
  });
  const activity = await tx.activity.findUniqueOrThrow({ where: { id: input.activityId }, select: { title: true } });
  const recipients = [];
  for (const household of households) {
    const recipient = await recipientFor(tx, household.consentPersonId);
    if (!canReach(recipient)) continue;
    const language = isLanguage(recipient.language) ? recipient.language : defaultLanguage;
    const about = session ? `${textIn(activity.title, language)}, ${formatDateTime(session.startsAt, language)}` : textIn(activity.title, language);
    recipients.push({ householdId: household.householdId, recipient, params: { activity: about, message: pick(input.text, language).text } });
  }
  return { recipients, households: households.length };
}

export type BroadcastCost = { byEmail: number; bySms: number; segments: number };

/**
 * What a broadcast will cost before it is sent: families by e-mail, families by SMS, and the SMS those take in all
 * — each text counted in the recipient's language (an Arabic one is UCS-2: 70 characters an SMS, 67 when long).
 */
export async function broadcastCost(input: BroadcastInput): Promise<BroadcastCost> {
  const { recipients } = await broadcastRecipients(db, input);
  const cost: BroadcastCost = { byEmail: 0, bySms: 0, segments: 0 };
  for (const { recipient, params } of recipients) {
    const rendered = renderedFor(recipient, "broadcast", params);
    if (rendered.channel === "EMAIL") cost.byEmail++;
    else {
      cost.bySms++;
      cost.segments += countSegments(rendered.body).segments;
    }
  }
  return cost;
}

export async function sendToParticipants(input: BroadcastInput & { actorUserId: string }) {
  await enforceRateLimits([{ key: `broadcast:user:${input.actorUserId}`, limit: { limit: BROADCASTS_PER_HOUR, windowSeconds: 3600 } }]);
  let queued = 0;
  let households = 0;
  await db.$transaction(async (tx) => {
    const found = await broadcastRecipients(tx, input);
    households = found.households;
    for (const { householdId, recipient, params } of found.recipients) {
      await queueMessage(tx, recipient, "broadcast", params, { householdId, activityId: input.activityId });
      queued++;
    }
  });
  await nudge(JOBS.deliverMessages);
  return { queued, households };
}

/** What was sent about an activity, newest first. */
export async function messageLog(activityId: string, take = 100) {
  return db.message.findMany({
    where: { activityId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      createdAt: true,
      sentAt: true,
      channel: true,
      recipient: true,
      language: true,
      template: true,
      status: true,
      subject: true,
      body: true,
      deliveryStatus: true,
      fallbackForId: true,
    },
  });
}
