// Shifts of pocket-money jobs: staff plan them, young people take them or
// staff assign them, swaps go through staff, and after a shift the hours
// are confirmed. Every assignment passes the work-time check (work-time.ts)
// inside one transaction that holds two locks: the shift's row (its free
// places) and the young person's row (their working time across all their
// jobs) — so neither two people taking the last place nor one person taking
// two shifts at once can break a limit.
//
// Staff and admins run every shift; a partner only the shifts they are
// responsible for (responsibleUserId); anyone else gets "not found".
import type { Role } from "~/generated/prisma/client.ts";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { formatDate, formatTime } from "~/lib/format.ts";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { canReach, queueMessage } from "~/lib/messages/send.server.ts";
import { textIn } from "../activities/text.ts";
import { addDaysToDay, ageOn, copenhagenDay, copenhagenInstant, dateOnly } from "../dates.ts";
import { recipientFor } from "../households/contact.server.ts";
import { calendarAround } from "./school-calendar.server.ts";
import { checkShift, type Shift, type Violation } from "./work-time.ts";
import { DomainError } from "../errors.ts";
import { isStaff, runsActivities } from "~/lib/roles.ts";
import { lockRow } from "~/domain/locking.server.ts";

/** Where young people see their shifts (the link in every shift message). */
export const MY_SHIFTS_PATH = "/my/shifts";
/** Longest weekly series planned in one go. */
export const MAX_REPEATS = 60;

export type Actor = { userId: string; role: Role };

export type ShiftErrorCode =
  | "notFound"
  | "shiftFull"
  | "shiftStarted"
  | "shiftCancelled"
  | "shiftNotEnded"
  | "notEmployed"
  | "outsideEmployment"
  | "alreadyOnShift"
  | "notOnShift"
  | "noBirthDate"
  | "workTime"
  | "minutesOutOfRange"
  | "startInPast"
  | "endBeforeStart"
  | "breakTooLong"
  | "tooManyRepeats"
  | "responsibleInvalid"
  | "slotsBelowTaken"
  | "requestNotOpen"
  | "requestAlreadyOpen"
  | "colleagueInvalid"
  | "youngRules";

/** Who would break which rule: a work-time refusal names the person, so the page can say it in words. */
export type PersonViolations = { name: string; violations: Violation[] };

export class ShiftError extends DomainError<ShiftErrorCode> {
  constructor(
    code: ShiftErrorCode,
    /** Per young person: which work-time rules the shift would break. */
    readonly people: PersonViolations[] = [],
    /** "youngRules": what anyone of the youngest age the job takes would break on the shift alone. */
    readonly youngest: Violation[] = [],
  ) {
    super("shifts", code);
  }
}

export function mayRunShift(actor: Actor, shift: { responsibleUserId: string | null }): boolean {
  return isStaff(actor) || (actor.role === "PARTNER" && shift.responsibleUserId === actor.userId);
}

const TX = { timeout: 15_000, maxWait: 15_000 };
const DAY_MS = 24 * 3_600_000;

/** Minutes planned: the shift's length minus its unpaid break. */
export function plannedMinutes(shift: { startsAt: Date; endsAt: Date; breakMinutes: number }): number {
  return Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000) - shift.breakMinutes;
}

export const shiftLength = (shift: { startsAt: Date; endsAt: Date }) => Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000);

// ---------------------------------------------------------------- work time

/**
 * The violations a shift would cause for a person, given their other
 * assigned, not-cancelled shifts in all their jobs in the weeks around it
 * (`excludeShiftId`: the shift itself, when its times change).
 */
export async function workTimeViolations(
  tx: DbTx,
  input: { personId: string; birthDate: Date; inSchool: boolean; shift: Shift; excludeShiftId?: string },
): Promise<Violation[]> {
  const from = new Date(input.shift.startsAt.getTime() - 8 * DAY_MS);
  const until = new Date(input.shift.endsAt.getTime() + 8 * DAY_MS);
  const existing = await tx.jobShift.findMany({
    where: {
      id: input.excludeShiftId ? { not: input.excludeShiftId } : undefined,
      cancelledAt: null,
      startsAt: { gte: from, lte: until },
      assignments: { some: { status: "ASSIGNED", employment: { personId: input.personId } } },
    },
    select: { startsAt: true, endsAt: true, breakMinutes: true },
  });
  const isSchoolDay = await calendarAround(tx, copenhagenDay(from), copenhagenDay(until));
  return checkShift({ birthDate: dateOnly(input.birthDate), inSchool: input.inSchool }, existing, input.shift, isSchoolDay);
}

