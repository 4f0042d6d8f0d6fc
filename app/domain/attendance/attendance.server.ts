// Attendance at a session, taken on a phone: who is expected (confirmed
// places), who came (one row per person; marking *sets* present, so a
// retried tap never double-counts), walk-ins who came without signing up,
// and plain head-counts where names are not taken.
import type { Prisma } from "~/generated/prisma/client.ts";
import type { Gender } from "~/generated/prisma/enums.ts";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { ageOnKnown, copenhagenDay, dateOnly } from "../dates.ts";
import { DomainError } from "../errors.ts";
import { findMatches, type MatchScope, type PersonMatch } from "../register/matching.server.ts";
import { createPerson, earlierSubmission, submitOnce } from "../register/people.server.ts";
import { lockRow } from "~/domain/locking.server.ts";

type AttendanceErrorCode = "sessionNotFound" | "notExpected" | "badCount" | "notYet" | "sessionCancelled";

export class AttendanceError extends DomainError<AttendanceErrorCode> {
  constructor(code: AttendanceErrorCode) {
    super("staff", code);
  }
}

/** How many sessions in a row a child may miss before staff are alerted. */
export const MISSED_IN_A_ROW_ALERT = 3;

/**
 * A session on a later Copenhagen day has not happened yet: taking attendance for it is almost always a slip of the
 * finger (the wrong date in the list), so the page warns and asks first. On the day itself, early arrivals count.
 */
export function sessionNotYet(session: { startsAt: Date }, now = new Date()): boolean {
  return copenhagenDay(session.startsAt) > copenhagenDay(now);
}

/**
 * Who came can be written only for a session that takes place: a cancelled one never (it would count as attended),
 * one on a later day only when the page's warning was answered (`early`).
 */
function requireHappening(session: { startsAt: Date; cancelledAt: Date | null }, early: boolean | undefined, now = new Date()) {
  if (session.cancelledAt) throw new AttendanceError("sessionCancelled");
  if (!early && sessionNotYet(session, now)) throw new AttendanceError("notYet");
}

async function sessionOf(sessionId: string) {
  const session = await db.activitySession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      cancelledAt: true,
      place: true,
      activity: { select: { id: true, title: true, place: true, requiresSignUp: true, asksCollectContacts: true } },
    },
  });
  if (!session) throw new AttendanceError("sessionNotFound");
  return session;
}

export async function sessionAttendance(sessionId: string, now = new Date()) {
  const session = await sessionOf(sessionId);
  const [expected, marks, headCounts] = await Promise.all([
    db.enrolment.findMany({
      where: { activityId: session.activity.id, status: "CONFIRMED" },
      orderBy: [{ person: { firstName: "asc" } }],
      select: { person: { select: { id: true, firstName: true, lastName: true, birthDate: true, birthYear: true, needs: { select: { personId: true } } } } },
    }),
    db.attendance.findMany({
      where: { sessionId },
      select: { personId: true, present: true, enrolled: true, person: { select: { firstName: true, lastName: true, birthDate: true, birthYear: true } } },
    }),
    db.headCount.findMany({ where: { sessionId }, select: { housingAreaId: true, adults: true, children: true } }),
  ]);
  const today = copenhagenDay(now);
  const age = (person: { birthDate: Date | null; birthYear: number | null }) =>
    ageOnKnown({ birthDay: person.birthDate ? dateOnly(person.birthDate) : null, birthYear: person.birthYear }, today);
  const present = new Map(marks.map((mark) => [mark.personId, mark.present]));
  const expectedIds = new Set(expected.map((row) => row.person.id));
  return {
    session,
    notYet: sessionNotYet(session, now),
    expected: expected.map(({ person }) => ({
      personId: person.id,
      name: `${person.firstName} ${person.lastName}`,
      age: age(person),
      present: present.get(person.id) ?? false,
      hasNeeds: Boolean(person.needs),
    })),
    walkIns: marks
      .filter((mark) => !expectedIds.has(mark.personId))
      .map((mark) => ({
        personId: mark.personId,
        name: `${mark.person.firstName} ${mark.person.lastName}`,
        age: age(mark.person),
        present: mark.present,
        hasNeeds: false,
      })),
    headCounts,
  };
}

