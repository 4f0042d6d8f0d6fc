// The waiting list: freed places are offered to waiting groups in arrival
// order (first fit); an offer holds the places for `offerHoldHours`; the
// family accepts or declines with one tap from the message; an offer left
// unanswered expires and the places go to the next group. Every step runs
// under the activity lock (places.server.ts).
import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { audit } from "~/lib/audit.server.ts";
import type { DbTx } from "~/lib/db.server.ts";
import { db } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { hashToken } from "~/lib/session.server.ts";
import { groupsToOffer } from "./capacity.ts";
import { activityForSignUp, assessEligibility, householdMembers } from "./sign-up.server.ts";
import { formatExpiry, notifyGuardian } from "./notify.server.ts";
import { householdsHoldingPlace, placesTaken } from "./places.server.ts";
import { lockRow } from "~/domain/locking.server.ts";
import { errorFields, log } from "~/lib/log.server.ts";

async function activityInfo(tx: DbTx, activityId: string, now: Date) {
  const activity = await tx.activity.findUniqueOrThrow({
    where: { id: activityId },
    select: {
      id: true,
      title: true,
      place: true,
      capacity: true,
      capacityUnit: true,
      offerHoldHours: true,
      contactEmail: true,
      sessions: { where: { cancelledAt: null, startsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
    },
  });
  return { ...activity, firstSessionAt: activity.sessions[0]?.startsAt ?? null };
}

/**
 * Offers free places to waiting groups. Call inside a transaction that holds
 * the activity lock, after anything that may free places.
 */
export async function offerFreePlaces(tx: DbTx, activityId: string, now: Date): Promise<number> {
  const activity = await activityInfo(tx, activityId, now);
  if (!activity.firstSessionAt) return 0; // nothing left to offer a place in
  const waiting = await tx.signUp.findMany({
    where: { activityId, enrolments: { some: { status: "WAITING" } } },
    orderBy: { seq: "asc" },
    select: {
      id: true,
      householdId: true,
      consentPersonId: true,
      enrolments: { where: { status: "WAITING" }, select: { id: true, person: { select: { firstName: true } } } },
    },
  });
  if (waiting.length === 0) return 0;
  const holding =
    activity.capacityUnit === "HOUSEHOLD"
      ? await householdsHoldingPlace(
          tx,
          activityId,
          waiting.map((signUp) => signUp.householdId),
          false,
        )
      : new Set<string>();
  const queue = waiting.map((signUp) => ({ signUpId: signUp.id, householdId: signUp.householdId, people: signUp.enrolments.length }));
  const chosen = groupsToOffer(activity.capacityUnit, activity.capacity, await placesTaken(tx, activityId, activity.capacityUnit), queue, holding);
  for (const { signUpId } of chosen) {
    const signUp = waiting.find((candidate) => candidate.id === signUpId)!;
    const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
    // Held for offerHoldHours, but never past the next session's start: a place must not stand empty then.
    const expiresAt = new Date(Math.min(now.getTime() + activity.offerHoldHours * 3_600_000, activity.firstSessionAt.getTime()));
    await tx.waitingListOffer.create({ data: { signUpId, activityId, tokenHash: hashToken(token), expiresAt } });
    await tx.enrolment.updateMany({ where: { signUpId, status: "WAITING" }, data: { status: "OFFERED" } });
    await audit(tx, { actorUserId: null, action: "offer.made", entityType: "Enrolment", entityId: signUpId, after: { expiresAt: expiresAt.toISOString() } });
    await notifyGuardian(tx, {
      guardianPersonId: signUp.consentPersonId,
      householdId: signUp.householdId,
      activity,
      template: "offerMade",
      names: signUp.enrolments.map((enrolment) => enrolment.person.firstName),
      extra: (language) => ({ link: appUrl(`/offers/${token}`), expires: formatExpiry(expiresAt, language) }),
    });
  }
  return chosen.length;
}

export type OfferView = {
  offerId: string;
  activityId: string;
  activitySlug: string;
  activityTitle: unknown;
  householdId: string;
  names: string[];
  expiresAt: Date;
  state: "open" | "ACCEPTED" | "DECLINED" | "EXPIRED";
};

/** What an offer link shows (no state change: a GET must not accept anything). */
export async function findOffer(token: string, now = new Date()): Promise<OfferView | null> {
  const offer = await db.waitingListOffer.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      outcome: true,
      activity: { select: { id: true, slug: true, title: true } },
      signUp: { select: { householdId: true, enrolments: { where: { status: { not: "CANCELLED" } }, select: { person: { select: { firstName: true } } } } } },
    },
  });
  if (!offer) return null;
  return {
    offerId: offer.id,
    activityId: offer.activity.id,
    activitySlug: offer.activity.slug,
    activityTitle: offer.activity.title,
    householdId: offer.signUp.householdId,
    names: offer.signUp.enrolments.map((enrolment) => enrolment.person.firstName),
    expiresAt: offer.expiresAt,
    state: offer.outcome ?? (offer.expiresAt <= now ? "EXPIRED" : "open"),
  };
}

