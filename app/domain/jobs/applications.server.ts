// A young person's job applications: who may apply, applying (one per
// posting, age and deadline checked on the day, a guardian's consent asked
// for under 15), following the applications, and withdrawing one. Status
// changes after the first go through setApplicationStatus (status.server.ts).
// What decides consent and the work-time limits is not the young person's to
// change: a birth date once recorded stays (staff or a guardian correct it,
// birth-date.server.ts), and when their household names a guardian, the
// consent goes to that guardian, not to a contact the young person typed.
import type { ApplicationStatus, Availability } from "~/generated/prisma/client.ts";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { canReach, queueMessage } from "~/lib/messages/send.server.ts";
import type { SessionUser } from "~/lib/session.server.ts";
import { textIn } from "../activities/text.ts";
import { ageOn, copenhagenDay, dateOnly } from "../dates.ts";
import { householdGuardianOf, recipientFor } from "../households/contact.server.ts";
import type { ApplicationInput, ApplicationKnown } from "./application-schemas.ts";
import { newGuardianToken, sendConsentRequest } from "./guardian.server.ts";
import { interviewEventStatus } from "./interview-calendar.server.ts";
import { deadlinePassed } from "./postings.server.ts";
import { YOUTH_MIN_AGE } from "./posting-schemas.ts";
import { mayMoveTo, MY_JOBS_PATH, setApplicationStatus } from "./status.server.ts";
import { DomainError } from "../errors.ts";
import { isId } from "~/lib/ids.ts";
import { lockRow } from "~/domain/locking.server.ts";

const TX = { timeout: 20_000, maxWait: 15_000 };

/** Below this age on the day of applying, a guardian must consent first (Danish data-protection law). */
export const CONSENT_AGE = 15;
/** Leaving compulsory school is possible from this age; younger applicants are in school. */
export const FINISHED_SCHOOL_MIN_AGE = 15;

export type ApplicationErrorCode =
  | "postingNotFound"
  | "postingClosed"
  | "deadlinePassed"
  | "underThirteen"
  | "tooYoung"
  | "tooOld"
  | "alreadyApplied"
  | "guardianAccount"
  | "notYoungPerson"
  | "finishedSchoolTooYoung"
  | "birthDateRequired"
  | "guardianContactRequired"
  | "areaUnknown"
  | "applicationNotFound"
  | "cannotWithdraw";

export class ApplicationError extends DomainError<ApplicationErrorCode> {
  constructor(
    code: ApplicationErrorCode,
    field?: string,
    /** For "alreadyApplied": the earlier application. */
    readonly applicationId?: string,
  ) {
    super("jobs", code, field);
  }
}

/**
 * Whether an account may apply. Young people have their own login; a new
 * sign-up starts as a PARENT account and becomes a YOUTH account when it
 * applies — unless it is a guardian in a household: a parent cannot apply
 * on a child's behalf.
 */
export async function applicantState(
  user: Pick<SessionUser, "role" | "personId">,
  tx: DbTx = db,
): Promise<"youth" | "becomesYouth" | "guardianAccount" | "notYoungPerson"> {
  if (user.role === "YOUTH") return "youth";
  if (user.role !== "PARENT") return "notYoungPerson";
  const guardian = await tx.householdMember.count({ where: { personId: user.personId, role: "GUARDIAN" } });
  return guardian > 0 ? "guardianAccount" : "becomesYouth";
}

/** What the form must not ask again: a recorded birth date, and whether (and whom, by name) the household names as guardian. */
export async function applicationKnown(personId: string): Promise<ApplicationKnown & { guardianName: string | null }> {
  const [person, guardian] = await Promise.all([
    db.person.findUniqueOrThrow({ where: { id: personId }, select: { birthDate: true } }),
    householdGuardianOf(db, personId),
  ]);
  return { birthDate: person.birthDate ? dateOnly(person.birthDate) : null, guardian: guardian !== null, guardianName: guardian?.name ?? null };
}

/** What the application form starts from: the person's saved details, the housing areas, and what is known already. */
export async function applicationFormFacts(personId: string) {
  const [person, areas, known] = await Promise.all([
    db.person.findUniqueOrThrow({ where: { id: personId }, select: { firstName: true, lastName: true, housingAreaId: true } }),
    db.housingArea.findMany({ orderBy: [{ isPlanArea: "desc" }, { sortOrder: "asc" }], select: { id: true, name: true, isPlanArea: true } }),
    applicationKnown(personId),
  ]);
  return {
    person: {
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: known.birthDate ?? "",
      housingAreaId: person.housingAreaId ?? "",
    },
    areas,
    known,
  };
}