/** Is the Copenhagen day inside the employment (from its start to its planned or actual end)? */
export function employedOn(employment: { startsOn: Date; endsOn: Date | null; endedOn: Date | null }, day: string): boolean {
  if (dateOnly(employment.startsOn) > day) return false;
  if (employment.endsOn && dateOnly(employment.endsOn) < day) return false;
  if (employment.endedOn && dateOnly(employment.endedOn) < day) return false;
  return true;
}

/**
 * What a shift breaks on its own for anyone of the youngest age the job takes (night work, a day too long, a missing
 * break), on a school-free day with no other shifts: the least the rules ask. A 19:00–21:00 shift on a 13–17 job is
 * night work for all of them; staff are told when they plan it, not only when someone is put on it.
 */
export function youngestViolations(minAge: number, shift: Shift): Violation[] {
  if (minAge >= 18) return [];
  const day = copenhagenDay(shift.startsAt);
  const birthDate = `${Number(day.slice(0, 4)) - minAge}${day.slice(4)}`;
  return checkShift({ birthDate, inSchool: true }, [], shift, () => false);
}

/** Refuses a shift the youngest of the job could not work, unless staff answered the warning (`acceptYoungRules`). */
function warnYoungest(minAge: number, shift: Shift, accepted: boolean) {
  if (accepted) return;
  const violations = youngestViolations(minAge, shift);
  if (violations.length) throw new ShiftError("youngRules", [], violations);
}

// ---------------------------------------------------------------- messages

/** "fredag 12. marts 2027 14.00–17.00" in the reader's language. */
export function shiftWhen(shift: { startsAt: Date; endsAt: Date }, language: Language): string {
  return `${formatDate(shift.startsAt, language)} ${formatTime(shift.startsAt, language)}–${formatTime(shift.endsAt, language)}`;
}

async function tellYoungPerson(
  tx: DbTx,
  template: "jobShiftAssigned" | "jobShiftReleased",
  person: { id: string; firstName: string },
  shift: { startsAt: Date; endsAt: Date; place: string; posting: { title: unknown } },
): Promise<boolean> {
  const recipient = await recipientFor(tx, person.id);
  if (!canReach(recipient)) return false;
  const language: Language = isLanguage(recipient.language) ? recipient.language : defaultLanguage;
  await queueMessage(tx, recipient, template, {
    name: person.firstName,
    job: textIn(shift.posting.title, language),
    when: shiftWhen(shift, language),
    place: shift.place,
    link: appUrl(MY_SHIFTS_PATH),
  });
  return true;
}

// ---------------------------------------------------------------- planning

export type ShiftPlan = {
  postingId: string;
  day: string;
  startTime: string;
  endTime: string;
  breakMinutes: number;
  place: string;
  slots: number;
  responsibleUserId: string | null;
  note: string | null;
  /** Same weekday every week until this day (inclusive); null: one shift. */
  repeatUntil: string | null;
  /** Staff saw that the youngest the job takes could not work this shift, and plan it anyway. */
  acceptYoungRules?: boolean;
};

/** The days of a plan: the day, and the same weekday each week until repeatUntil. */
export function planDays(day: string, repeatUntil: string | null): string[] {
  const days = [day];
  if (!repeatUntil) return days;
  for (let next = addDaysToDay(day, 7); next <= repeatUntil; next = addDaysToDay(next, 7)) days.push(next);
  return days;
}

async function requireResponsible(tx: DbTx, userId: string | null): Promise<void> {
  if (!userId) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!user || user.disabledAt || !runsActivities(user)) throw new ShiftError("responsibleInvalid");
}

