// What the shift pages show: a posting's shifts, the staff overview, one
// shift with the young people who may be put on it, and a young person's own
// shifts, hours and pocket money. Read-only; changes are in shifts.server.ts.
// Work-time warnings shown here are previews: the check that counts runs
// again under locks when the shift is taken or assigned.
import { db } from "~/lib/db.server.ts";
import { copenhagenDay, dateOnly } from "../dates.ts";
import { payByMonth, type MonthTotal, type PayUnit } from "./pay.ts";
import { calendarAround } from "./school-calendar.server.ts";
import { isStaff } from "~/lib/roles.ts";
import { ageOnShift, employedOn, mayRunShift, plannedMinutes, type Actor } from "./shifts.server.ts";
import { checkShift, type Shift, type Violation } from "./work-time.ts";

const DAY_MS = 24 * 3_600_000;
const personName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** Users who may be responsible for a shift: staff, admins and partners with a working login. */
export async function responsiblePeople(): Promise<{ id: string; name: string; organisation: string | null }[]> {
  const users = await db.user.findMany({
    where: { role: { in: ["STAFF", "ADMIN", "PARTNER"] }, disabledAt: null },
    select: { id: true, person: { select: { firstName: true, lastName: true } }, organisation: { select: { name: true } } },
    orderBy: [{ person: { firstName: "asc" } }, { person: { lastName: "asc" } }],
  });
  return users.map((user) => ({ id: user.id, name: personName(user.person), organisation: user.organisation?.name ?? null }));
}

/** Work-time previews for one person and several shifts (each checked as if it were the next one taken). */
async function previews(
  person: { id: string; birthDate: Date | null; inSchool: boolean },
  shifts: readonly (Shift & { id: string })[],
): Promise<Map<string, Violation[]>> {
  const out = new Map<string, Violation[]>();
  if (!shifts.length || !person.birthDate) return out;
  const from = new Date(Math.min(...shifts.map((s) => s.startsAt.getTime())) - 8 * DAY_MS);
  const until = new Date(Math.max(...shifts.map((s) => s.endsAt.getTime())) + 8 * DAY_MS);
  const [existing, isSchoolDay] = await Promise.all([
    db.jobShift.findMany({
      where: { cancelledAt: null, startsAt: { gte: from, lte: until }, assignments: { some: { status: "ASSIGNED", employment: { personId: person.id } } } },
      select: { id: true, startsAt: true, endsAt: true, breakMinutes: true },
    }),
    calendarAround(db, copenhagenDay(from), copenhagenDay(until)),
  ]);
  const who = { birthDate: dateOnly(person.birthDate), inSchool: person.inSchool };
  for (const shift of shifts) {
    out.set(
      shift.id,
      checkShift(
        who,
        existing.filter((other) => other.id !== shift.id),
        shift,
        isSchoolDay,
      ),
    );
  }
  return out;
}

const shiftSelect = {
  id: true,
  postingId: true,
  startsAt: true,
  endsAt: true,
  breakMinutes: true,
  place: true,
  slots: true,
  note: true,
  cancelledAt: true,
  responsibleUserId: true,
} as const;

// ---------------------------------------------------------------- one posting (staff)