/** The signed-in person's application for a posting, if any. */
export async function applicationFor(postingId: string, personId: string) {
  return db.jobApplication.findUnique({ where: { postingId_personId: { postingId, personId } }, select: { id: true, status: true } });
}

export type ApplyResult = { applicationId: string; status: "AWAITING_GUARDIAN" | "RECEIVED" };

/**
 * Applies for a published posting whose deadline (a Copenhagen day,
 * inclusive) has not passed, if the applicant's age on the day is within the
 * posting's range (never under 13). Saves name and area on the person, and
 * the birth date only if none is recorded yet: a recorded one is the one
 * that counts, whatever the form says. The guardian is the one the young
 * person's household names when there is one (their recorded contact); only
 * otherwise the one the young person wrote, whom staff must then confirm
 * before hiring. Under 15: waits for that guardian, who gets a link; 15 and
 * over: received. The young person gets a receipt either way.
 */
export async function applyForJob(
  input: { postingId: string; user: Pick<SessionUser, "id" | "role" | "personId">; values: ApplicationInput },
  now = new Date(),
): Promise<ApplyResult> {
  if (!isId(input.postingId)) throw new ApplicationError("postingNotFound");
  const { values } = input;
  const result = await db.$transaction(async (tx) => {
    // One application at a time per person: a double-tapped submit waits here and then finds the first.
    await lockRow(tx, "Person", input.user.personId);

    const state = await applicantState(input.user, tx);
    if (state === "guardianAccount" || state === "notYoungPerson") throw new ApplicationError(state);

    const posting = await tx.jobPosting.findUnique({
      where: { id: input.postingId },
      select: { id: true, status: true, title: true, minAge: true, maxAge: true, applicationDeadline: true },
    });
    if (!posting) throw new ApplicationError("postingNotFound");
    if (posting.status !== "PUBLISHED") throw new ApplicationError("postingClosed");
    if (deadlinePassed(posting.applicationDeadline, now)) throw new ApplicationError("deadlinePassed");

    const earlier = await tx.jobApplication.findUnique({
      where: { postingId_personId: { postingId: posting.id, personId: input.user.personId } },
      select: { id: true },
    });
    if (earlier) throw new ApplicationError("alreadyApplied", undefined, earlier.id);

    const recorded = await tx.person.findUniqueOrThrow({ where: { id: input.user.personId }, select: { birthDate: true } });
    const birthDate = recorded.birthDate ? dateOnly(recorded.birthDate) : values.birthDate;
    if (!birthDate) throw new ApplicationError("birthDateRequired", "birthDate");
    const age = ageOn(birthDate, copenhagenDay(now));
    if (age < YOUTH_MIN_AGE) throw new ApplicationError("underThirteen", "birthDate");
    if (age < posting.minAge) throw new ApplicationError("tooYoung", "birthDate");
    if (age > posting.maxAge) throw new ApplicationError("tooOld", "birthDate");
    if (values.finishedSchool && age < FINISHED_SCHOOL_MIN_AGE) throw new ApplicationError("finishedSchoolTooYoung", "finishedSchool");

    const area = await tx.housingArea.count({ where: { id: values.housingAreaId } });
    if (!area) throw new ApplicationError("areaUnknown", "housingAreaId");

    const known = await householdGuardianOf(tx, input.user.personId);
    const guardian = known
      ? { personId: known.personId, name: known.name, email: known.email, phone: known.phone, language: languageOf(known.language) }
      : {
          personId: null,
          name: values.guardianName,
          email: values.guardianEmail ?? null,
          phone: values.guardianPhone ?? null,
          language: values.guardianLanguage,
        };
    if (!guardian.name || !guardian.language) throw new ApplicationError("guardianContactRequired", "guardianName");
    if (!guardian.email && !guardian.phone) throw new ApplicationError("guardianContactRequired", "guardianPhone");

    if (state === "becomesYouth") {
      await tx.user.update({ where: { id: input.user.id }, data: { role: "YOUTH" } });
      await audit(tx, {
        actorUserId: input.user.id,
        action: "user.becameYouth",
        entityType: "User",
        entityId: input.user.id,
        before: { role: "PARENT" },
        after: { role: "YOUTH" },
      });
    }
    const person = await tx.person.update({
      where: { id: input.user.personId },
      data: {
        firstName: values.firstName,
        lastName: values.lastName,
        ...(recorded.birthDate ? {} : { birthDate: new Date(`${birthDate}T00:00:00Z`) }),
        housingAreaId: values.housingAreaId,
      },
      select: { firstName: true },
    });

    const consentRequired = age < CONSENT_AGE;
    const status = consentRequired ? ("AWAITING_GUARDIAN" as const) : ("RECEIVED" as const);
    // The consent link is made when the request is sent; until then the row holds a secret nobody has.
    const { tokenHash } = newGuardianToken();
    const application = await tx.jobApplication.create({
      data: {
        postingId: posting.id,
        personId: input.user.personId,
        school: values.finishedSchool ? null : (values.school ?? null),
        schoolClass: values.finishedSchool ? null : (values.schoolClass ?? null),
        inSchool: !values.finishedSchool,
        motivation: values.motivation,
        availability: [...new Set(values.availability)] as Availability[],
        status,
        guardianName: guardian.name,
        guardianEmail: guardian.email,
        guardianPhone: guardian.phone,
        guardianLanguage: guardian.language,
        guardianPersonId: guardian.personId,
        guardianTokenHash: tokenHash,
        consentRequired,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.applicationEvent.create({ data: { applicationId: application.id, status, at: now, byUserId: input.user.id } });
    await audit(tx, {
      actorUserId: input.user.id,
      action: "application.create",
      entityType: "JobApplication",
      entityId: application.id,
      after: { postingId: posting.id, status, consentRequired, guardianFromHousehold: guardian.personId !== null },
    });

    const young = await recipientFor(tx, input.user.personId);
    if (canReach(young)) {
      await queueMessage(tx, young, "jobApplicationReceived", {
        name: person.firstName,
        job: textIn(posting.title, languageOf(young.language)),
        link: appUrl(MY_JOBS_PATH),
      });
    }
    if (consentRequired) await sendConsentRequest(tx, application.id, now);
    return { applicationId: application.id, status };
  }, TX);
  await nudge(JOBS.deliverMessages);
  return result;
}

function languageOf(value: string | null | undefined): Language {
  return isLanguage(value) ? value : defaultLanguage;
}

/** Statuses from which the young person may still withdraw. */
export function mayWithdraw(status: ApplicationStatus): boolean {
  return mayMoveTo(status, "WITHDRAWN");
}

/** The young person withdraws one of their own open applications (someone else's: not found). */
export async function withdrawApplication(input: { applicationId: string; personId: string; byUserId: string }, now = new Date()): Promise<void> {
  if (!isId(input.applicationId)) throw new ApplicationError("applicationNotFound");
  await db.$transaction(async (tx) => {
    const row = (await lockRow(tx, "JobApplication", input.applicationId))
      ? await tx.jobApplication.findUnique({ where: { id: input.applicationId }, select: { personId: true, status: true } })
      : null;
    if (!row || row.personId !== input.personId) throw new ApplicationError("applicationNotFound");
    if (!mayWithdraw(row.status)) throw new ApplicationError("cannotWithdraw");
    await setApplicationStatus(tx, { applicationId: input.applicationId, status: "WITHDRAWN", byUserId: input.byUserId, now });
  }, TX);
  await nudge(JOBS.deliverMessages);
}

export type MyApplication = Awaited<ReturnType<typeof myJobs>>["applications"][number];

/** A young person's applications (newest first) with their timelines, and their employments. */
export async function myJobs(personId: string) {
  const [applications, employments] = await Promise.all([
    db.jobApplication.findMany({
      where: { personId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        status: true,
        consentRequired: true,
        createdAt: true,
        interviewAt: true,
        interviewPlace: true,
        posting: { select: { slug: true, title: true, status: true, type: { select: { icon: true } } } },
        events: { orderBy: { at: "asc" }, select: { id: true, status: true, at: true } },
      },
    }),
    db.employment.findMany({
      where: { personId },
      orderBy: { startsOn: "desc" },
      select: {
        id: true,
        role: true,
        startsOn: true,
        endsOn: true,
        endedOn: true,
        referenceAt: true,
        posting: { select: { title: true, slug: true, workPlace: true, type: { select: { icon: true } } } },
      },
    }),
  ]);
  return {
    applications: applications.map((application) => ({
      ...application,
      mayWithdraw: mayWithdraw(application.status),
      interviewCalendar: interviewEventStatus(application) !== null,
    })),
    employments: employments.map((employment) => ({
      ...employment,
      startsOn: dateOnly(employment.startsOn),
      endsOn: employment.endsOn ? dateOnly(employment.endsOn) : null,
      endedOn: employment.endedOn ? dateOnly(employment.endedOn) : null,
    })),
  };
}