/** Plans one shift or a weekly series (staff). Returns the number created. */
export async function planShifts(plan: ShiftPlan, actorUserId: string, now = new Date()): Promise<number> {
  const days = planDays(plan.day, plan.repeatUntil);
  if (days.length > MAX_REPEATS) throw new ShiftError("tooManyRepeats");
  if (plan.endTime <= plan.startTime) throw new ShiftError("endBeforeStart");
  return db.$transaction(async (tx) => {
    const posting = await tx.jobPosting.findUnique({ where: { id: plan.postingId }, select: { id: true, minAge: true } });
    if (!posting) throw new ShiftError("notFound");
    await requireResponsible(tx, plan.responsibleUserId);
    for (const day of days) {
      const startsAt = copenhagenInstant(day, plan.startTime);
      const endsAt = copenhagenInstant(day, plan.endTime);
      if (startsAt <= now) throw new ShiftError("startInPast");
      if (plan.breakMinutes >= shiftLength({ startsAt, endsAt })) throw new ShiftError("breakTooLong");
      warnYoungest(posting.minAge, { startsAt, endsAt, breakMinutes: plan.breakMinutes }, plan.acceptYoungRules === true);
      const shift = await tx.jobShift.create({
        data: {
          postingId: plan.postingId,
          startsAt,
          endsAt,
          breakMinutes: plan.breakMinutes,
          place: plan.place,
          slots: plan.slots,
          responsibleUserId: plan.responsibleUserId,
          note: plan.note,
          createdById: actorUserId,
        },
        select: { id: true },
      });
      await audit(tx, {
        actorUserId,
        action: "jobShift.create",
        entityType: "JobShift",
        entityId: shift.id,
        after: { postingId: plan.postingId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), slots: plan.slots, place: plan.place },
      });
    }
    return days.length;
  }, TX);
}

export type ShiftChange = Omit<ShiftPlan, "postingId" | "repeatUntil"> & { shiftId: string };

/**
 * Changes a shift that has not started. New times are checked again for
 * every young person on it, and the change is refused (naming each of them
 * and their rule) if any of them would break a rule; places cannot drop
 * below the people already on it.
 */
export async function changeShift(change: ShiftChange, actor: Actor, now = new Date()): Promise<void> {
  if (change.endTime <= change.startTime) throw new ShiftError("endBeforeStart");
  await db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobShift", change.shiftId))) throw new ShiftError("notFound");
    const shift = await tx.jobShift.findUniqueOrThrow({
      where: { id: change.shiftId },
      include: {
        posting: { select: { minAge: true } },
        assignments: {
          where: { status: "ASSIGNED" },
          select: { employment: { select: { inSchool: true, person: { select: { id: true, firstName: true, birthDate: true } } } } },
          orderBy: { employment: { personId: "asc" } },
        },
      },
    });
    if (!isStaff(actor)) throw new ShiftError("notFound");
    if (shift.cancelledAt) throw new ShiftError("shiftCancelled");
    if (shift.startsAt <= now) throw new ShiftError("shiftStarted");
    const startsAt = copenhagenInstant(change.day, change.startTime);
    const endsAt = copenhagenInstant(change.day, change.endTime);
    if (startsAt <= now) throw new ShiftError("startInPast");
    if (change.breakMinutes >= shiftLength({ startsAt, endsAt })) throw new ShiftError("breakTooLong");
    if (change.slots < shift.assignments.length) throw new ShiftError("slotsBelowTaken");
    await requireResponsible(tx, change.responsibleUserId);
    const timesChanged =
      startsAt.getTime() !== shift.startsAt.getTime() || endsAt.getTime() !== shift.endsAt.getTime() || change.breakMinutes !== shift.breakMinutes;
    if (timesChanged) {
      warnYoungest(shift.posting.minAge, { startsAt, endsAt, breakMinutes: change.breakMinutes }, change.acceptYoungRules === true);
      const refused: PersonViolations[] = [];
      for (const { employment } of shift.assignments) {
        const person = employment.person;
        await lockRow(tx, "Person", person.id);
        if (!person.birthDate) throw new ShiftError("noBirthDate");
        const violations = await workTimeViolations(tx, {
          personId: person.id,
          birthDate: person.birthDate,
          inSchool: employment.inSchool,
          shift: { startsAt, endsAt, breakMinutes: change.breakMinutes },
          excludeShiftId: shift.id,
        });
        if (violations.length) refused.push({ name: person.firstName, violations });
      }
      if (refused.length) throw new ShiftError("workTime", refused);
    }
    const before = {
      startsAt: shift.startsAt.toISOString(),
      endsAt: shift.endsAt.toISOString(),
      breakMinutes: shift.breakMinutes,
      place: shift.place,
      slots: shift.slots,
      responsibleUserId: shift.responsibleUserId,
      note: shift.note,
    };
    const after = {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      breakMinutes: change.breakMinutes,
      place: change.place,
      slots: change.slots,
      responsibleUserId: change.responsibleUserId,
      note: change.note,
    };
    await tx.jobShift.update({
      where: { id: shift.id },
      data: {
        startsAt,
        endsAt,
        breakMinutes: change.breakMinutes,
        place: change.place,
        slots: change.slots,
        responsibleUserId: change.responsibleUserId,
        note: change.note,
      },
    });
    const changed = Object.keys(after).filter((key) => JSON.stringify(after[key as keyof typeof after]) !== JSON.stringify(before[key as keyof typeof before]));
    await audit(tx, {
      actorUserId: actor.userId,
      action: "jobShift.change",
      entityType: "JobShift",
      entityId: shift.id,
      before: Object.fromEntries(changed.map((key) => [key, before[key as keyof typeof before]])),
      after: Object.fromEntries(changed.map((key) => [key, after[key as keyof typeof after]])),
    });
  }, TX);
}

