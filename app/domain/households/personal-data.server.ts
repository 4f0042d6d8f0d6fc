// A household's personal data (GDPR): everything the portal holds about the
// signed-in guardian's household, for the "my data" page and its JSON
// download (articles 15 and 20); a guardian's request to have it deleted;
// and staff carrying the deletion out (article 17) so that past reports do
// not change. Correcting the data is the household pages' job.
//
// Left out of the export on purpose:
// - The audit log. It is staff's record of who changed what (and names the
//   staff who did it); what it says about the family is the data below.
// - Message texts and attachments. They carry links with secrets (a waiting-
//   list offer, a guardian's consent link, an interview) that may still work,
//   and a downloaded file gets forwarded and stored. Template, subject (sign-in
//   codes are masked there), channel, recipient and dates are included.
// - Secrets and their hashes: sessions' ids, the calendar feed's token (only
//   whether there is one), offers' tokens, sign-in codes (deleted after a day).
// - Other people: other households, other participants of an activity, the
//   staff who marked attendance or signed the family up (only *that* staff did).
// - Rate-limit counters (IP addresses, deleted after two days) and the
//   development outbox (never used in production).
// The household is the one the rest of the portal uses for the guardian
// (householdIdOf: the first they are a guardian of).
import type { Prisma } from "~/generated/prisma/client.ts";
import { audit } from "~/lib/audit.server.ts";
import { db } from "~/lib/db.server.ts";
import type { LocalizedText } from "../activities/text.ts";
import { dateOnly } from "../dates.ts";
import { householdIdOf } from "./household.server.ts";
import { DomainError } from "../errors.ts";
import { lockRow } from "~/domain/locking.server.ts";

export const DELETION_REQUESTED = "privacy.deletionRequested";
export const ANONYMISED = "privacy.anonymised";

/** What an anonymised person is called from then on (rosters, old sign-ups). */
export const PLACEHOLDER_NAME = { firstName: "Slettet", lastName: "person" } as const;

