// Shifts on the real database: planning, taking and assigning under the
// work-time rules and the school calendar, the locks that keep two requests
// at the same moment from breaking a limit or overfilling a shift, swaps,
// hours confirmation, pay per month and the payroll export.
import { copenhagenInstant } from "../../app/domain/dates.ts";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hoursForMonth } from "../../app/domain/jobs/hours-export.server.ts";
import { deleteHoliday, listHolidays, saveHoliday } from "../../app/domain/jobs/school-calendar.server.ts";
import { myShifts, shiftDetail, shiftsOverview } from "../../app/domain/jobs/shift-views.server.ts";
import {
  assignShift,
  cancelShift,
  changeShift,
  confirmHours,
  decideSwap,
  planShifts,
  releaseAssignment,
  requestSwap,
  ShiftError,
  takeShift,
  type Actor,
} from "../../app/domain/jobs/shifts.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUser } from "../setup/helpers.ts";

// Week 10 of 2027: Monday 8 March … Sunday 14 March; nothing in the test database makes it a holiday.
const NOW = copenhagenInstant("2027-03-01", "12:00");
const at = (day: string, time: string) => copenhagenInstant(day, time);

let n = 0;
const unique = () => `${Date.now().toString(36)}${(++n).toString(36)}`;

async function staff(role: "STAFF" | "PARTNER" = "STAFF"): Promise<Actor> {
  const user = await createUser({ role, email: `${role.toLowerCase()}-${unique()}@example.dk` });
  return { userId: user.id, role };
}

async function posting(input: { payOre?: number; payUnit?: "HOUR" | "SHIFT" } = {}) {
  const suffix = unique();
  const type = await db.jobType.create({ data: { code: `job-${suffix}`, name: { da: "Legepatrulje" }, icon: "star" } });
  return db.jobPosting.create({
    data: {
      slug: `posting-${suffix}`,
      typeId: type.id,
      status: "PUBLISHED",
      title: { da: "Legepatrulje", en: "Play patrol", ar: "دورية اللعب" },
      description: { da: "Leg" },
      hoursInfo: { da: "Efter skole" },
      risks: { da: "Ingen" },
      workPlace: "Legepladsen",
      payOre: input.payOre ?? 4500,
      payUnit: input.payUnit ?? "HOUR",
      positions: 4,
      applicationDeadline: new Date("2027-12-31T00:00:00Z"),
      contactName: "Mette",
    },
  });
}