/** Cancels a shift (staff): everyone on it is released and told. Returns how many were told. */
export async function cancelShift(input: { shiftId: string; postingId?: string }, actor: Actor, now = new Date()): Promise<number> {
  if (!isStaff(actor)) throw new ShiftError("notFound");
  const told = await db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobShift", input.shiftId))) throw new ShiftError("notFound");
    const shift = await tx.jobShift.findUniqueOrThrow({
      where: { id: input.shiftId },
      include: {
        posting: { select: { title: true } },
        assignments: { where: { status: "ASSIGNED" }, select: { id: true, employment: { select: { person: { select: { id: true, firstName: true } } } } } },
      },
    });
    if (input.postingId && shift.postingId !== input.postingId) throw new ShiftError("notFound");
    if (shift.cancelledAt) throw new ShiftError("shiftCancelled");
    if (shift.startsAt <= now) throw new ShiftError("shiftStarted");
    await tx.jobShift.update({ where: { id: shift.id }, data: { cancelledAt: now } });
    await tx.shiftAssignment.updateMany({ where: { shiftId: shift.id, status: "ASSIGNED" }, data: { status: "RELEASED", releasedAt: now } });
    await tx.shiftSwapRequest.updateMany({
      where: { assignment: { shiftId: shift.id }, status: "OPEN" },
      data: { status: "WITHDRAWN", decidedAt: now, decidedById: actor.userId },
    });
    await audit(tx, {
      actorUserId: actor.userId,
      action: "jobShift.cancel",
      entityType: "JobShift",
      entityId: shift.id,
      before: { cancelledAt: null },
      after: { cancelledAt: now.toISOString() },
    });
    let count = 0;
    for (const assignment of shift.assignments) if (await tellYoungPerson(tx, "jobShiftReleased", assignment.employment.person, shift)) count++;
    return count;
  }, TX);
  await nudge(JOBS.deliverMessages);
  return told;
}

// ---------------------------------------------------------------- assigning

type AssignInput = { shiftId: string; employmentId: string; now: Date; assignedById: string | null; actorUserId: string };

/**
 * Puts a young person on a shift, under the shift's lock (already taken by
 * the caller) and the person's lock (taken here). Every refusal is a
 * ShiftError; a work-time refusal names the rules.
 */
