// The staff pipeline for job applications: the list per posting, one
// application, booking (or moving) an interview, a decision ("not this
// time", waiting list), confirming who the guardian is, a new guardian link,
// and hiring (never under 15 without a confirmed guardian's consent). Every change locks the application row
// (hiring locks the posting row first, so two staff can never both take
// the last position), goes through setApplicationStatus, is audited, and
// queues its messages in the same transaction.
import type { ApplicationStatus, Availability, GuardianIdentityMethod } from "~/generated/prisma/client.ts";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { formatDate, formatTime } from "~/lib/format.ts";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n.ts";
import { translator } from "~/lib/i18n.server.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { canReach, queueMessage } from "~/lib/messages/send.server.ts";
import { textIn } from "../activities/text.ts";
import { ageOn, copenhagenDay, dateOnly } from "../dates.ts";
import { recipientFor } from "../households/contact.server.ts";
import { CONSENT_AGE } from "./applications.server.ts";
import { GUARDIAN_LINK_DAYS, sendConsentRequest, sendGuardianInformation } from "./guardian.server.ts";
import { interviewCalendar, interviewCalendarPath } from "./interview-calendar.server.ts";
import { setApplicationStatus, StatusChangeRefused } from "./status.server.ts";
import { limitsFor } from "./work-time-rules.ts";
import { DomainError } from "../errors.ts";
import { housingAreas } from "../households/areas.server.ts";
import { isId } from "~/lib/ids.ts";
import { lockRow } from "~/domain/locking.server.ts";

export type HiringErrorCode =
  | "applicationNotFound"
  | "employmentNotFound"
  | "statusRefused"
  | "interviewInPast"
  | "positionsFilled"
  | "tooYoung"
  | "outsideAgeRange"
  | "birthDateMissing"
  | "alreadyEnded"
  | "lastDayBeforeStart"
  | "referenceLocked"
  | "referenceIncomplete"
  | "referenceNoHours"
  | "dateInvalid"
  | "birthDateInFuture"
  | "consentMissing"
  | "guardianNotConfirmed"
  | "guardianAlreadyKnown"
  | "noGuardianLink"
  | "guardianUnreachable";

/** A refusal the routes turn into a translated message (errors.<code> in hiring.json); `field` names the form field it belongs to. */
export class HiringError extends DomainError<HiringErrorCode> {
  constructor(code: HiringErrorCode, field?: string) {
    super("hiring", code, field);
  }
}

const TX = { timeout: 15_000, maxWait: 15_000 } as const;

/** Statuses that wait for a guardian: shown apart, never as ready to consider. */
export const GUARDIAN_PENDING: readonly ApplicationStatus[] = ["AWAITING_GUARDIAN", "GUARDIAN_DECLINED"];
/** Statuses staff can filter the considered list by. */
export const CONSIDERED: readonly ApplicationStatus[] = ["RECEIVED", "INTERVIEW", "WAITING_LIST", "HIRED", "REJECTED", "WITHDRAWN"];

/** Employments that hold a position on `day`: not ended, or ending on or after it. */
export async function positionsTaken(tx: DbTx, postingId: string, day: string): Promise<number> {
  return tx.employment.count({ where: { postingId, OR: [{ endedOn: null }, { endedOn: { gte: new Date(`${day}T00:00:00Z`) } }] } });
}

function refusedStatus(error: unknown): never {
  if (error instanceof StatusChangeRefused) throw new HiringError("statusRefused");
  throw error;
}

const ageToday = (birthDate: Date | null, now: Date) => (birthDate ? ageOn(dateOnly(birthDate), copenhagenDay(now)) : null);

// ---------------------------------------------------------------- reading

export type ApplicationFilters = { status?: ApplicationStatus; age?: number; areaId?: string };