/** A young person with a login, hired on the posting. */
async function youth(postingId: string, input: { firstName?: string; birthDate?: string; inSchool?: boolean; startsOn?: string; endsOn?: string | null } = {}) {
  const suffix = unique();
  const user = await db.user.create({
    data: {
      role: "YOUTH",
      phone: `+4561${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      person: {
        create: { firstName: input.firstName ?? `Ung${suffix}`, lastName: "Test", birthDate: new Date(`${input.birthDate ?? "2013-01-01"}T00:00:00Z`) },
      },
    },
  });
  const application = await db.jobApplication.create({
    data: {
      postingId,
      personId: user.personId,
      motivation: "Jeg kan lide børn",
      status: "HIRED",
      guardianName: "Forælder",
      guardianTokenHash: randomUUID(),
      consentRequired: false,
      inSchool: input.inSchool ?? true,
    },
  });
  const employment = await db.employment.create({
    data: {
      applicationId: application.id,
      postingId,
      personId: user.personId,
      role: "Hjælper",
      startsOn: new Date(`${input.startsOn ?? "2027-01-01"}T00:00:00Z`),
      endsOn: input.endsOn === undefined ? null : input.endsOn ? new Date(`${input.endsOn}T00:00:00Z`) : null,
      inSchool: input.inSchool ?? true,
    },
  });
  return { user, personId: user.personId, employmentId: employment.id, phone: user.phone! };
}

async function shift(
  postingId: string,
  day: string,
  start: string,
  end: string,
  input: { slots?: number; breakMinutes?: number; responsibleUserId?: string | null } = {},
) {
  return db.jobShift.create({
    data: {
      postingId,
      startsAt: at(day, start),
      endsAt: at(day, end),
      breakMinutes: input.breakMinutes ?? 0,
      place: "Legepladsen",
      slots: input.slots ?? 2,
      responsibleUserId: input.responsibleUserId ?? null,
    },
  });
}

async function refusal(promise: Promise<unknown>): Promise<ShiftError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ShiftError)) throw new Error(`expected a ShiftError, got ${String(error)}`);
  return error;
}

describe("planning", () => {
  it("plans a weekly series until a day, audited; refuses a start in the past and a responsible person who is not staff or partner", async () => {
    const job = await posting();
    const admin = await staff();
    const parent = await createUser({ role: "PARENT", email: `p-${unique()}@example.dk` });
    const plan = {
      postingId: job.id,
      day: "2027-03-08",
      startTime: "15:00",
      endTime: "17:00",
      breakMinutes: 0,
      place: "Legepladsen",
      slots: 3,
      responsibleUserId: admin.userId,
      note: null,
      repeatUntil: "2027-03-29",
    };
    expect(await planShifts(plan, admin.userId, NOW)).toBe(4);
    const shifts = await db.jobShift.findMany({ where: { postingId: job.id }, orderBy: { startsAt: "asc" } });
    expect(shifts.map((s) => s.startsAt.toISOString())).toEqual([
      "2027-03-08T14:00:00.000Z",
      "2027-03-15T14:00:00.000Z",
      "2027-03-22T14:00:00.000Z",
      "2027-03-29T13:00:00.000Z", // summer time from 28 March: still 15:00 in Randers
    ]);
    expect(await db.auditEvent.count({ where: { entityType: "JobShift", action: "jobShift.create", actorUserId: admin.userId } })).toBe(4);
    expect((await refusal(planShifts({ ...plan, day: "2027-02-22", repeatUntil: null }, admin.userId, NOW))).code).toBe("startInPast");
    expect((await refusal(planShifts({ ...plan, responsibleUserId: parent.id }, admin.userId, NOW))).code).toBe("responsibleInvalid");
    expect((await refusal(planShifts({ ...plan, breakMinutes: 120, repeatUntil: null }, admin.userId, NOW))).code).toBe("breakTooLong");
  });
});

describe("assigning under the work-time rules", () => {
  it("refuses a 3-hour shift on a school day for a 14-year-old, naming the rule, and assigns a 2-hour one with a message", async () => {
    const job = await posting();
    const admin = await staff();
    const ali = await youth(job.id, { firstName: "Ali", birthDate: "2013-01-01" });
    const long = await shift(job.id, "2027-03-12", "14:00", "17:00");
    const error = await refusal(assignShift({ shiftId: long.id, employmentId: ali.employmentId }, admin, NOW));
    expect(error.code).toBe("workTime");
    expect(error.people).toEqual([{ name: "Ali", violations: [{ rule: "dayLimit", age: 14, schoolDay: true, limitMinutes: 120, totalMinutes: 180 }] }]);
    expect(await db.shiftAssignment.count({ where: { shiftId: long.id } })).toBe(0);

    const short = await shift(job.id, "2027-03-12", "15:00", "17:00");
    const assignmentId = await assignShift({ shiftId: short.id, employmentId: ali.employmentId }, admin, NOW);
    expect(await db.shiftAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).toMatchObject({ status: "ASSIGNED", assignedById: admin.userId });
    const message = await db.message.findFirstOrThrow({ where: { recipient: ali.phone, template: "jobShiftAssigned" } });
    expect(message.body).toContain("/my/shifts");
    expect(await db.auditEvent.count({ where: { entityType: "ShiftAssignment", entityId: assignmentId, action: "shiftAssignment.assign" } })).toBe(1);
  });

  it("counts shifts in all the person's jobs, and a school holiday row makes the day school-free", async () => {
    const play = await posting();
    const coach = await posting();
    const admin = await staff();
    const sara = await youth(play.id, { firstName: "Sara", birthDate: "2013-01-01" });
    // The same person hired on a second job.
    const application = await db.jobApplication.create({
      data: {
        postingId: coach.id,
        personId: sara.personId,
        motivation: "x",
        status: "HIRED",
        guardianName: "F",
        guardianTokenHash: randomUUID(),
        consentRequired: false,
      },
    });
    const second = await db.employment.create({
      data: { applicationId: application.id, postingId: coach.id, personId: sara.personId, role: "Træner", startsOn: new Date("2027-01-01") },
    });
    const first = await shift(play.id, "2027-03-10", "15:00", "16:00");
    await assignShift({ shiftId: first.id, employmentId: sara.employmentId }, admin, NOW);
    const other = await shift(coach.id, "2027-03-10", "17:00", "18:30");
    const error = await refusal(assignShift({ shiftId: other.id, employmentId: second.id }, admin, NOW));
    expect(error.people[0]!.violations).toEqual([{ rule: "dayLimit", age: 14, schoolDay: true, limitMinutes: 120, totalMinutes: 150 }]);

    // The autumn holiday as data: a Monday inside it allows 7 hours (with a break) for a 14-year-old.
    const holidayId = await saveHoliday(
      { id: null, name: { da: "Efterårsferie", en: "Autumn holiday", ar: "عطلة الخريف" }, startsOn: "2027-10-16", endsOn: "2027-10-24" },
      admin.userId,
    );
    const autumn = await shift(play.id, "2027-10-18", "09:00", "16:00", { breakMinutes: 30 });
    await assignShift({ shiftId: autumn.id, employmentId: sara.employmentId }, admin, NOW);
    const week = await shift(play.id, "2027-10-25", "09:00", "12:00");
    expect((await refusal(assignShift({ shiftId: week.id, employmentId: sara.employmentId }, admin, NOW))).people[0]!.violations[0]!.rule).toBe("dayLimit");
    expect((await listHolidays()).map((h) => h.id)).toContain(holidayId);
    expect(await db.auditEvent.count({ where: { entityType: "SchoolHoliday", entityId: holidayId } })).toBe(1);
    await deleteHoliday(holidayId, admin.userId);
    expect(await db.auditEvent.count({ where: { entityType: "SchoolHoliday", entityId: holidayId } })).toBe(2);
  });

  it("refuses outside the employment, a full shift, a started or cancelled shift, someone not employed there, and twice the same person", async () => {
    const job = await posting();
    const otherJob = await posting();
    const admin = await staff();
    const late = await youth(job.id, { birthDate: "2011-01-01", startsOn: "2027-03-15" });
    const a = await youth(job.id, { birthDate: "2011-01-01" });
    const b = await youth(job.id, { birthDate: "2011-01-01" });
    const stranger = await youth(otherJob.id, { birthDate: "2011-01-01" });
    const one = await shift(job.id, "2027-03-09", "15:00", "16:00", { slots: 1 });
    expect((await refusal(assignShift({ shiftId: one.id, employmentId: late.employmentId }, admin, NOW))).code).toBe("outsideEmployment");
    expect((await refusal(assignShift({ shiftId: one.id, employmentId: stranger.employmentId }, admin, NOW))).code).toBe("notEmployed");
    await assignShift({ shiftId: one.id, employmentId: a.employmentId }, admin, NOW);
    expect((await refusal(assignShift({ shiftId: one.id, employmentId: a.employmentId }, admin, NOW))).code).toBe("alreadyOnShift");
    expect((await refusal(assignShift({ shiftId: one.id, employmentId: b.employmentId }, admin, NOW))).code).toBe("shiftFull");
    expect((await refusal(assignShift({ shiftId: one.id, employmentId: b.employmentId }, admin, at("2027-03-09", "15:00")))).code).toBe("shiftStarted");
    const two = await shift(job.id, "2027-03-11", "15:00", "16:00");
    await cancelShift({ shiftId: two.id }, admin, NOW);
    expect((await refusal(assignShift({ shiftId: two.id, employmentId: b.employmentId }, admin, NOW))).code).toBe("shiftCancelled");
  });

  it("a partner runs only the shifts they are responsible for; a young person takes only shifts of their own job", async () => {
    const job = await posting();
    const trainer = await staff("PARTNER");
    const otherPartner = await staff("PARTNER");
    const nour = await youth(job.id, { birthDate: "2011-01-01" });
    const theirs = await shift(job.id, "2027-03-09", "15:00", "16:00", { responsibleUserId: trainer.userId });
    expect((await refusal(assignShift({ shiftId: theirs.id, employmentId: nour.employmentId }, otherPartner, NOW))).code).toBe("notFound");
    expect(await shiftDetail(theirs.id, otherPartner, NOW)).toBeNull();
    expect((await shiftsOverview(otherPartner, NOW)).upcoming).toEqual([]);
    await assignShift({ shiftId: theirs.id, employmentId: nour.employmentId }, trainer, NOW);
    expect((await shiftDetail(theirs.id, trainer, NOW))?.people.map((p) => p.age)).toEqual([16]);

    const elsewhere = await posting();
    const foreign = await shift(elsewhere.id, "2027-03-10", "15:00", "16:00");
    expect((await refusal(takeShift({ shiftId: foreign.id, personId: nour.personId, userId: nour.user.id }, NOW))).code).toBe("notFound");
    const open = await shift(job.id, "2027-03-10", "15:00", "16:00");
    const taken = await takeShift({ shiftId: open.id, personId: nour.personId, userId: nour.user.id }, NOW);
    expect(await db.shiftAssignment.findUniqueOrThrow({ where: { id: taken } })).toMatchObject({ assignedById: null, status: "ASSIGNED" });
    // Taking it themselves sends no message (they saw it happen).
    expect(await db.message.count({ where: { recipient: nour.phone, template: "jobShiftAssigned" } })).toBe(1);
  });

  it("shows open shifts to the young person with a warning when the rules would refuse one", async () => {
    const job = await posting();
    const maya = await youth(job.id, { firstName: "Maya", birthDate: "2013-06-01" });
    await shift(job.id, "2027-03-12", "14:00", "17:00"); // 3 hours on a Friday with school
    await shift(job.id, "2027-03-13", "10:00", "13:00"); // Saturday: fine
    const page = await myShifts(maya.personId, NOW);
    expect(page.open.map((s) => s.violations.map((v) => v.rule))).toEqual([["dayLimit"], []]);
  });
});

describe("changing and cancelling shifts", () => {
  it("refuses new times that would break a rule for someone on the shift, and allows other changes", async () => {
    const job = await posting();
    const admin = await staff();
    const ali = await youth(job.id, { firstName: "Ali", birthDate: "2013-01-01" });
    const s = await shift(job.id, "2027-03-09", "15:00", "17:00", { slots: 2 });
    await assignShift({ shiftId: s.id, employmentId: ali.employmentId }, admin, NOW);
    const base = {
      shiftId: s.id,
      day: "2027-03-09",
      startTime: "15:00",
      endTime: "17:00",
      breakMinutes: 0,
      place: "Hallen",
      slots: 2,
      responsibleUserId: null,
      note: null,
    };
    const error = await refusal(changeShift({ ...base, endTime: "18:00" }, admin, NOW));
    expect(error.code).toBe("workTime");
    expect(error.people[0]).toMatchObject({ name: "Ali", violations: [{ rule: "dayLimit", totalMinutes: 180 }] });
    expect((await refusal(changeShift({ ...base, slots: 0 }, admin, NOW))).code).toBe("slotsBelowTaken");
    await changeShift({ ...base, startTime: "14:30", endTime: "16:30" }, admin, NOW);
    const changed = await db.jobShift.findUniqueOrThrow({ where: { id: s.id } });
    expect(changed.place).toBe("Hallen");
    expect(changed.startsAt).toEqual(at("2027-03-09", "14:30"));
  });

  it("cancelling a shift releases everyone on it and tells them", async () => {
    const job = await posting();
    const admin = await staff();
    const a = await youth(job.id, { birthDate: "2011-01-01" });
    const s = await shift(job.id, "2027-03-09", "15:00", "17:00");
    await assignShift({ shiftId: s.id, employmentId: a.employmentId }, admin, NOW);
    expect(await cancelShift({ shiftId: s.id }, admin, NOW)).toBe(1);
    expect((await db.shiftAssignment.findFirstOrThrow({ where: { shiftId: s.id } })).status).toBe("RELEASED");
    expect(await db.message.count({ where: { recipient: a.phone, template: "jobShiftReleased" } })).toBe(1);
    expect((await refusal(cancelShift({ shiftId: s.id }, admin, NOW))).code).toBe("shiftCancelled");
    expect((await refusal(cancelShift({ shiftId: s.id }, await staff("PARTNER"), NOW))).code).toBe("notFound");
  });
});

describe("at the same moment", () => {
  it("two young people take the last place at once: exactly one gets it", async () => {
    const job = await posting();
    const a = await youth(job.id, { birthDate: "2011-01-01" });
    const b = await youth(job.id, { birthDate: "2011-01-01" });
    for (let round = 0; round < 5; round++) {
      const s = await shift(job.id, `2027-03-${String(8 + round).padStart(2, "0")}`, "15:00", "16:00", { slots: 1 });
      const results = await Promise.allSettled([
        takeShift({ shiftId: s.id, personId: a.personId, userId: a.user.id }, NOW),
        takeShift({ shiftId: s.id, personId: b.personId, userId: b.user.id }, NOW),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((rejected.reason as ShiftError).code).toBe("shiftFull");
      expect(await db.shiftAssignment.count({ where: { shiftId: s.id, status: "ASSIGNED" } })).toBe(1);
    }
  });

  it("one young person takes two shifts on the same school day at once, fine alone but 3 hours together: exactly one", async () => {
    const job = await posting();
    const a = await youth(job.id, { birthDate: "2013-01-01" });
    for (let round = 0; round < 5; round++) {
      const day = `2027-03-${String(8 + round).padStart(2, "0")}`;
      const first = await shift(job.id, day, "14:00", "15:30");
      const second = await shift(job.id, day, "16:00", "17:30");
      const results = await Promise.allSettled([
        takeShift({ shiftId: first.id, personId: a.personId, userId: a.user.id }, NOW),
        takeShift({ shiftId: second.id, personId: a.personId, userId: a.user.id }, NOW),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((rejected.reason as ShiftError).code).toBe("workTime");
      expect(
        await db.shiftAssignment.count({ where: { employmentId: a.employmentId, status: "ASSIGNED", shift: { id: { in: [first.id, second.id] } } } }),
      ).toBe(1);
    }
  });
});

describe("swaps", () => {
  it("approving with a colleague releases one and assigns the other; a colleague the rules refuse leaves the request open", async () => {
    const job = await posting();
    const admin = await staff();
    const a = await youth(job.id, { firstName: "Amir", birthDate: "2011-01-01" });
    const b = await youth(job.id, { firstName: "Bashir", birthDate: "2013-01-01" });
    const s = await shift(job.id, "2027-03-09", "15:00", "17:00");
    const mine = await assignShift({ shiftId: s.id, employmentId: a.employmentId }, admin, NOW);
    // Bashir already works 1 hour that day: taking over 2 more would break the 2-hour limit.
    const other = await shift(job.id, "2027-03-09", "12:00", "13:00");
    await assignShift({ shiftId: other.id, employmentId: b.employmentId }, admin, NOW);
    const requestId = await requestSwap(
      { assignmentId: mine, personId: a.personId, userId: a.user.id, reason: "Jeg er syg", takeOverEmploymentId: b.employmentId },
      NOW,
    );
    expect(
      (await refusal(requestSwap({ assignmentId: mine, personId: a.personId, userId: a.user.id, reason: "Igen", takeOverEmploymentId: null }, NOW))).code,
    ).toBe("requestAlreadyOpen");
    expect(
      (await refusal(requestSwap({ assignmentId: mine, personId: b.personId, userId: b.user.id, reason: "x", takeOverEmploymentId: null }, NOW))).code,
    ).toBe("notFound");
    const refused = await refusal(decideSwap({ requestId, approve: true }, admin, NOW));
    expect(refused.code).toBe("workTime");
    expect(refused.people[0]!.name).toBe("Bashir");
    expect((await db.shiftSwapRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("OPEN");
    expect((await db.shiftAssignment.findUniqueOrThrow({ where: { id: mine } })).status).toBe("ASSIGNED");

    await releaseAssignment({ shiftId: other.id, assignmentId: (await db.shiftAssignment.findFirstOrThrow({ where: { shiftId: other.id } })).id }, admin, NOW);
    await decideSwap({ requestId, approve: true }, admin, NOW);
    expect((await db.shiftAssignment.findUniqueOrThrow({ where: { id: mine } })).status).toBe("RELEASED");
    expect(await db.shiftAssignment.count({ where: { shiftId: s.id, employmentId: b.employmentId, status: "ASSIGNED" } })).toBe(1);
    expect((await db.shiftSwapRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("APPROVED");
    expect(await db.message.count({ where: { recipient: a.phone, template: "jobShiftReleased" } })).toBe(1);
    expect((await refusal(decideSwap({ requestId, approve: false }, admin, NOW))).code).toBe("requestNotOpen");
  });

  it("declining keeps the young person on the shift", async () => {
    const job = await posting();
    const admin = await staff();
    const a = await youth(job.id, { birthDate: "2011-01-01" });
    const s = await shift(job.id, "2027-03-09", "15:00", "17:00");
    const mine = await assignShift({ shiftId: s.id, employmentId: a.employmentId }, admin, NOW);
    const requestId = await requestSwap({ assignmentId: mine, personId: a.personId, userId: a.user.id, reason: "Fødselsdag", takeOverEmploymentId: null }, NOW);
    await decideSwap({ requestId, approve: false }, admin, NOW);
    expect((await db.shiftAssignment.findUniqueOrThrow({ where: { id: mine } })).status).toBe("ASSIGNED");
    expect((await db.shiftSwapRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("DECLINED");
  });
});

describe("hours and pay", () => {
  it("confirms hours only after the shift, as planned or adjusted within its length, idempotently, by staff or the responsible partner", async () => {
    const job = await posting({ payOre: 4510 });
    const admin = await staff();
    const trainer = await staff("PARTNER");
    const a = await youth(job.id, { firstName: "Hiba", birthDate: "2011-01-01" });
    const s = await shift(job.id, "2027-03-09", "15:00", "17:00", { breakMinutes: 15, responsibleUserId: trainer.userId });
    const assignmentId = await assignShift({ shiftId: s.id, employmentId: a.employmentId }, admin, NOW);
    const input = { shiftId: s.id, assignmentId };
    expect((await refusal(confirmHours({ ...input, minutes: "planned" }, trainer, at("2027-03-09", "16:59")))).code).toBe("shiftNotEnded");
    const after = at("2027-03-09", "17:00");
    expect((await refusal(confirmHours({ ...input, minutes: "planned" }, await staff("PARTNER"), after))).code).toBe("notFound");
    expect(await confirmHours({ ...input, minutes: "planned" }, trainer, after)).toBe(105);
    expect(await confirmHours({ ...input, minutes: "planned" }, trainer, after)).toBe(105);
    expect((await refusal(confirmHours({ ...input, minutes: 121 }, admin, after))).code).toBe("minutesOutOfRange");
    expect((await refusal(confirmHours({ ...input, minutes: -1 }, admin, after))).code).toBe("minutesOutOfRange");
    expect(await confirmHours({ ...input, minutes: 120 }, admin, after)).toBe(120);
    expect(await db.shiftAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).toMatchObject({ workedMinutes: 120, confirmedById: admin.userId });
    expect(await db.auditEvent.count({ where: { entityId: assignmentId, action: "shiftAssignment.confirmHours" } })).toBe(3);

    const month = await hoursForMonth("2027-03", "da");
    // 120 minutes at 45,10 kr/h.
    expect(month.rows.find((r) => r.name === "Hiba Test")).toMatchObject({
      shifts: 1,
      minutes: 120,
      payOre: 9020,
      job: "Legepatrulje",
      birthDate: "2011-01-01",
    });
    expect((await hoursForMonth("2027-04", "da")).rows.find((r) => r.name === "Hiba Test")).toBeUndefined();
  });

  it("the young person sees confirmed pay per month, and unconfirmed hours apart as waiting", async () => {
    const job = await posting({ payOre: 6000 });
    const admin = await staff();
    const a = await youth(job.id, { birthDate: "2011-01-01" });
    const s1 = await shift(job.id, "2027-03-02", "17:30", "19:30");
    const s2 = await shift(job.id, "2027-03-09", "17:30", "19:30");
    const s3 = await shift(job.id, "2027-03-16", "17:30", "19:30");
    const early = copenhagenInstant("2027-02-20", "12:00");
    const ids = [];
    for (const s of [s1, s2, s3]) ids.push(await assignShift({ shiftId: s.id, employmentId: a.employmentId }, admin, early));
    const later = copenhagenInstant("2027-03-20", "12:00");
    await confirmHours({ shiftId: s1.id, assignmentId: ids[0]!, minutes: "planned" }, admin, later);
    await confirmHours({ shiftId: s2.id, assignmentId: ids[1]!, minutes: 90 }, admin, later);
    const page = await myShifts(a.personId, later);
    expect(page.months).toEqual([{ month: "2027-03", minutes: 210, shifts: 2, payOre: 21000, waitingMinutes: 120, waitingShifts: 1 }]);
    expect(page.waiting.map((w) => w.plannedMinutes)).toEqual([120]);
    const overview = await shiftsOverview(admin, later);
    expect(overview.awaiting.find((s) => s.id === s3.id)?.unconfirmed).toBe(1);
  });
});
