// The guardian's link to an application: consent under 15, and after hiring
// the written information the employer owes them. The link carries a random
// secret; only its SHA-256 is stored (JobApplication.guardianTokenHash).
// Also what that link's page shows, and the guardian's answer.
import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { nudge, JOBS } from "~/lib/jobs.server.ts";
import { hashToken } from "~/lib/session.server.ts";
import { copenhagenDay, dateOnly } from "../dates.ts";
import { setApplicationStatus } from "./status.server.ts";

export const guardianPath = (token: string) => `/guardian/${token}`;

export function newGuardianToken(): { token: string; tokenHash: string } {
  const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
  return { token, tokenHash: hashToken(token) };
}

/** Gives the application a fresh guardian link (the old one stops working) and returns its full URL. */
export async function issueGuardianLink(tx: DbTx, applicationId: string): Promise<string> {
  const { token, tokenHash } = newGuardianToken();
  await tx.jobApplication.update({ where: { id: applicationId }, data: { guardianTokenHash: tokenHash } });
  return appUrl(guardianPath(token));
}

// ---------------------------------------------------------------- the guardian's page

const TOKEN = /^[a-z2-7]{32}$/;

/** A link's secret has the shape newGuardianToken makes; anything else is not looked up. */
export const isGuardianToken = (token: string | undefined): token is string => typeof token === "string" && TOKEN.test(token);

/**
 * What the guardian's link shows: who applied, the job (work, hours, pay,
 * risks, contact) and the state of the consent; once hired, the start date,
 * the upcoming shifts and the confirmed hours per month. Null: no such link
 * (never was, or replaced by a newer one). Reading changes nothing.
 */
export async function guardianView(token: string, now = new Date()) {
  if (!isGuardianToken(token)) return null;
  const application = await db.jobApplication.findUnique({
    where: { guardianTokenHash: hashToken(token) },
    select: {
      id: true,
      status: true,
      consentRequired: true,
      guardianName: true,
      guardianLanguage: true,
      guardianAnswerAt: true,
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
        },
      },
      employment: { select: { id: true, role: true, startsOn: true, endsOn: true, endedOn: true } },
    },
  });
  if (!application) return null;
  const employment = application.status === "HIRED" ? application.employment : null;
  const work = employment ? await employmentWork(employment.id, now) : null;
  return {
    ...application,
    person: { ...application.person, birthDate: application.person.birthDate ? dateOnly(application.person.birthDate) : null },
    employment: employment
      ? {
          ...employment,
          startsOn: dateOnly(employment.startsOn),
          endsOn: employment.endsOn ? dateOnly(employment.endsOn) : null,
          endedOn: employment.endedOn ? dateOnly(employment.endedOn) : null,
          ...work!,
        }
      : null,
  };
}

/** Upcoming shifts (read-only) and confirmed minutes per Copenhagen month (YYYY-MM), oldest month first. */
async function employmentWork(employmentId: string, now: Date) {
  const assignments = await db.shiftAssignment.findMany({
    where: { employmentId, status: "ASSIGNED", shift: { cancelledAt: null } },
    orderBy: { shift: { startsAt: "asc" } },
    select: { workedMinutes: true, confirmedAt: true, shift: { select: { id: true, startsAt: true, endsAt: true, place: true } } },
  });
  const upcoming = assignments.filter((assignment) => assignment.shift.endsAt > now).map((assignment) => assignment.shift);
  const months = new Map<string, number>();
  for (const assignment of assignments) {
    if (!assignment.confirmedAt || assignment.workedMinutes === null) continue;
    const month = copenhagenDay(assignment.shift.startsAt).slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + assignment.workedMinutes);
  }
  return { upcoming, confirmedMinutesByMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, minutes]) => ({ month, minutes })) };
}

export type GuardianAnswer = "confirmed" | "declined" | "alreadyAnswered" | "notFound";

/**
 * The guardian consents (the application is received and will be
 * considered) or declines. The application row is locked, so two taps
 * cannot race; a second answer changes nothing and the page shows the first.
 */
export async function answerGuardianConsent(token: string, answer: "confirm" | "decline", now = new Date()): Promise<GuardianAnswer> {
  if (!isGuardianToken(token)) return "notFound";
  const found = await db.jobApplication.findUnique({ where: { guardianTokenHash: hashToken(token) }, select: { id: true } });
  if (!found) return "notFound";
  const result = await db.$transaction(async (tx): Promise<GuardianAnswer> => {
    const rows = await tx.$queryRaw<{ status: string; tokenHash: string }[]>`
      SELECT "status"::text AS "status", "guardianTokenHash" AS "tokenHash" FROM "JobApplication" WHERE "id" = ${found.id}::uuid FOR UPDATE`;
    const row = rows[0];
    // Rotated while we waited for the lock: this link no longer counts.
    if (!row || row.tokenHash !== hashToken(token)) return "notFound";
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