export async function postingShifts(postingId: string, now = new Date()) {
  const posting = await db.jobPosting.findUnique({
    where: { id: postingId },
    select: { id: true, title: true, workPlace: true, payOre: true, payUnit: true },
  });
  if (!posting) return null;
  const [shifts, responsible] = await Promise.all([
    db.jobShift.findMany({
      where: { postingId, endsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
      take: 200,
      select: {
        ...shiftSelect,
        assignments: { where: { status: "ASSIGNED" }, select: { employment: { select: { person: { select: { firstName: true, lastName: true } } } } } },
      },
    }),
    responsiblePeople(),
  ]);
  const names = new Map(responsible.map((user) => [user.id, user.name]));
  return {
    posting,
    responsible,
    shifts: shifts.map((shift) => ({
      id: shift.id,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      breakMinutes: shift.breakMinutes,
      place: shift.place,
      slots: shift.slots,
      note: shift.note,
      cancelled: Boolean(shift.cancelledAt),
      started: shift.startsAt <= now,
      responsible: shift.responsibleUserId ? (names.get(shift.responsibleUserId) ?? null) : null,
      people: shift.assignments.map((assignment) => personName(assignment.employment.person)),
      free: Math.max(0, shift.slots - shift.assignments.length),
    })),
  };
}

// ---------------------------------------------------------------- overview (staff, partners)

export async function shiftsOverview(actor: Actor, now = new Date()) {
  const mine = isStaff(actor) ? {} : { responsibleUserId: actor.userId };
  const [upcoming, awaiting, swaps] = await Promise.all([
    db.jobShift.findMany({
      where: { ...mine, cancelledAt: null, endsAt: { gt: now }, startsAt: { lt: new Date(now.getTime() + 42 * DAY_MS) } },
      orderBy: { startsAt: "asc" },
      take: 150,
      select: {
        ...shiftSelect,
        posting: { select: { title: true } },
        assignments: { where: { status: "ASSIGNED" }, select: { employment: { select: { person: { select: { firstName: true, lastName: true } } } } } },
      },
    }),
    db.jobShift.findMany({
      where: { ...mine, cancelledAt: null, endsAt: { lte: now }, assignments: { some: { status: "ASSIGNED", confirmedAt: null } } },
      orderBy: { startsAt: "desc" },
      take: 100,
      select: {
        ...shiftSelect,
        posting: { select: { title: true } },
        _count: { select: { assignments: { where: { status: "ASSIGNED", confirmedAt: null } } } },
      },
    }),
    db.shiftSwapRequest.findMany({
      where: { status: "OPEN", assignment: { shift: mine } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        reason: true,
        createdAt: true,
        takeOverEmploymentId: true,
        assignment: {
          select: {
            employment: { select: { person: { select: { firstName: true, lastName: true } } } },
            shift: { select: { id: true, startsAt: true, endsAt: true, place: true, posting: { select: { title: true } } } },
          },
        },
      },
    }),
  ]);
  const colleagueIds = swaps.map((swap) => swap.takeOverEmploymentId).filter((id): id is string => Boolean(id));
  const colleagues = new Map(
    (await db.employment.findMany({ where: { id: { in: colleagueIds } }, select: { id: true, person: { select: { firstName: true, lastName: true } } } })).map(
      (row) => [row.id, personName(row.person)],
    ),
  );
  return {
    upcoming: upcoming.map((shift) => ({
      id: shift.id,
      title: shift.posting.title,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      place: shift.place,
      people: shift.assignments.map((assignment) => personName(assignment.employment.person)),
      free: Math.max(0, shift.slots - shift.assignments.length),
    })),
    awaiting: awaiting.map((shift) => ({
      id: shift.id,
      title: shift.posting.title,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      place: shift.place,
      unconfirmed: shift._count.assignments,
    })),
    swaps: swaps.map((swap) => ({
      id: swap.id,
      reason: swap.reason,
      createdAt: swap.createdAt,
      name: personName(swap.assignment.employment.person),
      colleague: swap.takeOverEmploymentId ? (colleagues.get(swap.takeOverEmploymentId) ?? null) : null,
      shift: { ...swap.assignment.shift, title: swap.assignment.shift.posting.title },
    })),
  };
}

// ---------------------------------------------------------------- one shift (staff, responsible partner)

/** One shift for the people who run it; null when it does not exist or the actor may not run it. */
export async function shiftDetail(shiftId: string, actor: Actor, now = new Date()) {
  const shift = await db.jobShift.findUnique({
    where: { id: shiftId },
    select: {
      ...shiftSelect,
      posting: { select: { id: true, title: true, payOre: true, payUnit: true } },
      assignments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          workedMinutes: true,
          confirmedAt: true,
          employmentId: true,
          employment: { select: { person: { select: { firstName: true, lastName: true, birthDate: true } } } },
          swapRequests: { where: { status: "OPEN" }, select: { id: true, reason: true } },
        },
      },
    },
  });
  if (!shift || !mayRunShift(actor, shift)) return null;
  const day = copenhagenDay(shift.startsAt);
  const onShift = new Set(shift.assignments.filter((a) => a.status === "ASSIGNED").map((a) => a.employmentId));
  const employments = await db.employment.findMany({
    where: { postingId: shift.postingId },
    select: {
      id: true,
      inSchool: true,
      startsOn: true,
      endsOn: true,
      endedOn: true,
      person: { select: { id: true, firstName: true, lastName: true, birthDate: true } },
    },
    orderBy: [{ person: { firstName: "asc" } }, { person: { lastName: "asc" } }],
  });
  const open = !shift.cancelledAt && shift.startsAt > now;
  const candidates = open
    ? await Promise.all(
        employments
          .filter((employment) => employedOn(employment, day) && !onShift.has(employment.id))
          .map(async (employment) => ({
            employmentId: employment.id,
            name: personName(employment.person),
            firstName: employment.person.firstName,
            age: ageOnShift(employment.person.birthDate, shift.startsAt),
            violations: (await previews({ ...employment.person, inSchool: employment.inSchool }, [shift])).get(shift.id) ?? [],
          })),
      )
    : [];
  const assigned = shift.assignments.filter((a) => a.status === "ASSIGNED");
  const responsible = shift.responsibleUserId
    ? await db.user.findUnique({ where: { id: shift.responsibleUserId }, select: { person: { select: { firstName: true, lastName: true } } } })
    : null;
  return {
    shift: {
      id: shift.id,
      postingId: shift.postingId,
      title: shift.posting.title,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      breakMinutes: shift.breakMinutes,
      place: shift.place,
      slots: shift.slots,
      note: shift.note,
      responsibleUserId: shift.responsibleUserId,
      responsible: responsible ? personName(responsible.person) : null,
      cancelled: Boolean(shift.cancelledAt),
      started: shift.startsAt <= now,
      ended: shift.endsAt <= now,
      plannedMinutes: plannedMinutes(shift),
      lengthMinutes: Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000),
      free: Math.max(0, shift.slots - assigned.length),
    },
    people: assigned.map((assignment) => ({
      assignmentId: assignment.id,
      name: personName(assignment.employment.person),
      age: ageOnShift(assignment.employment.person.birthDate, shift.startsAt),
      workedMinutes: assignment.workedMinutes,
      confirmed: Boolean(assignment.confirmedAt),
      openRequest: assignment.swapRequests[0] ?? null,
    })),
    released: shift.assignments.filter((a) => a.status === "RELEASED").map((a) => personName(a.employment.person)),
    candidates,
    mayEdit: isStaff(actor),
  };
}