/** A posting's applications for staff: those to consider, and apart from them those waiting for a guardian. Null: no such posting. */
export async function postingApplications(postingId: string, filters: ApplicationFilters, now = new Date()) {
  if (!isId(postingId)) return null;
  const posting = await db.jobPosting.findUnique({
    where: { id: postingId },
    select: { id: true, title: true, positions: true, minAge: true, maxAge: true },
  });
  if (!posting) return null;
  const rows = await db.jobApplication.findMany({
    where: {
      postingId,
      ...(filters.areaId ? { person: { housingAreaId: filters.areaId } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      school: true,
      schoolClass: true,
      availability: true,
      consentRequired: true,
      guardianAnswerAt: true,
      interviewAt: true,
      createdAt: true,
      person: { select: { firstName: true, lastName: true, birthDate: true, housingArea: { select: { id: true, name: true } } } },
      events: { orderBy: { at: "desc" }, take: 1, select: { status: true, at: true } },
    },
  });
  const areas = await housingAreas();
  const listed = rows
    .map((row) => ({
      id: row.id,
      name: `${row.person.firstName} ${row.person.lastName}`,
      age: ageToday(row.person.birthDate, now),
      area: row.person.housingArea?.name ?? null,
      school: row.school,
      schoolClass: row.schoolClass,
      availability: row.availability as Availability[],
      status: row.status,
      statusAt: row.events[0]?.status === row.status ? row.events[0].at : row.createdAt,
      interviewAt: row.interviewAt,
      consent: consentState(row),
    }))
    .filter((row) => filters.age === undefined || row.age === filters.age);
  const taken = await positionsTaken(db, postingId, copenhagenDay(now));
  return {
    posting: { id: posting.id, title: posting.title, positions: posting.positions, taken, minAge: posting.minAge, maxAge: posting.maxAge },
    areas,
    considered: listed.filter((row) => !GUARDIAN_PENDING.includes(row.status) && (!filters.status || row.status === filters.status)),
    waitingForGuardian: listed.filter((row) => GUARDIAN_PENDING.includes(row.status)),
  };
}

export type ConsentState = "notNeeded" | "waiting" | "confirmed" | "declined";

function consentState(row: { consentRequired: boolean; status: ApplicationStatus; guardianAnswerAt: Date | null }): ConsentState {
  if (!row.consentRequired) return "notNeeded";
  if (row.status === "GUARDIAN_DECLINED") return "declined";
  if (row.status === "AWAITING_GUARDIAN" || !row.guardianAnswerAt) return "waiting";
  return "confirmed";
}

/**
 * Who the guardian is known to be: "household" — the young person's household names them, and the link went
 * to their recorded contact; "staff" — staff confirmed that the contact the young person typed is the
 * guardian; null — nobody has checked, so the one who answered the link may be the young person themselves.
 */
export type GuardianIdentity = "household" | "staff" | null;

export function guardianIdentity(row: { guardianPersonId: string | null; guardianIdentityAt: Date | null }): GuardianIdentity {
  if (row.guardianPersonId) return "household";
  return row.guardianIdentityAt ? "staff" : null;
}

/**
 * Whether hiring needs a guardian's consent: under 15 on the day of applying, by the consent flag or by the
 * birth date as recorded now (a date staff corrected after applying counts too).
 */
function needsConsent(application: { consentRequired: boolean; createdAt: Date }, birthDate: Date | null): boolean {
  if (application.consentRequired) return true;
  return birthDate !== null && ageOn(dateOnly(birthDate), copenhagenDay(application.createdAt)) < CONSENT_AGE;
}

/** One application with its timeline, for staff. Null: no such application. */
export async function applicationForStaff(applicationId: string, now = new Date()) {
  if (!isId(applicationId)) return null;
  const application = await db.jobApplication.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      school: true,
      schoolClass: true,
      inSchool: true,
      motivation: true,
      availability: true,
      consentRequired: true,
      guardianName: true,
      guardianEmail: true,
      guardianPhone: true,
      guardianLanguage: true,
      guardianAnswerAt: true,
      guardianTokenExpiresAt: true,
      guardianPersonId: true,
      guardianIdentityMethod: true,
      guardianIdentityAt: true,
      guardianIdentityById: true,
      interviewAt: true,
      interviewPlace: true,
      createdAt: true,
      person: {
        select: {
          firstName: true,
          lastName: true,
          birthDate: true,
          email: true,
          phone: true,
          housingArea: { select: { name: true } },
          user: { select: { email: true, phone: true } },
        },
      },
      posting: { select: { id: true, title: true, positions: true, minAge: true, maxAge: true, workPlace: true, type: { select: { name: true } } } },
      events: { orderBy: { at: "asc" }, select: { id: true, status: true, at: true } },
      employment: { select: { id: true } },
    },
  });
  if (!application) return null;
  const taken = await positionsTaken(db, application.posting.id, copenhagenDay(now));
  const confirmedBy = application.guardianIdentityById
    ? await db.user.findUnique({ where: { id: application.guardianIdentityById }, select: { person: { select: { firstName: true, lastName: true } } } })
    : null;
  return {
    ...application,
    age: ageToday(application.person.birthDate, now),
    birthDay: application.person.birthDate ? dateOnly(application.person.birthDate) : null,
    consent: consentState(application),
    consentNeeded: needsConsent(application, application.person.birthDate),
    guardianIdentity: guardianIdentity(application),
    guardianIdentityByName: confirmedBy ? `${confirmedBy.person.firstName} ${confirmedBy.person.lastName}`.trim() : null,
    guardianLinkExpired: !application.guardianTokenExpiresAt || application.guardianTokenExpiresAt.getTime() <= now.getTime(),
    contact: {
      email: application.person.user?.email ?? application.person.email,
      phone: application.person.user?.phone ?? application.person.phone,
    },
    positionsLeft: Math.max(0, application.posting.positions - taken),
  };
}