export type OfferAnswer = "accepted" | "declined" | "expired" | "alreadyAnswered" | "notFound" | "noLongerPossible";

/** Which offer: by the secret from the message link, or by id for a guardian of its household. */
export type OfferRef = { token: string } | { offerId: string; householdId: string };

/**
 * Accept or decline an offer. Through the link the secret is the authority
 * (as in the message); from "My activities" the household must match.
 * Idempotent: answering twice changes nothing.
 */
export async function answerOffer(ref: OfferRef | string, answer: "accept" | "decline", now = new Date()): Promise<OfferAnswer> {
  const where = typeof ref === "string" ? { tokenHash: hashToken(ref) } : "token" in ref ? { tokenHash: hashToken(ref.token) } : { id: ref.offerId };
  const found = await db.waitingListOffer.findUnique({ where, select: { id: true, activityId: true, signUp: { select: { householdId: true } } } });
  if (!found) return "notFound";
  if (typeof ref !== "string" && "householdId" in ref && found.signUp.householdId !== ref.householdId) return "notFound";
  const result = await db.$transaction(
    async (tx): Promise<OfferAnswer> => {
      await lockRow(tx, "Activity", found.activityId);
      const offer = await tx.waitingListOffer.findUniqueOrThrow({
        where: { id: found.id },
        select: { id: true, signUpId: true, expiresAt: true, outcome: true, signUp: { select: { householdId: true, consentPersonId: true } } },
      });
      if (offer.outcome) return "alreadyAnswered";
      if (offer.expiresAt <= now) {
        await expireOffer(tx, offer.id, found.activityId, now);
        return "expired";
      }
      const enrolments = await tx.enrolment.findMany({
        where: { signUpId: offer.signUpId, status: "OFFERED" },
        select: { id: true, personId: true, person: { select: { firstName: true } } },
      });
      const activity = await activityInfo(tx, found.activityId, now);
      if (
        answer === "accept" &&
        !(await stillPossible(
          tx,
          found.activityId,
          offer.signUp.householdId,
          offer.signUpId,
          enrolments.map((enrolment) => enrolment.personId),
          now,
        ))
      ) {
        // Meanwhile the children got a place elsewhere at the same time, or the activity was cancelled: the place moves on.
        await tx.enrolment.updateMany({
          where: { signUpId: offer.signUpId, status: "OFFERED" },
          data: { status: "CANCELLED", cancelledAt: now, cancelReason: "OFFER_DECLINED" },
        });
        await tx.waitingListOffer.update({ where: { id: offer.id }, data: { outcome: "DECLINED", respondedAt: now } });
        await audit(tx, {
          actorUserId: null,
          action: "offer.noLongerPossible",
          entityType: "Enrolment",
          entityId: offer.signUpId,
          before: { status: "OFFERED" },
          after: { status: "CANCELLED" },
        });
        await offerFreePlaces(tx, found.activityId, now);
        return "noLongerPossible";
      }
      await audit(tx, {
        actorUserId: null,
        action: `offer.${answer}`,
        entityType: "Enrolment",
        entityId: offer.signUpId,
        before: { status: "OFFERED" },
        after: { status: answer === "accept" ? "CONFIRMED" : "CANCELLED" },
      });
      if (answer === "accept") {
        await tx.enrolment.updateMany({ where: { signUpId: offer.signUpId, status: "OFFERED" }, data: { status: "CONFIRMED", confirmedAt: now } });
        await tx.waitingListOffer.update({ where: { id: offer.id }, data: { outcome: "ACCEPTED", respondedAt: now } });
        await notifyGuardian(tx, {
          guardianPersonId: offer.signUp.consentPersonId,
          householdId: offer.signUp.householdId,
          activity,
          template: "offerAccepted",
          names: enrolments.map((enrolment) => enrolment.person.firstName),
        });
        return "accepted";
      }
      await tx.enrolment.updateMany({
        where: { signUpId: offer.signUpId, status: "OFFERED" },
        data: { status: "CANCELLED", cancelledAt: now, cancelReason: "OFFER_DECLINED" },
      });
      await tx.waitingListOffer.update({ where: { id: offer.id }, data: { outcome: "DECLINED", respondedAt: now } });
      await offerFreePlaces(tx, found.activityId, now);
      return "declined";
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  await nudge(JOBS.deliverMessages);
  return result;
}

/** Accepting re-checks what a sign-up checks: the activity still runs and every child may still join. */
async function stillPossible(tx: DbTx, activityId: string, householdId: string, signUpId: string, personIds: string[], now: Date): Promise<boolean> {
  const activity = await activityForSignUp(tx, activityId);
  if (!activity || activity.status !== "PUBLISHED" || !activity.sessions.some((session) => session.endsAt > now)) return false;
  const members = await householdMembers(tx, householdId);
  const problems = await assessEligibility(tx, activity, members, personIds, now, signUpId);
  return Object.keys(problems).length === 0;
}

async function expireOffer(tx: DbTx, offerId: string, activityId: string, now: Date) {
  const offer = await tx.waitingListOffer.update({
    where: { id: offerId },
    data: { outcome: "EXPIRED", respondedAt: now },
    select: { signUpId: true, signUp: { select: { householdId: true, consentPersonId: true } } },
  });
  const enrolments = await tx.enrolment.findMany({
    where: { signUpId: offer.signUpId, status: "OFFERED" },
    select: { person: { select: { firstName: true } } },
  });
  await tx.enrolment.updateMany({
    where: { signUpId: offer.signUpId, status: "OFFERED" },
    data: { status: "CANCELLED", cancelledAt: now, cancelReason: "OFFER_EXPIRED" },
  });
  await audit(tx, {
    actorUserId: null,
    action: "offer.expired",
    entityType: "Enrolment",
    entityId: offer.signUpId,
    before: { status: "OFFERED" },
    after: { status: "CANCELLED" },
  });
  if (enrolments.length) {
    await notifyGuardian(tx, {
      guardianPersonId: offer.signUp.consentPersonId,
      householdId: offer.signUp.householdId,
      activity: await activityInfo(tx, activityId, now),
      template: "offerExpired",
      names: enrolments.map((enrolment) => enrolment.person.firstName),
    });
  }
  await offerFreePlaces(tx, activityId, now);
}

/** The background job: expire every offer past its time, moving each list on. Returns how many expired. */
export async function expireOverdueOffers(now = new Date(), options: { lockTimeoutMs?: number } = {}): Promise<number> {
  const overdue = await db.waitingListOffer.findMany({
    where: { outcome: null, expiresAt: { lte: now } },
    select: { id: true, activityId: true },
    orderBy: { expiresAt: "asc" },
  });
  let expired = 0;
  for (const candidate of overdue) {
    try {
      expired += await db.$transaction(async (tx) => {
        // A background run never waits long on a busy activity: it tries again next minute.
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${Math.round(options.lockTimeoutMs ?? 5_000)}`);
        await lockRow(tx, "Activity", candidate.activityId);
        // Re-read under the lock: the family may have answered meanwhile, or another worker expired it.
        const offer = await tx.waitingListOffer.findUnique({ where: { id: candidate.id }, select: { outcome: true } });
        if (offer?.outcome) return 0;
        await expireOffer(tx, candidate.id, candidate.activityId, now);
        return 1;
      });
    } catch (error) {
      // One broken offer must not hold up the others; ids only, no personal data.
      log("error", "offer.expiryFailed", { offerId: candidate.id, ...errorFields(error) });
    }
  }
  if (expired) await nudge(JOBS.deliverMessages);
  return expired;
}
