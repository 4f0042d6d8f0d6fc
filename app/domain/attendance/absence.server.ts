// Absence notices (*afbud*, issue 19): a guardian says a child with a place will not come to a session — or to any
// of the activity's sessions that week. Staff and partners see it on the attendance list as notified absence, apart
// from no-shows, and it never counts as a miss (missedInARow). The family may take it back until the session starts.
// Only a guardian of a household the child belongs to may report or undo one (mayReportFor); every notice is audited
// without its reason (a reason may say the child is ill).
import type { DbTx } from "~/lib/db.server.ts";
import { db } from "~/lib/db.server.ts";
import { audit } from "~/lib/audit.server.ts";
import { addDaysToDay, copenhagenDay, copenhagenMidnight, mondayOf } from "../dates.ts";
import { DomainError } from "../errors.ts";

type AbsenceErrorCode = "absenceNotFound" | "absenceStarted" | "absenceCancelled";

/** Worded in the `my` namespace: the family's pages are where these refusals are shown. */
export class AbsenceError extends DomainError<AbsenceErrorCode> {
  constructor(code: AbsenceErrorCode) {
    super("my", code);
  }
}

/** Who reports: a signed-in parent's account and person. */
export type Guardian = { userId: string; personId: string };

/** A session has started once its start time has come: from then on a notice can be neither given nor taken back. */
export const hasStarted = (session: { startsAt: Date }, now: Date) => session.startsAt.getTime() <= now.getTime();

/**
 * The owner check: `personId` belongs to a household in which `guardianPersonId` is a guardian, and has a confirmed
 * place on the activity. Anything else is "not found" — a stranger learns nothing about the child or the session.
 */
export async function mayReportFor(tx: DbTx, guardianPersonId: string, personId: string, activityId: string): Promise<boolean> {
  const [member, place] = await Promise.all([
    tx.householdMember.count({
      where: { personId, household: { members: { some: { personId: guardianPersonId, role: "GUARDIAN" } } } },
    }),
    tx.enrolment.count({ where: { personId, activityId, status: "CONFIRMED" } }),
  ]);
  return member > 0 && place > 0;
}

async function sessionFor(tx: DbTx, sessionId: string) {
  const session = await tx.activitySession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      cancelledAt: true,
      place: true,
      activityId: true,
      activity: { select: { title: true, slug: true, place: true } },
    },
  });
  if (!session) throw new AbsenceError("absenceNotFound");
  return session;
}

/** The Copenhagen week (Monday 00:00 to the next Monday 00:00) an instant lies in. */
function weekOf(instant: Date): { from: Date; until: Date } {
  const monday = mondayOf(copenhagenDay(instant));
  return { from: copenhagenMidnight(monday), until: copenhagenMidnight(addDaysToDay(monday, 7)) };
}

/**
 * The activity's sessions that a "this week" notice covers: those in the session's Copenhagen week that take place
 * and have not started. Offered only when the session lies in the current week (`absencePage`).
 */
async function weekSessions(tx: DbTx, session: { activityId: string; startsAt: Date }, now: Date) {
  const week = weekOf(session.startsAt);
  return tx.activitySession.findMany({
    where: {
      activityId: session.activityId,
      cancelledAt: null,
      startsAt: { gte: week.from > now ? week.from : now, lt: week.until },
    },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true },
  });
}

/**
 * What the family's absence page shows for one session: the session, and each of the guardian's children with a
 * place on it, with their notice if they have one. "Not found" when the guardian has no child with a place on it.
 */
export async function absencePage(guardian: Pick<Guardian, "personId">, sessionId: string, now = new Date()) {
  const session = await sessionFor(db, sessionId);
  const people = await db.person.findMany({
    where: {
      enrolments: { some: { activityId: session.activityId, status: "CONFIRMED" } },
      households: { some: { household: { members: { some: { personId: guardian.personId, role: "GUARDIAN" } } } } },
    },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
    select: { id: true, firstName: true, lastName: true, absences: { where: { sessionId }, select: { reason: true, createdAt: true } } },
  });
  if (people.length === 0) throw new AbsenceError("absenceNotFound");
  const thisWeek = weekOf(now);
  const inThisWeek = session.startsAt >= thisWeek.from && session.startsAt < thisWeek.until;
  const [week, upcoming] = await Promise.all([
    inThisWeek && !hasStarted(session, now) ? weekSessions(db, session, now) : [],
    // Other dates to choose from ("another date"): the activity's next ones.
    db.activitySession.findMany({
      where: { activityId: session.activityId, cancelledAt: null, startsAt: { gt: now }, id: { not: session.id } },
      orderBy: { startsAt: "asc" },
      take: 6,
      select: { id: true, startsAt: true },
    }),
  ]);
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      place: session.place ?? session.activity.place,
      activity: { title: session.activity.title, slug: session.activity.slug },
    },
    started: hasStarted(session, now),
    cancelled: session.cancelledAt !== null,
    upcoming,
    /** How many sessions "this week" would cover (0: not offered — a later week, or only this one session). */
    weekCount: week.length > 1 ? week.length : 0,
    people: people.map((person) => ({
      personId: person.id,
      firstName: person.firstName,
      name: `${person.firstName} ${person.lastName}`,
      notice: person.absences[0] ?? null,
    })),
  };
}