// ---------------------------------------------------------------- interview

/** "mandag 3. marts 2027 kl. 15.00" in the reader's language. */
function when(at: Date, language: Language): string {
  return translator(language, "hiring")("interview.when", { date: formatDate(at, language), time: formatTime(at, language) });
}

/**
 * Books an interview, or moves one already booked (INTERVIEW → INTERVIEW).
 * The young person gets the time and place with an .ics (e-mail
 * attachment; the SMS carries the calendar link).
 */
export async function bookInterview(input: { applicationId: string; at: Date; place: string; actorUserId: string }, now = new Date()): Promise<void> {
  if (input.at.getTime() <= now.getTime()) throw new HiringError("interviewInPast", "date");
  if (!isId(input.applicationId)) throw new HiringError("applicationNotFound");
  await db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobApplication", input.applicationId))) throw new HiringError("applicationNotFound");
    const before = await tx.jobApplication.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: {
        status: true,
        interviewAt: true,
        interviewPlace: true,
        personId: true,
        person: { select: { firstName: true } },
        posting: { select: { title: true } },
      },
    });
    await setApplicationStatus(tx, { applicationId: input.applicationId, status: "INTERVIEW", byUserId: input.actorUserId, now, notify: false }).catch(
      refusedStatus,
    );
    await tx.jobApplication.update({ where: { id: input.applicationId }, data: { interviewAt: input.at, interviewPlace: input.place } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: before.status === "INTERVIEW" ? "jobApplication.interviewMoved" : "jobApplication.interviewBooked",
      entityType: "JobApplication",
      entityId: input.applicationId,
      before: { status: before.status, interviewAt: before.interviewAt, interviewPlace: before.interviewPlace },
      after: { status: "INTERVIEW", interviewAt: input.at, interviewPlace: input.place },
    });
    const recipient = await recipientFor(tx, before.personId);
    if (!canReach(recipient)) return;
    const language: Language = isLanguage(recipient.language) ? recipient.language : defaultLanguage;
    const job = textIn(before.posting.title, language);
    const content = interviewCalendar({ applicationId: input.applicationId, at: input.at, place: input.place, job }, language);
    await queueMessage(
      tx,
      recipient,
      "jobInterviewBooked",
      { name: before.person.firstName, job, when: when(input.at, language), place: input.place, link: appUrl(interviewCalendarPath(input.applicationId)) },
      { attachment: { filename: "samtale.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content } },
    );
  }, TX);
  await nudge(JOBS.deliverMessages);
}