async function assignLocked(tx: DbTx, input: AssignInput): Promise<{ assignmentId: string; personId: string; firstName: string }> {
  const shift = await tx.jobShift.findUniqueOrThrow({
    where: { id: input.shiftId },
    select: {
      id: true,
      postingId: true,
      startsAt: true,
      endsAt: true,
      breakMinutes: true,
      place: true,
      slots: true,
      cancelledAt: true,
      posting: { select: { title: true } },
    },
  });
  if (shift.cancelledAt) throw new ShiftError("shiftCancelled");
  if (shift.startsAt <= input.now) throw new ShiftError("shiftStarted");
  const employment = await tx.employment.findUnique({
    where: { id: input.employmentId },
    select: { id: true, postingId: true, personId: true, inSchool: true, startsOn: true, endsOn: true, endedOn: true },
  });
  if (!employment || employment.postingId !== shift.postingId) throw new ShiftError("notEmployed");
  if (!employedOn(employment, copenhagenDay(shift.startsAt))) throw new ShiftError("outsideEmployment");
  await lockRow(tx, "Person", employment.personId);
  const person = await tx.person.findUniqueOrThrow({ where: { id: employment.personId }, select: { id: true, firstName: true, birthDate: true } });
  const current = await tx.shiftAssignment.findUnique({
    where: { shiftId_employmentId: { shiftId: shift.id, employmentId: employment.id } },
    select: { id: true, status: true },
  });
  if (current?.status === "ASSIGNED") throw new ShiftError("alreadyOnShift");
  const taken = await tx.shiftAssignment.count({ where: { shiftId: shift.id, status: "ASSIGNED" } });
  if (taken >= shift.slots) throw new ShiftError("shiftFull");
  if (!person.birthDate) throw new ShiftError("noBirthDate");
  const violations = await workTimeViolations(tx, { personId: person.id, birthDate: person.birthDate, inSchool: employment.inSchool, shift });
  if (violations.length) throw new ShiftError("workTime", [{ name: person.firstName, violations }]);
  const data = {
    status: "ASSIGNED" as const,
    assignedById: input.assignedById,
    createdAt: input.now,
    releasedAt: null,
    workedMinutes: null,
    confirmedAt: null,
    confirmedById: null,
  };
  const assignment = current
    ? await tx.shiftAssignment.update({ where: { id: current.id }, data, select: { id: true } })
    : await tx.shiftAssignment.create({ data: { shiftId: shift.id, employmentId: employment.id, ...data }, select: { id: true } });
  await audit(tx, {
    actorUserId: input.actorUserId,
    action: input.assignedById ? "shiftAssignment.assign" : "shiftAssignment.take",
    entityType: "ShiftAssignment",
    entityId: assignment.id,
    before: current ? { status: current.status } : null,
    after: { status: "ASSIGNED", shiftId: shift.id, employmentId: employment.id },
  });
  // A young person who took the shift themselves saw it happen; one assigned by someone else is told.
  if (input.assignedById) await tellYoungPerson(tx, "jobShiftAssigned", person, shift);
  return { assignmentId: assignment.id, personId: person.id, firstName: person.firstName };
}

/** Staff (or the shift's responsible partner) put a young person employed on the posting on a shift. */
export async function assignShift(input: { shiftId: string; employmentId: string }, actor: Actor, now = new Date()): Promise<string> {
  const id = await db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobShift", input.shiftId))) throw new ShiftError("notFound");
    const shift = await tx.jobShift.findUniqueOrThrow({ where: { id: input.shiftId }, select: { responsibleUserId: true } });
    if (!mayRunShift(actor, shift)) throw new ShiftError("notFound");
    return (await assignLocked(tx, { ...input, now, assignedById: actor.userId, actorUserId: actor.userId })).assignmentId;
  }, TX);
  await nudge(JOBS.deliverMessages);
  return id;
}

/** A young person takes an open shift on a posting they are employed on. */
export async function takeShift(input: { shiftId: string; personId: string; userId: string }, now = new Date()): Promise<string> {
  return db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobShift", input.shiftId))) throw new ShiftError("notFound");
    const shift = await tx.jobShift.findUniqueOrThrow({ where: { id: input.shiftId }, select: { postingId: true } });
    const employments = await tx.employment.findMany({
      where: { personId: input.personId, postingId: shift.postingId },
      select: { id: true },
      orderBy: { startsOn: "desc" },
    });
    // Not their job: as if the shift did not exist.
    if (!employments.length) throw new ShiftError("notFound");
    return (await assignLocked(tx, { shiftId: input.shiftId, employmentId: employments[0]!.id, now, assignedById: null, actorUserId: input.userId }))
      .assignmentId;
  }, TX);
}