/**
 * Sets whether a person came. Expected people, or walk-ins already added to this session. Marking someone present
 * needs a session that takes place (requireHappening); taking a mark back is always allowed.
 */
export async function markAttendance(input: { sessionId: string; personId: string; present: boolean; actorUserId: string; early?: boolean }) {
  const session = await sessionOf(input.sessionId);
  if (input.present) requireHappening(session, input.early);
  await db.$transaction(async (tx) => {
    const [enrolled, existing, person] = await Promise.all([
      tx.enrolment.count({ where: { activityId: session.activity.id, personId: input.personId, status: "CONFIRMED" } }),
      tx.attendance.findUnique({ where: { sessionId_personId: { sessionId: input.sessionId, personId: input.personId } }, select: { present: true } }),
      tx.person.findUnique({ where: { id: input.personId }, select: { housingAreaId: true } }),
    ]);
    if (!person || (!enrolled && !existing)) throw new AttendanceError("notExpected");
    if (existing?.present === input.present) return; // a retried tap: nothing changes
    await tx.attendance.upsert({
      where: { sessionId_personId: { sessionId: input.sessionId, personId: input.personId } },
      create: {
        sessionId: input.sessionId,
        personId: input.personId,
        present: input.present,
        enrolled: enrolled > 0,
        housingAreaId: person.housingAreaId,
        markedByUserId: input.actorUserId,
      },
      update: { present: input.present, markedByUserId: input.actorUserId, markedAt: new Date() },
    });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "attendance.mark",
      entityType: "Attendance",
      entityId: `${input.sessionId}/${input.personId}`,
      before: { present: existing?.present ?? null },
      after: { present: input.present },
    });
  });
}

export type WalkIn = { personId: string } | { firstName: string; lastName: string; birthYear: number; housingAreaId: string | null; gender?: Gender | null };

/**
 * Someone who came without signing up: an existing person, or a new child
 * (name, birth year, area — the year is stored alone, and ages count it as
 * the age reached that year: dates.ts ageOnKnown). Marked present at once.
 * `partnerUserId`: a partner may add only someone findPeople would show them (or someone new).
 */
export async function addWalkIn(input: {
  sessionId: string;
  walkIn: WalkIn;
  actorUserId: string;
  partnerUserId?: string | null;
  early?: boolean;
}): Promise<string> {
  requireHappening(await sessionOf(input.sessionId), input.early);
  return db.$transaction(async (tx) => {
    if ("personId" in input.walkIn) {
      const person = await tx.person.findFirst({
        where: { id: input.walkIn.personId, ...knownToPartner(input.partnerUserId ?? null) },
        select: { id: true, housingAreaId: true },
      });
      if (!person) throw new AttendanceError("notExpected");
      await attend(tx, input.sessionId, person, input.actorUserId);
      return person.id;
    }
    const personId = await createWalkInPerson(tx, input.walkIn, input.actorUserId);
    await attend(tx, input.sessionId, { id: personId, housingAreaId: input.walkIn.housingAreaId }, input.actorUserId);
    return personId;
  });
}

function createWalkInPerson(tx: DbTx, walkIn: Extract<WalkIn, { firstName: string }>, actorUserId: string) {
  return createPerson(
    tx,
    {
      firstName: walkIn.firstName,
      lastName: walkIn.lastName,
      birthYear: walkIn.birthYear,
      housingAreaId: walkIn.housingAreaId,
      gender: walkIn.gender ?? null,
    },
    { actorUserId, action: "person.createWalkIn", auditAfter: { birthYear: walkIn.birthYear, housingAreaId: walkIn.housingAreaId } },
  );
}