const iso = (date: Date | null) => date?.toISOString() ?? null;
const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`.trim();
const title = (value: Prisma.JsonValue) => value as LocalizedText;

// ---------------------------------------------------------------- the export

export type HouseholdData = Awaited<ReturnType<typeof householdData>>;

/** Everything about the user's household (or only the user, before they have one). A fixed number of queries. */
export async function householdData(user: { id: string; personId: string }, now = new Date()) {
  const householdId = await householdIdOf(user);
  const people: Prisma.PersonWhereInput = householdId ? { households: { some: { householdId } } } : { id: user.personId };
  const session = { select: { startsAt: true, activity: { select: { title: true } } } } as const;
  const [household, persons, signUps, attendance, reminders, messages, applications, areas, requests, invitations, absences] = await Promise.all([
    householdId
      ? db.household.findUnique({ where: { id: householdId }, select: { id: true, createdAt: true, createdById: true, calendarTokenHash: true } })
      : null,
    db.person.findMany({
      where: people,
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        birthDate: true,
        gender: true,
        housingAreaId: true,
        email: true,
        phone: true,
        language: true,
        photoConsent: true,
        createdAt: true,
        updatedAt: true,
        anonymisedAt: true,
        needs: { select: { text: true, updatedAt: true } },
        childContacts: { orderBy: [{ kind: "asc" }, { position: "asc" }], select: { kind: true, name: true, relation: true, phone: true } },
        households: { where: { householdId: householdId ?? undefined }, select: { role: true } },
        user: {
          select: {
            id: true,
            role: true,
            email: true,
            phone: true,
            language: true,
            createdAt: true,
            lastSignInAt: true,
            disabledAt: true,
            sessions: { where: { expiresAt: { gt: now } }, select: { createdAt: true, expiresAt: true }, orderBy: { createdAt: "asc" } },
          },
        },
      },
    }),
    householdId
      ? db.signUp.findMany({
          where: { householdId },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            createdAt: true,
            createdByUserId: true,
            consentAt: true,
            consentMethod: true,
            consentVersion: true,
            consentPerson: { select: { firstName: true, lastName: true } },
            activity: {
              select: { title: true, sessions: { where: { cancelledAt: null }, orderBy: { startsAt: "asc" }, select: { startsAt: true } } },
            },
            enrolments: {
              orderBy: { createdAt: "asc" },
              select: {
                personId: true,
                person: { select: { firstName: true, lastName: true } },
                status: true,
                createdAt: true,
                waitlistedAt: true,
                confirmedAt: true,
                cancelledAt: true,
                cancelReason: true,
              },
            },
            offers: { orderBy: { createdAt: "asc" }, select: { createdAt: true, expiresAt: true, respondedAt: true, outcome: true } },
          },
        })
      : [],
    db.attendance.findMany({
      where: { person: people },
      select: {
        personId: true,
        person: { select: { firstName: true, lastName: true } },
        present: true,
        enrolled: true,
        housingAreaId: true,
        markedAt: true,
        collectedByName: true,
        collectedAt: true,
        session,
      },
    }),
    householdId ? db.reminderSent.findMany({ where: { householdId }, orderBy: { sentAt: "asc" }, select: { sentAt: true, session } }) : [],
    // Sent about the household, or to the guardian's own contacts or a child's (sign-in codes are about no
    // household). Not to another adult's: their messages are theirs (ADR 013), and a number someone typed for a
    // person is no proof it is theirs.
    db.$queryRaw<
      { createdAt: Date; sentAt: Date | null; channel: string; recipient: string; template: string; subject: string | null; status: string; title: unknown }[]
    >`
      WITH people AS (
        SELECT "personId" AS id FROM "HouseholdMember" WHERE "householdId" = ${householdId}::uuid AND "role" = 'CHILD'
        UNION SELECT ${user.personId}::uuid
      ), contacts AS (
        SELECT p."email" AS c FROM "Person" p JOIN people ON people.id = p."id"
        UNION SELECT p."phone" FROM "Person" p JOIN people ON people.id = p."id"
        UNION SELECT u."email" FROM "User" u JOIN people ON people.id = u."personId"
        UNION SELECT u."phone" FROM "User" u JOIN people ON people.id = u."personId"
      )
      SELECT m."createdAt", m."sentAt", m."channel"::text AS channel, m."recipient", m."template", m."subject", m."status"::text AS status, a."title"
      FROM "Message" m LEFT JOIN "Activity" a ON a."id" = m."activityId"
      WHERE m."householdId" = ${householdId}::uuid OR m."recipient" IN (SELECT c FROM contacts WHERE c IS NOT NULL)
      ORDER BY m."createdAt"`,
    db.jobApplication.findMany({
      where: { person: people },
      orderBy: { createdAt: "asc" },
      select: {
        personId: true,
        person: { select: { firstName: true, lastName: true } },
        posting: { select: { title: true } },
        status: true,
        createdAt: true,
        school: true,
        schoolClass: true,
        inSchool: true,
        motivation: true,
        availability: true,
        guardianName: true,
        guardianEmail: true,
        guardianPhone: true,
        guardianLanguage: true,
        guardianAnswerAt: true,
        interviewAt: true,
        interviewPlace: true,
        events: { orderBy: { at: "asc" }, select: { status: true, at: true } },
        employment: {
          select: {
            role: true,
            startsOn: true,
            endsOn: true,
            endedOn: true,
            inSchool: true,
            guardianInformedAt: true,
            referenceTasks: true,
            referenceStatement: true,
            referenceAt: true,
            assignments: {
              orderBy: { createdAt: "asc" },
              select: {
                status: true,
                workedMinutes: true,
                shift: { select: { startsAt: true, endsAt: true, place: true } },
                swapRequests: { select: { reason: true, status: true, createdAt: true } },
              },
            },
          },
        },
      },
    }),
    db.housingArea.findMany({ select: { id: true, name: true } }),
    deletionRequests(householdId, user.personId),
    householdId
      ? db.householdInvitation.findMany({
          where: { householdId },
          orderBy: { createdAt: "asc" },
          select: { kind: true, firstName: true, lastName: true, phone: true, email: true, createdAt: true, expiresAt: true, answer: true, answeredAt: true },
        })
      : [],
    // Absence notices (afbud) the family gave, with the reason they wrote.
    db.absenceNotice.findMany({
      where: { person: people },
      orderBy: { createdAt: "asc" },
      select: { personId: true, person: { select: { firstName: true, lastName: true } }, reason: true, createdAt: true, session },
    }),
  ]);

  const areaName = new Map(areas.map((area) => [area.id, area.name]));
  const areaOf = (id: string | null) => (id ? (areaName.get(id) ?? null) : null);
  const householdUsers = new Set(persons.flatMap((person) => (person.user ? [person.user.id] : [])));
  const sessionRow = (row: { startsAt: Date; activity: { title: Prisma.JsonValue } }) => ({
    activity: title(row.activity.title),
    startsAt: iso(row.startsAt)!,
  });

  return {
    exportedAt: now.toISOString(),
    household: household
      ? {
          id: household.id,
          createdAt: iso(household.createdAt)!,
          registeredByStaff: household.createdById !== null,
          calendarFeed: Boolean(household.calendarTokenHash),
        }
      : null,
    people: persons.map((person) => ({
      id: person.id,
      role: person.households[0]?.role ?? null,
      isYou: person.id === user.personId,
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate ? dateOnly(person.birthDate) : null,
      gender: person.gender,
      housingArea: areaOf(person.housingAreaId),
      email: person.email,
      phone: person.phone,
      language: person.language,
      photoConsent: person.photoConsent,
      /** "Things we should know" (allergies, needs). */
      needs: person.needs?.text ?? null,
      /** Who may collect the child, and whom to call (issue 19). */
      collectors: person.childContacts.filter((contact) => contact.kind === "COLLECTOR").map(({ name, relation, phone }) => ({ name, relation, phone })),
      emergencyContact:
        person.childContacts.filter((contact) => contact.kind === "EMERGENCY").map(({ name, relation, phone }) => ({ name, relation, phone }))[0] ?? null,
      createdAt: iso(person.createdAt)!,
      updatedAt: iso(person.updatedAt)!,
      anonymisedAt: iso(person.anonymisedAt),
    })),
    // Another adult's login is named with its contact details; when and where they sign in is theirs (ADR 013).
    accounts: persons.flatMap(({ user: account, ...person }) =>
      account
        ? [
            {
              personId: person.id,
              name: fullName(person),
              role: account.role,
              email: account.email,
              phone: account.phone,
              language: account.language,
              createdAt: iso(account.createdAt)!,
              ...(person.id === user.personId
                ? {
                    lastSignInAt: iso(account.lastSignInAt),
                    disabledAt: iso(account.disabledAt),
                    /** Devices signed in now. */
                    sessions: account.sessions.map((row) => ({ createdAt: iso(row.createdAt)!, expiresAt: iso(row.expiresAt)! })),
                  }
                : {}),
            },
          ]
        : [],
    ),
    /** Adults the family invited to join it, and the family's registration by staff awaiting its guardian (ADR 013). */
    invitations: invitations.map((invitation) => ({
      kind: invitation.kind,
      name: fullName(invitation),
      phone: invitation.phone,
      email: invitation.email,
      createdAt: iso(invitation.createdAt)!,
      expiresAt: iso(invitation.expiresAt),
      /** ACCEPTED, DECLINED ("not me"), WITHDRAWN, or still OPEN / EXPIRED. */
      state: invitation.answer ?? (invitation.expiresAt && invitation.expiresAt <= now ? "EXPIRED" : "OPEN"),
      answeredAt: iso(invitation.answeredAt),
    })),
    signUps: signUps.map((signUp) => ({
      id: signUp.id,
      activity: title(signUp.activity.title),
      firstSessionAt: iso(signUp.activity.sessions[0]?.startsAt ?? null),
      lastSessionAt: iso(signUp.activity.sessions.at(-1)?.startsAt ?? null),
      signedUpAt: iso(signUp.createdAt)!,
      /** Made by staff on the family's behalf (assisted sign-up), not by one of the family's logins. */
      byStaff: signUp.createdByUserId !== null && !householdUsers.has(signUp.createdByUserId),
      consent: { by: fullName(signUp.consentPerson), at: iso(signUp.consentAt)!, method: signUp.consentMethod, version: signUp.consentVersion },
      enrolments: signUp.enrolments.map((enrolment) => ({
        personId: enrolment.personId,
        name: fullName(enrolment.person),
        status: enrolment.status,
        createdAt: iso(enrolment.createdAt)!,
        waitlistedAt: iso(enrolment.waitlistedAt),
        confirmedAt: iso(enrolment.confirmedAt),
        cancelledAt: iso(enrolment.cancelledAt),
        cancelReason: enrolment.cancelReason,
      })),
      offers: signUp.offers.map((offer) => ({
        createdAt: iso(offer.createdAt)!,
        expiresAt: iso(offer.expiresAt)!,
        respondedAt: iso(offer.respondedAt),
        outcome: offer.outcome,
      })),
    })),
    attendance: attendance
      .map((row) => ({
        personId: row.personId,
        name: fullName(row.person),
        ...sessionRow(row.session),
        present: row.present,
        /** False: came without a place (drop-in). */
        enrolled: row.enrolled,
        housingArea: areaOf(row.housingAreaId),
        markedAt: iso(row.markedAt)!,
        collectedBy: row.collectedByName,
        collectedAt: iso(row.collectedAt),
      }))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.name.localeCompare(b.name)),
    reminders: reminders.map((row) => ({ ...sessionRow(row.session), sentAt: iso(row.sentAt)! })),
    absences: absences.map((row) => ({
      personId: row.personId,
      name: fullName(row.person),
      ...sessionRow(row.session),
      reason: row.reason,
      reportedAt: iso(row.createdAt)!,
    })),
    messages: messages.map((message) => ({
      createdAt: iso(message.createdAt)!,
      sentAt: iso(message.sentAt),
      channel: message.channel,
      recipient: message.recipient,
      template: message.template,
      subject: message.subject,
      status: message.status,
      activity: message.title ? title(message.title as Prisma.JsonValue) : null,
    })),
    jobApplications: applications.map((application) => ({
      personId: application.personId,
      name: fullName(application.person),
      job: title(application.posting.title),
      status: application.status,
      appliedAt: iso(application.createdAt)!,
      school: application.school,
      schoolClass: application.schoolClass,
      inSchool: application.inSchool,
      motivation: application.motivation,
      availability: application.availability,
      guardian: {
        name: application.guardianName,
        email: application.guardianEmail,
        phone: application.guardianPhone,
        language: application.guardianLanguage,
        answeredAt: iso(application.guardianAnswerAt),
      },
      interviewAt: iso(application.interviewAt),
      interviewPlace: application.interviewPlace,
      steps: application.events.map((event) => ({ status: event.status, at: iso(event.at)! })),
      employment: application.employment
        ? {
            role: application.employment.role,
            startsOn: dateOnly(application.employment.startsOn),
            endsOn: application.employment.endsOn ? dateOnly(application.employment.endsOn) : null,
            endedOn: application.employment.endedOn ? dateOnly(application.employment.endedOn) : null,
            inSchool: application.employment.inSchool,
            guardianInformedAt: iso(application.employment.guardianInformedAt),
            reference: application.employment.referenceAt
              ? {
                  tasks: application.employment.referenceTasks,
                  statement: application.employment.referenceStatement,
                  at: iso(application.employment.referenceAt),
                }
              : null,
            shifts: application.employment.assignments.map((assignment) => ({
              startsAt: iso(assignment.shift.startsAt)!,
              endsAt: iso(assignment.shift.endsAt)!,
              place: assignment.shift.place,
              status: assignment.status,
              workedMinutes: assignment.workedMinutes,
              swapRequests: assignment.swapRequests.map((swap) => ({ reason: swap.reason, status: swap.status, createdAt: iso(swap.createdAt)! })),
            })),
          }
        : null,
    })),
    /** When the family asked for its data to be deleted (newest first). */
    deletionRequests: requests,
  };
}

// ---------------------------------------------------------------- the request

/** When deletion was asked for: about the household, or about the guardian alone before they had one. Newest first. */
async function deletionRequests(householdId: string | null, personId: string | null): Promise<string[]> {
  const rows = await db.auditEvent.findMany({
    where: {
      action: DELETION_REQUESTED,
      OR: [...(householdId ? [{ entityType: "Household", entityId: householdId }] : []), ...(personId ? [{ entityType: "Person", entityId: personId }] : [])],
    },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return rows.map((row) => row.at.toISOString());
}

/**
 * Records that the guardian asks for their household's data to be deleted.
 * Staff see it on the household's deletion page and in the audit log, and
 * carry it out (anonymiseHousehold). No free text: the log holds no notes.
 */
export async function requestDeletion(user: { id: string; personId: string }): Promise<void> {
  const householdId = await householdIdOf(user);
  await audit(db, {
    actorUserId: user.id,
    action: DELETION_REQUESTED,
    ...(householdId ? { entityType: "Household", entityId: householdId } : { entityType: "Person", entityId: user.personId }),
  });
}

// ---------------------------------------------------------------- deletion by staff

/**
 * Deletion requests not yet carried out — a household's (a guardian asked), or a person's in no household (a young
 * person's own login) — that were made after the last time that data was deleted (by staff or the retention job),
 * oldest first: the staff start page's to-do list, so no request waits unseen in the audit log.
 */
export async function openDeletionRequests() {
  const rows = await db.$queryRaw<{ entityType: "Household" | "Person"; entityId: string; requestedAt: Date }[]>`
    SELECT r."entityType", r."entityId", max(r."at") AS "requestedAt"
    FROM "AuditEvent" r
    WHERE r."action" = ${DELETION_REQUESTED} AND r."entityType" IN ('Household', 'Person')
    GROUP BY r."entityType", r."entityId"
    HAVING NOT EXISTS (
      SELECT 1 FROM "AuditEvent" done
      WHERE done."action" = ${ANONYMISED} AND done."entityType" = r."entityType" AND done."entityId" = r."entityId" AND done."at" >= max(r."at"))
      -- A person who asked alone and then joined a household is deleted with it (logged against the household).
      AND NOT EXISTS (
        SELECT 1 FROM "Person" p WHERE r."entityType" = 'Person' AND p."id"::text = r."entityId" AND p."anonymisedAt" >= max(r."at"))
    ORDER BY "requestedAt"`;
  const ids = (type: string) => rows.filter((row) => row.entityType === type).map((row) => row.entityId);
  const [households, people] = await Promise.all([
    db.household.findMany({
      where: { id: { in: ids("Household") } },
      select: {
        id: true,
        members: { where: { role: "GUARDIAN" }, orderBy: { createdAt: "asc" }, select: { person: { select: { firstName: true, lastName: true } } } },
      },
    }),
    db.person.findMany({ where: { id: { in: ids("Person") } }, select: { id: true, firstName: true, lastName: true } }),
  ]);
  const names = new Map([
    ...households.map((household) => [`Household:${household.id}`, household.members.map(({ person }) => fullName(person)).join(", ")] as const),
    ...people.map((person) => [`Person:${person.id}`, fullName(person)] as const),
  ]);
  return rows
    .filter((row) => names.has(`${row.entityType}:${row.entityId}`))
    .map((row) => ({
      href: row.entityType === "Household" ? `/staff/families/${row.entityId}/delete` : `/staff/people/${row.entityId}/delete`,
      names: names.get(`${row.entityType}:${row.entityId}`)!,
      requestedAt: row.requestedAt.toISOString(),
    }));
}

export class PrivacyError extends DomainError<"notFound" | "upcomingPlaces" | "notDue" | "inHousehold" | "upcomingShifts"> {
  constructor(code: "notFound" | "upcomingPlaces" | "notDue" | "inHousehold" | "upcomingShifts") {
    super("privacy", code);
  }
}

/** Logins that deletion removes; a member with any other login (staff, partner) is someone's colleague and is kept. */
const FAMILY_ROLES = new Set(["PARENT", "YOUTH"]);

type MemberFacts = { households: number; anonymisedAt: Date | null; user: { role: string } | null };

/** What deleting the household does to one member. */
function outcomeOf(member: MemberFacts): "delete" | "done" | "otherHousehold" | "otherLogin" {
  if (member.anonymisedAt) return "done";
  if (member.households > 1) return "otherHousehold";
  if (member.user && !FAMILY_ROLES.has(member.user.role)) return "otherLogin";
  return "delete";
}

const memberFacts = {
  role: true,
  person: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      anonymisedAt: true,
      user: { select: { id: true, role: true, email: true, phone: true } },
      _count: { select: { households: true } },
    },
  },
} satisfies Prisma.HouseholdMemberSelect;

/** Places that still hold or wait for a session ahead: they must be cancelled first (the waiting list moves on). */
const upcomingPlaces = (householdId: string, now: Date): Prisma.EnrolmentWhereInput => ({
  householdId,
  status: { in: ["CONFIRMED", "WAITING", "OFFERED"] },
  activity: { sessions: { some: { endsAt: { gt: now }, cancelledAt: null } } },
});

/** For the staff page: who would be anonymised, who is kept and why, the family's requests, and what blocks it. */
export async function deletionOverview(householdId: string, now = new Date()) {
  const [household, places, requests] = await Promise.all([
    db.household.findUnique({ where: { id: householdId }, select: { id: true, members: { orderBy: { createdAt: "asc" }, select: memberFacts } } }),
    db.enrolment.findMany({
      where: upcomingPlaces(householdId, now),
      distinct: ["activityId"],
      select: { activityId: true, activity: { select: { id: true, title: true } } },
    }),
    deletionRequests(householdId, null),
  ]);
  if (!household) return null;
  return {
    householdId: household.id,
    members: household.members.map(({ role, person }) => ({
      id: person.id,
      role,
      name: fullName(person),
      outcome: outcomeOf({ households: person._count.households, anonymisedAt: person.anonymisedAt, user: person.user }),
    })),
    upcomingPlaces: places.map(({ activity }) => ({ activityId: activity.id, title: title(activity.title) })),
    requests,
  };
}

type ErasureTarget = {
  id: string;
  email: string | null;
  phone: string | null;
  user: { id: string; email: string | null; phone: string | null } | null;
};

/**
 * Removes the personal data of these people (see anonymiseHousehold for what goes and what stays), and the
 * messages about `householdId` (null: a person outside any household) or to their contacts. Inside the caller's
 * transaction; returns how many logins were deleted.
 */
async function erasePeople(tx: Prisma.TransactionClient, targets: ErasureTarget[], now: Date, householdId: string | null): Promise<{ logins: number }> {
  const ids = targets.map((person) => person.id);
  const userIds = targets.flatMap((person) => (person.user ? [person.user.id] : []));
  // Their logins' addresses, and what was typed for them unless it is someone else's login: a number typed for a
  // person (by a parent, staff or a partner) is no proof it is theirs, and another person's messages stay.
  const typed = [...new Set(targets.flatMap((person) => [person.email, person.phone]).filter((c): c is string => Boolean(c)))];
  const othersLogins = typed.length
    ? await tx.user.findMany({
        where: { personId: { notIn: ids }, OR: [{ email: { in: typed } }, { phone: { in: typed } }] },
        select: { email: true, phone: true },
      })
    : [];
  const taken = new Set(othersLogins.flatMap((login) => [login.email, login.phone]));
  const contacts = [
    ...new Set([
      ...targets.flatMap((person) => [person.user?.email, person.user?.phone]).filter((c): c is string => Boolean(c)),
      ...typed.filter((contact) => !taken.has(contact)),
    ]),
  ];

  await tx.person.updateMany({
    where: { id: { in: ids } },
    data: { ...PLACEHOLDER_NAME, email: null, phone: null, photoConsent: null, language: "da", anonymisedAt: now },
  });
  await tx.personNeeds.deleteMany({ where: { personId: { in: ids } } });
  // Who may collect them and whom to call (issue 19), and who collected them: names of people outside the family.
  await tx.childContact.deleteMany({ where: { personId: { in: ids } } });
  await tx.attendance.updateMany({ where: { personId: { in: ids }, collectedByName: { not: null } }, data: { collectedByName: null } });
  await tx.absenceNotice.updateMany({ where: { personId: { in: ids } }, data: { reason: null } });
  const logins = await tx.user.deleteMany({ where: { id: { in: userIds } } });
  // The adults asked about these young people's applications: the messages to them name the young person and carry
  // the guardian link, which stops working.
  const asked = await tx.jobApplication.findMany({ where: { personId: { in: ids } }, select: { guardianEmail: true, guardianPhone: true } });
  const guardianContacts = [...new Set(asked.flatMap((row) => [row.guardianEmail, row.guardianPhone]).filter((c): c is string => Boolean(c)))];
  if (guardianContacts.length)
    await tx.$executeRaw`
      UPDATE "Message" SET "recipient" = '', "subject" = NULL, "body" = '', "attachment" = NULL,
        "error" = CASE WHEN "status" = 'QUEUED' THEN 'anonymised' ELSE NULL END,
        "status" = CASE WHEN "status" = 'QUEUED' THEN 'FAILED'::"MessageStatus" ELSE "status" END
      WHERE "template" LIKE 'jobGuardian%' AND "recipient" = ANY(${guardianContacts}::text[])`;
  await tx.$executeRaw`
    UPDATE "JobApplication" SET "guardianTokenHash" = 'erased-' || gen_random_uuid()::text WHERE "personId" = ANY(${ids}::uuid[])`;
  await tx.jobApplication.updateMany({
    where: { personId: { in: ids } },
    data: {
      motivation: "",
      school: null,
      schoolClass: null,
      guardianName: PLACEHOLDER_NAME.firstName,
      guardianEmail: null,
      guardianPhone: null,
      interviewPlace: null,
    },
  });
  // Someone deleted here named as the adult to ask on another young person's application: their name and contact go.
  if (contacts.length)
    await tx.jobApplication.updateMany({
      where: { personId: { notIn: ids }, OR: [{ guardianEmail: { in: contacts } }, { guardianPhone: { in: contacts } }] },
      data: { guardianName: PLACEHOLDER_NAME.firstName, guardianEmail: null, guardianPhone: null },
    });
  await tx.employment.updateMany({ where: { personId: { in: ids } }, data: { referenceTasks: null, referenceStatement: null } });
  await tx.shiftSwapRequest.updateMany({ where: { assignment: { employment: { personId: { in: ids } } } }, data: { reason: "" } });
  await tx.$executeRaw`
    UPDATE "Message" SET "recipient" = '', "subject" = NULL, "body" = '', "attachment" = NULL,
      "error" = CASE WHEN "status" = 'QUEUED' THEN 'anonymised' ELSE NULL END,
      "status" = CASE WHEN "status" = 'QUEUED' THEN 'FAILED'::"MessageStatus" ELSE "status" END
    WHERE ("householdId" IS NOT NULL AND "householdId" = ${householdId}::uuid) OR "recipient" = ANY(${contacts}::text[])`;
  await tx.signInChallenge.deleteMany({ where: { identifier: { in: contacts } } });
  // Invitations that name these people (to join the household, or from it to them) hold their name and contact.
  await tx.householdInvitation.deleteMany({
    where: {
      OR: [
        { personId: { in: ids } },
        ...(householdId ? [{ householdId }] : []),
        ...(contacts.length ? [{ phone: { in: contacts } }, { email: { in: contacts } }] : []),
      ],
    },
  });
  // The log keeps what happened and when, not to whom by name or number.
  const personal = ["firstName", "lastName", "email", "phone"];
  await tx.$executeRaw`
    UPDATE "AuditEvent" SET "before" = "before" - ${personal}::text[], "after" = "after" - ${personal}::text[]
    WHERE "entityType" IN ('Person', 'PersonNeeds', 'User') AND "entityId" = ANY(${[...ids, ...userIds]}::text[])`;
  return { logins: logins.count };
}

/**
 * Deletes the personal data of a household's people, in one transaction, so
 * that every report stays as it was. For each member who is in no other
 * household and has no staff or partner login:
 * - name → "Slettet person"; e-mail, phone, photo consent → empty; language → da; anonymisedAt set;
 * - "things we should know" deleted; the login deleted (its sessions with it);
 * - job applications' free text and guardian contact, references and swap reasons emptied; where they are named as
 *   the guardian on another young person's application, that name and contact too.
 * Kept, because the reports count with them (app/domain/reporting/report.server.ts):
 * - birth date, exactly: age bands are whole years on the first day of whichever period is asked for, so any
 *   coarser date (even the year) moves someone across a band boundary in some period;
 * - gender and housing area (Person.housingAreaId is the area of the jobs report);
 * - household membership (unique households), sign-ups, enrolments with their area and times, attendance with its
 *   area, job applications' and employments' dates and statuses, shifts' hours.
 * Also: messages about the household or to its people's contacts lose recipient, subject, text and attachment
 * (queued ones are not sent); pending sign-in codes to those contacts are deleted; the calendar feed stops; names and
 * contact details leave the audit log's entries about those people. The household must have no places left on
 * sessions ahead. Doing it again deletes nothing more (it is logged again).
 */
export async function anonymiseHousehold(
  householdId: string,
  actorUserId: string | null,
  now = new Date(),
  options: { stillDue?: (tx: Prisma.TransactionClient) => Promise<boolean> } = {},
): Promise<{ anonymised: number; kept: number }> {
  return db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "Household", householdId))) throw new PrivacyError("notFound");
    // The retention job asks again under the lock: another run (or staff) may have done it, or the family came back.
    if (options.stillDue && !(await options.stillDue(tx))) throw new PrivacyError("notDue");
    if (await tx.enrolment.count({ where: upcomingPlaces(householdId, now) })) throw new PrivacyError("upcomingPlaces");

    const members = await tx.householdMember.findMany({ where: { householdId }, select: memberFacts });
    const targets = members
      .map(({ person }) => person)
      .filter((person) => outcomeOf({ households: person._count.households, anonymisedAt: person.anonymisedAt, user: person.user }) === "delete");
    const { logins } = await erasePeople(tx, targets, now, householdId);
    await tx.household.update({ where: { id: householdId }, data: { calendarTokenHash: null } });
    await audit(tx, {
      actorUserId,
      action: ANONYMISED,
      entityType: "Household",
      entityId: householdId,
      after: { people: targets.length, kept: members.length - targets.length, logins },
    });
    return { anonymised: targets.length, kept: members.length - targets.length };
  });
}

/**
 * The same for one person in no household (a young person with their own login, an account that never added a
 * family, a walk-in child): their own deletion request, carried out by staff, and the retention job. Staff, partner and admin logins are never touched.
 * Inside one transaction with the person locked; `stillDue` is asked again under the lock.
 */
export async function anonymisePerson(
  personId: string,
  actorUserId: string | null,
  now = new Date(),
  options: { stillDue?: (tx: Prisma.TransactionClient) => Promise<boolean> } = {},
): Promise<{ anonymised: number }> {
  return db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "Person", personId))) throw new PrivacyError("notFound");
    if (options.stillDue && !(await options.stillDue(tx))) throw new PrivacyError("notDue");
    const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: memberFacts.person.select });
    // Someone in a household is deleted with it (anonymiseHousehold), where its other members are weighed too.
    if (person._count.households > 0) throw new PrivacyError("inHousehold");
    // Shifts ahead are released first (staff, on the shift), as a family's places ahead are cancelled first.
    const ahead = await tx.shiftAssignment.count({
      where: { status: "ASSIGNED", employment: { personId }, shift: { startsAt: { gt: now }, cancelledAt: null } },
    });
    if (ahead) throw new PrivacyError("upcomingShifts");
    if (outcomeOf({ households: person._count.households, anonymisedAt: person.anonymisedAt, user: person.user }) !== "delete") return { anonymised: 0 };
    const { logins } = await erasePeople(tx, [person], now, null);
    await audit(tx, { actorUserId, action: ANONYMISED, entityType: "Person", entityId: personId, after: { people: 1, logins } });
    return { anonymised: 1 };
  });
}

/** For the staff page of one person in no household: who it is, what deleting does, their requests. Null: no such person. */
export async function personDeletionOverview(personId: string) {
  const [person, requests, membership] = await Promise.all([
    db.person.findUnique({ where: { id: personId }, select: memberFacts.person.select }),
    deletionRequests(null, personId),
    db.householdMember.findFirst({ where: { personId }, select: { householdId: true } }),
  ]);
  if (!person) return null;
  return {
    personId: person.id,
    name: fullName(person),
    role: person.user?.role ?? null,
    householdId: membership?.householdId ?? null,
    outcome: outcomeOf({ households: person._count.households, anonymisedAt: person.anonymisedAt, user: person.user }),
    requests,
  };
}