// ---------------------------------------------------------------- decision

/** "Not this time" (REJECTED) or the waiting list; the young person is told. */
export async function decideApplication(
  input: { applicationId: string; decision: "REJECTED" | "WAITING_LIST"; actorUserId: string },
  now = new Date(),
): Promise<void> {
  if (!isId(input.applicationId)) throw new HiringError("applicationNotFound");
  await db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobApplication", input.applicationId))) throw new HiringError("applicationNotFound");
    const before = await tx.jobApplication.findUniqueOrThrow({ where: { id: input.applicationId }, select: { status: true } });
    await setApplicationStatus(tx, { applicationId: input.applicationId, status: input.decision, byUserId: input.actorUserId, now }).catch(refusedStatus);
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "jobApplication.decision",
      entityType: "JobApplication",
      entityId: input.applicationId,
      before: { status: before.status },
      after: { status: input.decision },
    });
  }, TX);
  await nudge(JOBS.deliverMessages);
}

// ---------------------------------------------------------------- hiring

export type HireInput = {
  applicationId: string;
  /** YYYY-MM-DD. */
  startsOn: string;
  endsOn: string | null;
  role: string;
  inSchool: boolean;
  actorUserId: string;
};

const HIRABLE: readonly ApplicationStatus[] = ["RECEIVED", "INTERVIEW", "WAITING_LIST"];

/**
 * Hires: creates the employment, marks the application HIRED (the young
 * person is told) and sends the guardian the written information the
 * employer owes them (work, hours, pay, risks) with a fresh link.
 * Refused when every position is taken, for the young person's age on the
 * start day (under 13: no employment at all; outside the posting's range),
 * and under 15 until a guardian has said yes whom the household names or
 * staff have confirmed (confirmGuardianIdentity).
 */
export async function hire(input: HireInput, now = new Date()): Promise<{ employmentId: string }> {
  if (!isId(input.applicationId)) throw new HiringError("applicationNotFound");
  const found = await db.jobApplication.findUnique({ where: { id: input.applicationId }, select: { postingId: true } });
  if (!found) throw new HiringError("applicationNotFound");
  const result = await db.$transaction(async (tx) => {
    // Posting first, then the application: the same order everywhere, so two hires never deadlock.
    await lockRow(tx, "JobPosting", found.postingId);
    await lockRow(tx, "JobApplication", input.applicationId);
    const application = await tx.jobApplication.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: {
        id: true,
        status: true,
        personId: true,
        consentRequired: true,
        guardianAnswerAt: true,
        guardianPersonId: true,
        guardianIdentityAt: true,
        createdAt: true,
        person: { select: { firstName: true, birthDate: true } },
        posting: { select: { id: true, positions: true, minAge: true, maxAge: true } },
      },
    });
    if (!HIRABLE.includes(application.status)) throw new HiringError("statusRefused");
    const posting = application.posting;
    if (!application.person.birthDate) throw new HiringError("birthDateMissing");
    const age = ageOn(dateOnly(application.person.birthDate), input.startsOn);
    if (!limitsFor({ age, inSchool: input.inSchool }).mayWork) throw new HiringError("tooYoung", "startsOn");
    if (age < posting.minAge || age > posting.maxAge) throw new HiringError("outsideAgeRange", "startsOn");
    if ((await positionsTaken(tx, posting.id, input.startsOn)) >= posting.positions) throw new HiringError("positionsFilled");
    if (needsConsent(application, application.person.birthDate)) {
      if (consentState({ ...application, consentRequired: true }) !== "confirmed") throw new HiringError("consentMissing");
      if (!guardianIdentity(application)) throw new HiringError("guardianNotConfirmed");
    }

    await setApplicationStatus(tx, { applicationId: application.id, status: "HIRED", byUserId: input.actorUserId, now }).catch(refusedStatus);
    const employment = await tx.employment.create({
      data: {
        applicationId: application.id,
        postingId: posting.id,
        personId: application.personId,
        role: input.role,
        startsOn: new Date(`${input.startsOn}T00:00:00Z`),
        endsOn: input.endsOn ? new Date(`${input.endsOn}T00:00:00Z`) : null,
        inSchool: input.inSchool,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "employment.hire",
      entityType: "Employment",
      entityId: employment.id,
      after: { applicationId: application.id, role: input.role, startsOn: input.startsOn, endsOn: input.endsOn, inSchool: input.inSchool },
    });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "jobApplication.hired",
      entityType: "JobApplication",
      entityId: application.id,
      before: { status: application.status },
      after: { status: "HIRED" },
    });

    await sendGuardianInformation(tx, application.id, now);
    return { employmentId: employment.id };
  }, TX);
  await nudge(JOBS.deliverMessages);
  return result;
}