/** Marks a walk-in present (a person already on the list stays one row: marking sets, never adds). */
async function attend(tx: DbTx, sessionId: string, person: { id: string; housingAreaId: string | null }, actorUserId: string) {
  await tx.attendance.upsert({
    where: { sessionId_personId: { sessionId, personId: person.id } },
    create: { sessionId, personId: person.id, present: true, enrolled: false, housingAreaId: person.housingAreaId, markedByUserId: actorUserId },
    update: { present: true, markedByUserId: actorUserId, markedAt: new Date() },
  });
  await audit(tx, { actorUserId, action: "attendance.walkIn", entityType: "Attendance", entityId: `${sessionId}/${person.id}`, after: { present: true } });
}

export type WalkInResult = { status: "added"; personId: string; replayed: boolean } | { status: "matches"; matches: PersonMatch[] };

/**
 * The walk-in form (ADR 015): a new child's name, birth year and area, with the form's one-time key.
 * Without `choice`, likely existing people are returned to choose from ("is it this child?"); `choice` is then
 * one of their ids (attach to that person) or "new". A second submission with the same key — a double tap, a
 * resubmitted page — adds nobody and marks nothing twice: it answers with the first one's person.
 */
export async function registerWalkIn(input: {
  sessionId: string;
  walkIn: Extract<WalkIn, { firstName: string }>;
  key: string;
  choice: string | null;
  actorUserId: string;
  partnerUserId: string | null;
  early?: boolean;
}): Promise<WalkInResult> {
  requireHappening(await sessionOf(input.sessionId), input.early);
  const once = { key: input.key, kind: "walkIn", actorUserId: input.actorUserId };
  const earlier = await earlierSubmission(once);
  if (earlier) return { status: "added", personId: earlier, replayed: true };
  const scope: MatchScope = input.partnerUserId ? { kind: "partner", userId: input.partnerUserId } : { kind: "staff" };
  const wouldBe = {
    firstName: input.walkIn.firstName,
    lastName: input.walkIn.lastName,
    birthYear: input.walkIn.birthYear,
    housingAreaId: input.walkIn.housingAreaId,
  };
  let existing: string | null = null;
  if (input.choice !== "new") {
    const matches = await findMatches(wouldBe, scope);
    if (input.choice === null && matches.length) return { status: "matches", matches };
    // Only someone the form offered may be chosen (a partner cannot attach a walk-in to anyone by id).
    if (input.choice !== null) {
      if (!matches.some((match) => match.personId === input.choice)) throw new AttendanceError("notExpected");
      existing = input.choice;
    }
  }
  return db.$transaction(async (tx) => {
    const result = await submitOnce(tx, once, async () => {
      if (existing) {
        const person = await tx.person.findUnique({ where: { id: existing }, select: { id: true, housingAreaId: true } });
        if (!person) throw new AttendanceError("notExpected");
        await attend(tx, input.sessionId, person, input.actorUserId);
        return person.id;
      }
      const personId = await createWalkInPerson(tx, input.walkIn, input.actorUserId);
      await attend(tx, input.sessionId, { id: personId, housingAreaId: input.walkIn.housingAreaId }, input.actorUserId);
      return personId;
    });
    return { status: "added" as const, personId: result.resultId, replayed: result.replayed };
  });
}

/**
 * People a partner may find by name: those who joined or came to one of the partner's activities. A partner
 * (volunteer, club trainer) must not search the programme's children at large; a child new to them is added as
 * a new walk-in. Staff (partnerUserId null) find everyone.
 */
function knownToPartner(partnerUserId: string | null): Prisma.PersonWhereInput {
  if (!partnerUserId) return {};
  const theirs = { partners: { some: { userId: partnerUserId } } };
  return { OR: [{ enrolments: { some: { activity: theirs } } }, { attendances: { some: { session: { activity: theirs } } } }] };
}