async function releaseLocked(tx: DbTx, assignmentId: string, actorUserId: string, now: Date, action: string): Promise<void> {
  const assignment = await tx.shiftAssignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: {
      id: true,
      status: true,
      employment: { select: { person: { select: { id: true, firstName: true } } } },
      shift: { select: { startsAt: true, endsAt: true, place: true, posting: { select: { title: true } } } },
    },
  });
  if (assignment.status !== "ASSIGNED") throw new ShiftError("notOnShift");
  await tx.shiftAssignment.update({ where: { id: assignment.id }, data: { status: "RELEASED", releasedAt: now } });
  await audit(tx, {
    actorUserId,
    action,
    entityType: "ShiftAssignment",
    entityId: assignment.id,
    before: { status: "ASSIGNED" },
    after: { status: "RELEASED" },
  });
  await tellYoungPerson(tx, "jobShiftReleased", assignment.employment.person, assignment.shift);
}

/** Staff (or the responsible partner) take a young person off a shift that has not started; they are told. */
export async function releaseAssignment(input: { shiftId: string; assignmentId: string }, actor: Actor, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobShift", input.shiftId))) throw new ShiftError("notFound");
    const shift = await tx.jobShift.findUniqueOrThrow({ where: { id: input.shiftId }, select: { responsibleUserId: true, startsAt: true } });
    if (!mayRunShift(actor, shift)) throw new ShiftError("notFound");
    const assignment = await tx.shiftAssignment.findUnique({ where: { id: input.assignmentId }, select: { shiftId: true } });
    if (assignment?.shiftId !== input.shiftId) throw new ShiftError("notFound");
    if (shift.startsAt <= now) throw new ShiftError("shiftStarted");
    await releaseLocked(tx, input.assignmentId, actor.userId, now, "shiftAssignment.release");
    await tx.shiftSwapRequest.updateMany({
      where: { assignmentId: input.assignmentId, status: "OPEN" },
      data: { status: "WITHDRAWN", decidedAt: now, decidedById: actor.userId },
    });
  }, TX);
  await nudge(JOBS.deliverMessages);
}

// ---------------------------------------------------------------- swaps

/** A young person asks to be released from a shift, optionally naming a colleague on the same posting. */
export async function requestSwap(
  input: { assignmentId: string; personId: string; userId: string; reason: string; takeOverEmploymentId: string | null },
  now = new Date(),
): Promise<string> {
  return db.$transaction(async (tx) => {
    const assignment = await tx.shiftAssignment.findUnique({
      where: { id: input.assignmentId },
      select: {
        id: true,
        status: true,
        employment: { select: { personId: true } },
        shift: { select: { id: true, postingId: true, startsAt: true, cancelledAt: true } },
      },
    });
    if (!assignment || assignment.employment.personId !== input.personId) throw new ShiftError("notFound");
    await lockRow(tx, "JobShift", assignment.shift.id);
    if (assignment.status !== "ASSIGNED") throw new ShiftError("notOnShift");
    if (assignment.shift.cancelledAt) throw new ShiftError("shiftCancelled");
    if (assignment.shift.startsAt <= now) throw new ShiftError("shiftStarted");
    if (await tx.shiftSwapRequest.count({ where: { assignmentId: assignment.id, status: "OPEN" } })) throw new ShiftError("requestAlreadyOpen");
    if (input.takeOverEmploymentId) {
      const colleague = await tx.employment.findUnique({
        where: { id: input.takeOverEmploymentId },
        select: { postingId: true, personId: true, startsOn: true, endsOn: true, endedOn: true },
      });
      if (
        !colleague ||
        colleague.postingId !== assignment.shift.postingId ||
        colleague.personId === input.personId ||
        !employedOn(colleague, copenhagenDay(assignment.shift.startsAt))
      )
        throw new ShiftError("colleagueInvalid");
    }
    const request = await tx.shiftSwapRequest.create({
      data: { assignmentId: assignment.id, reason: input.reason, takeOverEmploymentId: input.takeOverEmploymentId },
      select: { id: true },
    });
    await audit(tx, {
      actorUserId: input.userId,
      action: "shiftSwapRequest.create",
      entityType: "ShiftSwapRequest",
      entityId: request.id,
      after: { status: "OPEN", assignmentId: assignment.id, takeOverEmploymentId: input.takeOverEmploymentId },
    });
    return request.id;
  }, TX);
}

/**
 * Staff (or the responsible partner) decide a swap request. Approving
 * releases the young person and, if a colleague was named, assigns them —
 * with the work-time check; if that is refused nothing changes and the
 * request stays open (the ShiftError says why).
 */