// ---------------------------------------------------------------- the guardian

export const GUARDIAN_IDENTITY_METHODS = ["PHONE_CALL", "IN_PERSON", "KNOWN_TO_US"] as const satisfies readonly GuardianIdentityMethod[];

/**
 * Staff record that the guardian contact the young person wrote is really their guardian — by a phone call
 * to a number they found themselves, in person, or because the family is known to them — with who and when,
 * in the audit log. Refused when the household already names the guardian (nothing to confirm).
 */
export async function confirmGuardianIdentity(
  input: { applicationId: string; method: GuardianIdentityMethod; actorUserId: string },
  now = new Date(),
): Promise<void> {
  if (!isId(input.applicationId)) throw new HiringError("applicationNotFound");
  await db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobApplication", input.applicationId))) throw new HiringError("applicationNotFound");
    const before = await tx.jobApplication.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: { guardianPersonId: true, guardianIdentityMethod: true, guardianIdentityAt: true, guardianIdentityById: true },
    });
    if (before.guardianPersonId) throw new HiringError("guardianAlreadyKnown");
    const after = { guardianIdentityMethod: input.method, guardianIdentityAt: now, guardianIdentityById: input.actorUserId };
    await tx.jobApplication.update({ where: { id: input.applicationId }, data: after });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "jobApplication.guardianIdentityConfirmed",
      entityType: "JobApplication",
      entityId: input.applicationId,
      before: { method: before.guardianIdentityMethod, at: before.guardianIdentityAt, by: before.guardianIdentityById },
      after: { method: input.method, at: now.toISOString(), by: input.actorUserId },
    });
  }, TX);
}

/**
 * Sends the guardian a new link (14 days; the old one stops working): the consent question while the
 * application waits for them, the written information once hired. Nothing to send otherwise.
 */
export async function resendGuardianLink(input: { applicationId: string; actorUserId: string }, now = new Date()): Promise<void> {
  if (!isId(input.applicationId)) throw new HiringError("applicationNotFound");
  await db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobApplication", input.applicationId))) throw new HiringError("applicationNotFound");
    const { status } = await tx.jobApplication.findUniqueOrThrow({ where: { id: input.applicationId }, select: { status: true } });
    if (status !== "AWAITING_GUARDIAN" && status !== "HIRED") throw new HiringError("noGuardianLink");
    const sent =
      status === "AWAITING_GUARDIAN" ? await sendConsentRequest(tx, input.applicationId, now) : await sendGuardianInformation(tx, input.applicationId, now);
    if (!sent) throw new HiringError("guardianUnreachable");
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "jobApplication.guardianLinkSent",
      entityType: "JobApplication",
      entityId: input.applicationId,
      after: { status, expiresInDays: GUARDIAN_LINK_DAYS },
    });
  }, TX);
  await nudge(JOBS.deliverMessages);
}
