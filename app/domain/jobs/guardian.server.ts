// The guardian's link to an application: consent under 15, and after hiring
// the written information the employer owes them. The link carries a random
// secret; only its SHA-256 is stored (JobApplication.guardianTokenHash), and
// it works for GUARDIAN_LINK_DAYS (staff can send a new one, which ends the
// old). Also the messages that carry it, what its page shows — only what the
// guardian decides on: the job, the role, the hours and the rules for the
// young person's age, never shift times or places — and the guardian's answer.
import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { formatDay, formatKroner } from "~/lib/format.ts";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n.ts";
import { translator } from "~/lib/i18n.server.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { canReach, queueMessage } from "~/lib/messages/send.server.ts";
import { hashToken } from "~/lib/session.server.ts";
import { textIn } from "../activities/text.ts";
import { ageOn, copenhagenDay, dateOnly } from "../dates.ts";
import { setApplicationStatus } from "./status.server.ts";
import { limitsFor } from "./work-time-rules.ts";
import { lockRow } from "~/domain/locking.server.ts";

export const guardianPath = (token: string) => `/guardian/${token}`;

/** How long a guardian link works after it is sent ("two weeks" in jobs.json guardian.expiredText and hiring.json guardian.sendLinkHint). */
export const GUARDIAN_LINK_DAYS = 14;

export function newGuardianToken(): { token: string; tokenHash: string } {
  const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
  return { token, tokenHash: hashToken(token) };
}

export const guardianLinkExpiry = (now: Date) => new Date(now.getTime() + GUARDIAN_LINK_DAYS * 86_400_000);

/** Gives the application a fresh guardian link for 14 days (the old one stops working) and returns its full URL. */
export async function issueGuardianLink(tx: DbTx, applicationId: string, now = new Date()): Promise<string> {
  const { token, tokenHash } = newGuardianToken();
  await tx.jobApplication.update({ where: { id: applicationId }, data: { guardianTokenHash: tokenHash, guardianTokenExpiresAt: guardianLinkExpiry(now) } });
  return appUrl(guardianPath(token));
}

const languageOf = (value: string | null | undefined): Language => (isLanguage(value) ? value : defaultLanguage);

/** Asks the application's guardian to say yes or no, with a fresh link. False: the guardian cannot be reached. */
export async function sendConsentRequest(tx: DbTx, applicationId: string, now = new Date()): Promise<boolean> {
  const application = await tx.jobApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      guardianName: true,
      guardianEmail: true,
      guardianPhone: true,
      guardianLanguage: true,
      person: { select: { firstName: true } },
      posting: { select: { title: true } },
    },
  });
  const guardian = { email: application.guardianEmail, phone: application.guardianPhone, language: application.guardianLanguage };
  if (!canReach(guardian)) return false;
  const language = languageOf(guardian.language);
  await queueMessage(tx, guardian, "jobGuardianConsent", {
    guardian: application.guardianName,
    name: application.person.firstName,
    job: textIn(application.posting.title, language),
    link: await issueGuardianLink(tx, applicationId, now),
  });
  return true;
}

/**
 * Sends the guardian the written information the employer owes them on hiring (work, hours, pay, risks),
 * with a fresh link. False: no employment, or the guardian cannot be reached.
 */
export async function sendGuardianInformation(tx: DbTx, applicationId: string, now = new Date()): Promise<boolean> {
  const application = await tx.jobApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      guardianName: true,
      guardianEmail: true,
      guardianPhone: true,
      guardianLanguage: true,
      person: { select: { firstName: true } },
      employment: { select: { id: true, startsOn: true } },
      posting: {
        select: {
          title: true,
          description: true,
          hoursInfo: true,
          risks: true,
          payOre: true,
          payUnit: true,
          contactName: true,
          contactPhone: true,
          contactEmail: true,
        },
      },
    },
  });
  const guardian = { email: application.guardianEmail, phone: application.guardianPhone, language: application.guardianLanguage };
  if (!application.employment || !canReach(guardian)) return false;
  const language = languageOf(guardian.language);
  const posting = application.posting;
  const messages = translator(language, "messages");
  await queueMessage(tx, guardian, "jobGuardianInformation", {
    guardian: application.guardianName,
    name: application.person.firstName,
    job: textIn(posting.title, language),
    start: formatDay(dateOnly(application.employment.startsOn), language),
    work: textIn(posting.description, language),
    hours: textIn(posting.hoursInfo, language),
    pay: messages(`jobPay.${posting.payUnit}`, { amount: formatKroner(posting.payOre, language) }),
    risks: textIn(posting.risks, language),
    link: await issueGuardianLink(tx, applicationId, now),
    contact: [posting.contactName, posting.contactPhone, posting.contactEmail].filter(Boolean).join(", "),
  });
  await tx.employment.update({ where: { id: application.employment.id }, data: { guardianInformedAt: now } });
  return true;
}

// ---------------------------------------------------------------- the guardian's page

const TOKEN = /^[a-z2-7]{32}$/;