// ---------------------------------------------------------------- the young person's own

export type MyMonth = MonthTotal & { waitingMinutes: number; waitingShifts: number };

/** A young person's shifts: open ones they may take (with a warning if the rules would refuse), their own, and pay per month. */
export async function myShifts(personId: string, now = new Date()) {
  const [person, employments] = await Promise.all([
    db.person.findUniqueOrThrow({ where: { id: personId }, select: { id: true, firstName: true, birthDate: true } }),
    db.employment.findMany({
      where: { personId },
      select: {
        id: true,
        postingId: true,
        role: true,
        inSchool: true,
        startsOn: true,
        endsOn: true,
        endedOn: true,
        posting: { select: { title: true, payOre: true, payUnit: true } },
      },
    }),
  ]);
  const employmentIds = employments.map((employment) => employment.id);
  const postingIds = employments.map((employment) => employment.postingId);
  const [openShifts, mine, colleagues] = await Promise.all([
    db.jobShift.findMany({
      where: {
        postingId: { in: postingIds },
        cancelledAt: null,
        startsAt: { gt: now },
        assignments: { none: { employmentId: { in: employmentIds }, status: "ASSIGNED" } },
      },
      orderBy: { startsAt: "asc" },
      take: 60,
      select: { ...shiftSelect, posting: { select: { title: true } }, _count: { select: { assignments: { where: { status: "ASSIGNED" } } } } },
    }),
    db.shiftAssignment.findMany({
      where: { employmentId: { in: employmentIds }, status: "ASSIGNED", shift: { cancelledAt: null } },
      orderBy: { shift: { startsAt: "asc" } },
      select: {
        id: true,
        workedMinutes: true,
        confirmedAt: true,
        employment: { select: { postingId: true, posting: { select: { payOre: true, payUnit: true } } } },
        shift: { select: { id: true, postingId: true, startsAt: true, endsAt: true, breakMinutes: true, place: true, posting: { select: { title: true } } } },
        swapRequests: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, reason: true } },
      },
    }),
    db.employment.findMany({
      where: { postingId: { in: postingIds }, personId: { not: personId }, endedOn: null },
      select: { id: true, postingId: true, person: { select: { firstName: true, lastName: true } } },
      orderBy: { person: { firstName: "asc" } },
    }),
  ]);
  const employmentFor = new Map(employments.map((employment) => [employment.postingId, employment]));
  const available = openShifts.filter((shift) => {
    const employment = employmentFor.get(shift.postingId);
    return employment && employedOn(employment, copenhagenDay(shift.startsAt)) && shift._count.assignments < shift.slots;
  });
  const warnings = new Map<string, Violation[]>();
  for (const employment of employments) {
    const theirs = available.filter((shift) => shift.postingId === employment.postingId);
    for (const [id, violations] of await previews({ id: personId, birthDate: person.birthDate, inSchool: employment.inSchool }, theirs))
      warnings.set(id, violations);
  }
  const confirmed = mine.filter((a) => a.confirmedAt && a.workedMinutes !== null);
  const months = payByMonth(
    confirmed.map((a) => ({
      postingId: a.shift.postingId,
      startsAt: a.shift.startsAt,
      workedMinutes: a.workedMinutes!,
      rate: { payUnit: a.employment.posting.payUnit as PayUnit, payOre: a.employment.posting.payOre },
    })),
  );
  const waiting = mine.filter((a) => !a.confirmedAt && a.shift.endsAt <= now);
  const monthMap = new Map<string, MyMonth>(months.map((month) => [month.month, { ...month, waitingMinutes: 0, waitingShifts: 0 }]));
  for (const assignment of waiting) {
    const month = copenhagenDay(assignment.shift.startsAt).slice(0, 7);
    const row = monthMap.get(month) ?? { month, minutes: 0, shifts: 0, payOre: 0, waitingMinutes: 0, waitingShifts: 0 };
    row.waitingMinutes += plannedMinutes(assignment.shift);
    row.waitingShifts += 1;
    monthMap.set(month, row);
  }
  return {
    firstName: person.firstName,
    employed: employments.length > 0,
    open: available.map((shift) => ({
      id: shift.id,
      title: shift.posting.title,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      breakMinutes: shift.breakMinutes,
      place: shift.place,
      note: shift.note,
      free: shift.slots - shift._count.assignments,
      violations: warnings.get(shift.id) ?? [],
    })),
    upcoming: mine
      .filter((a) => a.shift.endsAt > now)
      .map((a) => ({
        assignmentId: a.id,
        title: a.shift.posting.title,
        startsAt: a.shift.startsAt,
        endsAt: a.shift.endsAt,
        place: a.shift.place,
        started: a.shift.startsAt <= now,
        request: a.swapRequests[0] ?? null,
        colleagues: colleagues.filter((c) => c.postingId === a.shift.postingId).map((c) => ({ employmentId: c.id, name: personName(c.person) })),
      })),
    waiting: waiting.map((a) => ({
      assignmentId: a.id,
      title: a.shift.posting.title,
      startsAt: a.shift.startsAt,
      endsAt: a.shift.endsAt,
      plannedMinutes: plannedMinutes(a.shift),
    })),
    months: [...monthMap.values()].sort((a, b) => b.month.localeCompare(a.month)),
  };
}