/** People to choose from when adding a walk-in: search by name (at least 2 letters); for a partner, only those known to them. */
export async function findPeople(query: string, partnerUserId: string | null = null) {
  const q = query.trim();
  if (q.length < 2) return [];
  const people = await db.person.findMany({
    where: {
      anonymisedAt: null,
      user: null,
      AND: [{ OR: [{ firstName: { contains: q, mode: "insensitive" } }, { lastName: { contains: q, mode: "insensitive" } }] }, knownToPartner(partnerUserId)],
      OR: [{ birthDate: { not: null } }, { birthYear: { not: null } }],
    },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
    take: 10,
    select: { id: true, firstName: true, lastName: true, birthDate: true, birthYear: true, housingArea: { select: { name: true } } },
  });
  return people.map((person) => ({
    personId: person.id,
    name: `${person.firstName} ${person.lastName}`,
    birthYear: person.birthDate?.getUTCFullYear() ?? person.birthYear!,
    area: person.housingArea?.name ?? null,
  }));
}

/** Sets the head-count for one area (null: area unknown) of a session. */
export async function setHeadCount(input: {
  sessionId: string;
  housingAreaId: string | null;
  adults: number;
  children: number;
  actorUserId: string;
  early?: boolean;
}) {
  if (![input.adults, input.children].every((n) => Number.isInteger(n) && n >= 0 && n <= 10_000)) throw new AttendanceError("badCount");
  requireHappening(await sessionOf(input.sessionId), input.early);
  await db.$transaction(async (tx) => {
    // Serialise writers of this session's counts (a null area cannot be a unique key).
    await lockRow(tx, "ActivitySession", input.sessionId);
    const existing = await tx.headCount.findFirst({
      where: { sessionId: input.sessionId, housingAreaId: input.housingAreaId },
      select: { id: true, adults: true, children: true },
    });
    const data = { adults: input.adults, children: input.children, recordedByUserId: input.actorUserId };
    if (existing) await tx.headCount.update({ where: { id: existing.id }, data });
    else await tx.headCount.create({ data: { ...data, sessionId: input.sessionId, housingAreaId: input.housingAreaId } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "headCount.set",
      entityType: "HeadCount",
      entityId: `${input.sessionId}/${input.housingAreaId ?? "unknown"}`,
      before: existing ? { adults: existing.adults, children: existing.children } : null,
      after: { adults: input.adults, children: input.children },
    });
  });
}

/**
 * Children with a place who missed the last MISSED_IN_A_ROW_ALERT sessions
 * in a row (sessions where attendance was taken), so staff can follow up.
 * A session the family sent an absence notice for is no miss (absence.server.ts).
 */
export async function missedInARow(activityId: string, now = new Date()) {
  const taken = await db.activitySession.findMany({
    where: { activityId, cancelledAt: null, startsAt: { lt: now }, attendances: { some: {} } },
    orderBy: { startsAt: "desc" },
    take: MISSED_IN_A_ROW_ALERT,
    select: { id: true, startsAt: true },
  });
  if (taken.length < MISSED_IN_A_ROW_ALERT) return [];
  const sessionIds = taken.map((session) => session.id);
  // Who came to one of them or sent word (an absence notice): one statement.
  const accounted = await db.$queryRaw<{ personId: string }[]>`
    SELECT "personId"::text AS "personId" FROM "Attendance" WHERE "sessionId" = ANY(${sessionIds}::uuid[]) AND "present"
    UNION SELECT "personId"::text FROM "AbsenceNotice" WHERE "sessionId" = ANY(${sessionIds}::uuid[])`;
  const cameOrSentWord = new Set(accounted.map((row) => row.personId));
  const enrolled = await db.enrolment.findMany({
    // Only children who already had their place at the first of those sessions.
    where: { activityId, status: "CONFIRMED", confirmedAt: { lt: taken.at(-1)!.startsAt } },
    select: { person: { select: { id: true, firstName: true, lastName: true } } },
  });
  return enrolled
    .filter(({ person }) => !cameOrSentWord.has(person.id))
    .map(({ person }) => ({ personId: person.id, name: `${person.firstName} ${person.lastName}` }));
}