/**
 * Reports that `personId` will not come to the session (or, with `week`, to any of the activity's sessions left in
 * the session's Copenhagen week). Refused for a session that has started or is cancelled. A notice already given is
 * left as it was (a second tap changes nothing). Returns how many notices were made.
 */
export async function reportAbsence(input: {
  guardian: Guardian;
  sessionId: string;
  personId: string;
  reason?: string | null;
  week?: boolean;
  now?: Date;
}): Promise<number> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const session = await sessionFor(tx, input.sessionId);
    if (!(await mayReportFor(tx, input.guardian.personId, input.personId, session.activityId))) throw new AbsenceError("absenceNotFound");
    if (session.cancelledAt) throw new AbsenceError("absenceCancelled");
    if (hasStarted(session, now)) throw new AbsenceError("absenceStarted");
    const targets = input.week ? await weekSessions(tx, session, now) : [session];
    const reason = input.reason?.trim() || null;
    const existing = new Set(
      (
        await tx.absenceNotice.findMany({
          where: { personId: input.personId, sessionId: { in: targets.map((target) => target.id) } },
          select: { sessionId: true },
        })
      ).map((row) => row.sessionId),
    );
    let made = 0;
    for (const target of targets) {
      if (existing.has(target.id)) continue;
      // ON CONFLICT: a parallel tap made it first; it is the same notice.
      const created = await tx.absenceNotice.createMany({
        data: [{ sessionId: target.id, personId: input.personId, reportedByUserId: input.guardian.userId, reason }],
        skipDuplicates: true,
      });
      if (created.count === 0) continue;
      made += 1;
      await audit(tx, {
        actorUserId: input.guardian.userId,
        action: "absence.report",
        entityType: "AbsenceNotice",
        entityId: `${target.id}/${input.personId}`,
        // Whether a reason was given, never its text (it may be about health).
        after: { absent: true, reason: reason ? "given" : null },
      });
    }
    return made;
  });
}

/** Takes a notice back, until the session starts (then refused: the staff list has been read). No notice: nothing. */
export async function undoAbsence(input: { guardian: Guardian; sessionId: string; personId: string; now?: Date }): Promise<boolean> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const session = await sessionFor(tx, input.sessionId);
    if (!(await mayReportFor(tx, input.guardian.personId, input.personId, session.activityId))) throw new AbsenceError("absenceNotFound");
    if (hasStarted(session, now)) throw new AbsenceError("absenceStarted");
    const { count } = await tx.absenceNotice.deleteMany({ where: { sessionId: input.sessionId, personId: input.personId } });
    if (count === 0) return false;
    await audit(tx, {
      actorUserId: input.guardian.userId,
      action: "absence.undo",
      entityType: "AbsenceNotice",
      entityId: `${input.sessionId}/${input.personId}`,
      before: { absent: true },
      after: { absent: false },
    });
    return true;
  });
}

/** The notices for one session, for the attendance list (staff and the activity's partners). */
export async function sessionAbsences(sessionId: string) {
  const notices = await db.absenceNotice.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    select: { personId: true, reason: true, createdAt: true, person: { select: { firstName: true, lastName: true } } },
  });
  return notices.map((notice) => ({
    personId: notice.personId,
    name: `${notice.person.firstName} ${notice.person.lastName}`,
    reason: notice.reason,
    reportedAt: notice.createdAt,
  }));
}

/**
 * For "My activities": the notices the household's people have for upcoming sessions, as "sessionId/personId".
 */
export async function upcomingAbsences(personIds: string[], sessionIds: string[]): Promise<Set<string>> {
  if (!personIds.length || !sessionIds.length) return new Set();
  const rows = await db.absenceNotice.findMany({
    where: { personId: { in: personIds }, sessionId: { in: sessionIds } },
    select: { sessionId: true, personId: true },
  });
  return new Set(rows.map((row) => `${row.sessionId}/${row.personId}`));
}

/**
 * Staff or a partner of the activity record a notice a family gave by phone or in person (the route checks that they
 * run the activity), or take one back, until the session ends. The child must have a place on it.
 */
export async function recordAbsenceForFamily(input: { actorUserId: string; sessionId: string; personId: string; absent: boolean; now?: Date }) {
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    const session = await sessionFor(tx, input.sessionId);
    const place = await tx.enrolment.count({ where: { personId: input.personId, activityId: session.activityId, status: "CONFIRMED" } });
    if (!place) throw new AbsenceError("absenceNotFound");
    if (session.cancelledAt) throw new AbsenceError("absenceCancelled");
    if (session.endsAt.getTime() <= now.getTime()) throw new AbsenceError("absenceStarted");
    const entityId = `${input.sessionId}/${input.personId}`;
    if (input.absent) {
      const created = await tx.absenceNotice.createMany({
        data: [{ sessionId: input.sessionId, personId: input.personId, reportedByUserId: input.actorUserId }],
        skipDuplicates: true,
      });
      if (created.count)
        await audit(tx, {
          actorUserId: input.actorUserId,
          action: "absence.record",
          entityType: "AbsenceNotice",
          entityId,
          after: { absent: true, reason: null },
        });
    } else {
      const { count } = await tx.absenceNotice.deleteMany({ where: { sessionId: input.sessionId, personId: input.personId } });
      if (count)
        await audit(tx, {
          actorUserId: input.actorUserId,
          action: "absence.remove",
          entityType: "AbsenceNotice",
          entityId,
          before: { absent: true },
          after: { absent: false },
        });
    }
  });
}