export async function decideSwap(input: { requestId: string; approve: boolean }, actor: Actor, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const found = await tx.shiftSwapRequest.findUnique({ where: { id: input.requestId }, select: { assignment: { select: { shiftId: true } } } });
    if (!found) throw new ShiftError("notFound");
    await lockRow(tx, "JobShift", found.assignment.shiftId);
    const request = await tx.shiftSwapRequest.findUniqueOrThrow({
      where: { id: input.requestId },
      select: {
        id: true,
        status: true,
        assignmentId: true,
        takeOverEmploymentId: true,
        assignment: { select: { shift: { select: { id: true, responsibleUserId: true, startsAt: true } } } },
      },
    });
    const shift = request.assignment.shift;
    if (!mayRunShift(actor, shift)) throw new ShiftError("notFound");
    if (request.status !== "OPEN") throw new ShiftError("requestNotOpen");
    const status = input.approve ? "APPROVED" : "DECLINED";
    if (input.approve) {
      if (shift.startsAt <= now) throw new ShiftError("shiftStarted");
      await releaseLocked(tx, request.assignmentId, actor.userId, now, "shiftAssignment.releaseOnRequest");
      if (request.takeOverEmploymentId) {
        await assignLocked(tx, { shiftId: shift.id, employmentId: request.takeOverEmploymentId, now, assignedById: actor.userId, actorUserId: actor.userId });
      }
    }
    await tx.shiftSwapRequest.update({ where: { id: request.id }, data: { status, decidedAt: now, decidedById: actor.userId } });
    await audit(tx, {
      actorUserId: actor.userId,
      action: `shiftSwapRequest.${input.approve ? "approve" : "decline"}`,
      entityType: "ShiftSwapRequest",
      entityId: request.id,
      before: { status: "OPEN" },
      after: { status },
    });
  }, TX);
  await nudge(JOBS.deliverMessages);
}

// ---------------------------------------------------------------- hours

/**
 * Confirms the minutes a young person worked on a shift that has ended:
 * "planned" (length minus break) or a number between 0 and the shift's
 * length. Confirming again overwrites: a retried tap never counts twice.
 */
export async function confirmHours(
  input: { shiftId: string; assignmentId: string; minutes: number | "planned" },
  actor: Actor,
  now = new Date(),
): Promise<number> {
  return db.$transaction(async (tx) => {
    const assignment = await tx.shiftAssignment.findUnique({
      where: { id: input.assignmentId },
      select: {
        id: true,
        status: true,
        workedMinutes: true,
        confirmedAt: true,
        shift: { select: { id: true, startsAt: true, endsAt: true, breakMinutes: true, responsibleUserId: true, cancelledAt: true } },
      },
    });
    if (!assignment || assignment.shift.id !== input.shiftId || !mayRunShift(actor, assignment.shift)) throw new ShiftError("notFound");
    if (assignment.shift.cancelledAt) throw new ShiftError("shiftCancelled");
    if (assignment.shift.endsAt > now) throw new ShiftError("shiftNotEnded");
    if (assignment.status !== "ASSIGNED") throw new ShiftError("notOnShift");
    const minutes = input.minutes === "planned" ? plannedMinutes(assignment.shift) : input.minutes;
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > shiftLength(assignment.shift)) throw new ShiftError("minutesOutOfRange");
    await tx.shiftAssignment.update({ where: { id: assignment.id }, data: { workedMinutes: minutes, confirmedAt: now, confirmedById: actor.userId } });
    await audit(tx, {
      actorUserId: actor.userId,
      action: "shiftAssignment.confirmHours",
      entityType: "ShiftAssignment",
      entityId: assignment.id,
      before: { workedMinutes: assignment.workedMinutes, confirmed: Boolean(assignment.confirmedAt) },
      after: { workedMinutes: minutes, confirmed: true },
    });
    return minutes;
  }, TX);
}

/** Age on a day, for pages that name it next to a refusal. */
export function ageOnShift(birthDate: Date | null, startsAt: Date): number | null {
  return birthDate ? ageOn(dateOnly(birthDate), copenhagenDay(startsAt)) : null;
}

/** A refusal as route data (the page words it): its code and, for work-time rules, who it is about. */
export const refusalData = (error: ShiftError): { code: ShiftErrorCode; people: PersonViolations[]; youngest: Violation[] } => ({
  code: error.code,
  people: error.people,
  youngest: error.youngest,
});