/** A link's secret has the shape newGuardianToken makes; anything else is not looked up. */
export const isGuardianToken = (token: string | undefined): token is string => typeof token === "string" && TOKEN.test(token);

/** A link without an expiry (from before links expired and not backfilled) counts as expired. */
const isExpired = (expiresAt: Date | null, now: Date) => !expiresAt || expiresAt.getTime() <= now.getTime();

export type GuardianView = NonNullable<Awaited<ReturnType<typeof guardianView>>>;

/**
 * What the guardian's link shows: who applied (name and birth date, so a
 * wrong one is noticed), the job (work, role, hours, pay, risks, where,
 * contact), the work-time rules for the young person's age, and the state
 * of the consent; once hired, the start date. Not the shifts: a forwarded
 * link must not say where and when a child will be. `{ expired: true }`:
 * the link is older than 14 days, and nothing else is shown. Null: no such
 * link (never was, or replaced by a newer one). Reading changes nothing.
 */
export async function guardianView(token: string, now = new Date()) {
  if (!isGuardianToken(token)) return null;
  const application = await db.jobApplication.findUnique({
    where: { guardianTokenHash: hashToken(token) },
    select: {
      id: true,
      status: true,
      consentRequired: true,
      inSchool: true,
      guardianName: true,
      guardianLanguage: true,
      guardianAnswerAt: true,
      guardianTokenExpiresAt: true,
      createdAt: true,
      person: { select: { firstName: true, lastName: true, birthDate: true } },
      posting: {
        select: {
          slug: true,
          title: true,
          description: true,
          hoursInfo: true,
          risks: true,
          workPlace: true,
          payOre: true,
          payUnit: true,
          contactName: true,
          contactPhone: true,
          contactEmail: true,
          organisation: { select: { name: true } },
          type: { select: { name: true } },
        },
      },
      employment: { select: { role: true, startsOn: true, endsOn: true, endedOn: true, inSchool: true } },
    },
  });
  if (!application) return null;
  if (isExpired(application.guardianTokenExpiresAt, now)) return { expired: true as const, guardianLanguage: application.guardianLanguage };
  const employment = application.status === "HIRED" ? application.employment : null;
  const birthDay = application.person.birthDate ? dateOnly(application.person.birthDate) : null;
  const age = birthDay ? ageOn(birthDay, copenhagenDay(now)) : null;
  const inSchool = employment?.inSchool ?? application.inSchool;
  const { guardianTokenExpiresAt, employment: _employment, ...rest } = application;
  return {
    ...rest,
    expired: false as const,
    expiresAt: guardianTokenExpiresAt!,
    person: { ...application.person, birthDate: birthDay },
    rules: age === null ? null : { age, inSchool, limits: limitsFor({ age, inSchool }) },
    employment: employment
      ? {
          role: employment.role,
          startsOn: dateOnly(employment.startsOn),
          endsOn: employment.endsOn ? dateOnly(employment.endsOn) : null,
          endedOn: employment.endedOn ? dateOnly(employment.endedOn) : null,
        }
      : null,
  };
}

export type GuardianAnswer = "confirmed" | "declined" | "alreadyAnswered" | "expired" | "notFound";

/**
 * The guardian consents (the application is received and will be
 * considered) or declines. The application row is locked, so two taps
 * cannot race; a second answer changes nothing and the page shows the first.
 * An expired link answers nothing.
 */
export async function answerGuardianConsent(token: string, answer: "confirm" | "decline", now = new Date()): Promise<GuardianAnswer> {
  if (!isGuardianToken(token)) return "notFound";
  const found = await db.jobApplication.findUnique({ where: { guardianTokenHash: hashToken(token) }, select: { id: true } });
  if (!found) return "notFound";
  const result = await db.$transaction(async (tx): Promise<GuardianAnswer> => {
    const row = (await lockRow(tx, "JobApplication", found.id))
      ? await tx.jobApplication.findUnique({
          where: { id: found.id },
          select: { status: true, guardianTokenHash: true, guardianTokenExpiresAt: true },
        })
      : null;
    // Rotated while we waited for the lock: this link no longer counts.
    if (!row || row.guardianTokenHash !== hashToken(token)) return "notFound";
    if (isExpired(row.guardianTokenExpiresAt, now)) return "expired";
    if (row.status !== "AWAITING_GUARDIAN") return "alreadyAnswered";
    await setApplicationStatus(tx, { applicationId: found.id, status: answer === "confirm" ? "RECEIVED" : "GUARDIAN_DECLINED", byUserId: null, now });
    await tx.jobApplication.update({ where: { id: found.id }, data: { guardianAnswerAt: now } });
    await audit(tx, {
      actorUserId: null,
      action: answer === "confirm" ? "application.guardianConfirmed" : "application.guardianDeclined",
      entityType: "JobApplication",
      entityId: found.id,
      before: { status: "AWAITING_GUARDIAN" },
      after: { status: answer === "confirm" ? "RECEIVED" : "GUARDIAN_DECLINED" },
    });
    return answer === "confirm" ? "confirmed" : "declined";
  });
  if (result === "confirmed" || result === "declined") await nudge(JOBS.deliverMessages);
  return result;
}
