// Absence notices (afbud, issue 19): a guardian reports that a child with a place will not come; staff see it on the
// attendance list as notified absence, it is no miss in a row, and the family can take it back until the start.
import { describe, expect, it } from "vitest";
import { absencePage, recordAbsenceForFamily, reportAbsence, sessionAbsences, undoAbsence } from "../../app/domain/attendance/absence.server.ts";
import { markAttendance, missedInARow } from "../../app/domain/attendance/attendance.server.ts";
import { addDaysToDay, copenhagenDay, copenhagenInstant, mondayOf } from "../../app/domain/dates.ts";
import { sendDueReminders } from "../../app/domain/enrolment/reminders.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { activity, household, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const guardianOf = (family: Awaited<ReturnType<typeof household>>) => ({ userId: family.user!.id, personId: family.guardian.id });

async function familyWithPlace(options: Parameters<typeof activity>[0] = {}) {
  const camp = await activity({ capacity: 10, ...options });
  const family = await household({ children: [{ firstName: "Lina" }, { firstName: "Omar" }] });
  await signUpFamily(camp.id, family);
  return { camp, family, session: camp.sessions[0]!, lina: family.children[0]!, omar: family.children[1]! };
}

describe("reporting an absence", () => {
  it("records one notice per child and session, audited without its reason, and staff see it for that session", async () => {
    const { family, session, lina } = await familyWithPlace();
    const made = await reportAbsence({ guardian: guardianOf(family), sessionId: session.id, personId: lina.id, reason: "Syg" });
    expect(made).toBe(1);
    // A second tap changes nothing.
    expect(await reportAbsence({ guardian: guardianOf(family), sessionId: session.id, personId: lina.id, reason: "Igen" })).toBe(0);
    expect(await db.absenceNotice.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await sessionAbsences(session.id)).toEqual([expect.objectContaining({ personId: lina.id, name: "Lina Test", reason: "Syg" })]);
    const events = await db.auditEvent.findMany({ where: { action: "absence.report", entityId: `${session.id}/${lina.id}` } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.after)).not.toContain("Syg");
    expect(events[0]!.actorUserId).toBe(family.user!.id);
    const page = await absencePage(guardianOf(family), session.id);
    expect(page.people.map((person) => [person.firstName, Boolean(person.notice)])).toEqual([
      ["Lina", true],
      ["Omar", false],
    ]);
  });

  it("is refused for a stranger — another family's guardian, or a child without a place — and nothing is stored", async () => {
    const { session, lina, camp } = await familyWithPlace();
    const stranger = await household();
    await expect(reportAbsence({ guardian: guardianOf(stranger), sessionId: session.id, personId: lina.id })).rejects.toMatchObject({
      code: "absenceNotFound",
    });
    // Their own child has no place on the activity.
    await expect(reportAbsence({ guardian: guardianOf(stranger), sessionId: session.id, personId: stranger.children[0]!.id })).rejects.toMatchObject({
      code: "absenceNotFound",
    });
    await expect(absencePage(guardianOf(stranger), session.id)).rejects.toMatchObject({ code: "absenceNotFound" });
    // A child of the family cannot report for a sibling: only a guardian may.
    const child = await db.user.create({ data: { personId: lina.id, role: "PARENT", email: `lina-${camp.id}@example.dk` } });
    const omar = (
      await db.householdMember.findFirstOrThrow({
        where: { personId: { not: lina.id }, role: "CHILD", household: { members: { some: { personId: lina.id } } } },
      })
    ).personId;
    await expect(reportAbsence({ guardian: { userId: child.id, personId: lina.id }, sessionId: session.id, personId: omar })).rejects.toMatchObject({
      code: "absenceNotFound",
    });
    expect(await db.absenceNotice.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("a stranger cannot take a family's notice back", async () => {
    const { family, session, lina } = await familyWithPlace();
    await reportAbsence({ guardian: guardianOf(family), sessionId: session.id, personId: lina.id });
    const stranger = await household();
    await expect(undoAbsence({ guardian: guardianOf(stranger), sessionId: session.id, personId: lina.id })).rejects.toMatchObject({
      code: "absenceNotFound",
    });
    expect(await db.absenceNotice.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("is refused for a session that has started or is cancelled", async () => {
    const { family, session, lina } = await familyWithPlace();
    await expect(reportAbsence({ guardian: guardianOf(family), sessionId: session.id, personId: lina.id, now: session.startsAt })).rejects.toMatchObject({
      code: "absenceStarted",
    });
    await db.activitySession.update({ where: { id: session.id }, data: { cancelledAt: new Date() } });
    await expect(reportAbsence({ guardian: guardianOf(family), sessionId: session.id, personId: lina.id })).rejects.toMatchObject({
      code: "absenceCancelled",
    });
    expect(await db.absenceNotice.count({ where: { sessionId: session.id } })).toBe(0);
  });
});

describe("taking a notice back", () => {
  it("works until the session starts, is audited, and is refused from the start on", async () => {
    const { family, session, lina, omar } = await familyWithPlace();
    const guardian = guardianOf(family);
    await reportAbsence({ guardian, sessionId: session.id, personId: lina.id });
    await reportAbsence({ guardian, sessionId: session.id, personId: omar.id });
    expect(await undoAbsence({ guardian, sessionId: session.id, personId: lina.id, now: new Date(session.startsAt.getTime() - 1) })).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "absence.undo", entityId: `${session.id}/${lina.id}` } })).toBe(1);
    // Nothing to take back: nothing happens (a second tap).
    expect(await undoAbsence({ guardian, sessionId: session.id, personId: lina.id })).toBe(false);
    await expect(undoAbsence({ guardian, sessionId: session.id, personId: omar.id, now: session.startsAt })).rejects.toMatchObject({
      code: "absenceStarted",
    });
    expect((await sessionAbsences(session.id)).map((notice) => notice.personId)).toEqual([omar.id]);
  });
});

describe("this week", () => {
  it("covers the activity's sessions left in the Copenhagen week, not the next week's, and is offered only in the current week", async () => {
    // Monday 12:00 Copenhagen time of a week ahead; sessions Tuesday, Thursday and Sunday evening, and next Monday.
    const monday = mondayOf(addDaysToDay(copenhagenDay(new Date()), 14));
    const at = (days: number, time: string) => {
      const startsAt = copenhagenInstant(addDaysToDay(monday, days), time);
      return { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) };
    };
    const { family, camp, lina } = await familyWithPlace({ sessions: [at(1, "16:00"), at(3, "16:00"), at(6, "22:30"), at(7, "16:00")] });
    const sessions = [...camp.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const now = copenhagenInstant(monday, "12:00");
    // Seen on Monday of that week, "this week" covers the three; seen a week earlier it is not offered.
    expect((await absencePage(guardianOf(family), sessions[0]!.id, now)).weekCount).toBe(3);
    expect((await absencePage(guardianOf(family), sessions[0]!.id, new Date(now.getTime() - 7 * DAY))).weekCount).toBe(0);
    // Reported on Wednesday: Tuesday has been, so Thursday and Sunday.
    const wednesday = copenhagenInstant(addDaysToDay(monday, 2), "09:00");
    const made = await reportAbsence({ guardian: guardianOf(family), sessionId: sessions[1]!.id, personId: lina.id, week: true, now: wednesday });
    expect(made).toBe(2);
    const noticed = await db.absenceNotice.findMany({ where: { personId: lina.id }, select: { sessionId: true } });
    expect(noticed.map((row) => row.sessionId).sort()).toEqual([sessions[1]!.id, sessions[2]!.id].sort());
  });
});

describe("on the staff side", () => {
  it("a notified absence is not a miss in a row; a no-show is", async () => {
    const now = new Date();
    const past = (daysAgo: number) => ({ startsAt: new Date(now.getTime() - daysAgo * DAY), endsAt: new Date(now.getTime() - daysAgo * DAY + HOUR) });
    const ahead = { startsAt: new Date(now.getTime() + DAY), endsAt: new Date(now.getTime() + DAY + HOUR) };
    const series = await activity({ capacity: 10, sessions: [past(21), past(14), past(7), ahead] });
    const [notified, noShow, came] = [
      await household({ children: [{ firstName: "Notified" }] }),
      await household({ children: [{ firstName: "NoShow" }] }),
      await household({ children: [{ firstName: "Came" }] }),
    ];
    for (const family of [notified, noShow, came]) {
      await signUpFamily(series.id, family);
      await db.enrolment.updateMany({ where: { householdId: family.id }, data: { confirmedAt: new Date(now.getTime() - 30 * DAY) } });
    }
    const staff = await createUser({ role: "STAFF", email: "absence-staff@example.dk" });
    const sessions = [...series.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, 3);
    for (const session of sessions) await markAttendance({ sessionId: session.id, personId: came.children[0]!.id, present: true, actorUserId: staff.id });
    // The family sent word before the last session (the day before it).
    await reportAbsence({
      guardian: guardianOf(notified),
      sessionId: sessions[2]!.id,
      personId: notified.children[0]!.id,
      now: new Date(sessions[2]!.startsAt.getTime() - DAY),
    });
    expect((await missedInARow(series.id, now)).map((person) => person.name)).toEqual(["NoShow Test"]);
  });

  it("staff record a notice a family phoned in, and take it back, until the session ends; only for a child with a place", async () => {
    const { session, lina } = await familyWithPlace();
    const staff = await createUser({ role: "STAFF", email: "absence-staff2@example.dk" });
    const other = await household();
    await expect(recordAbsenceForFamily({ actorUserId: staff.id, sessionId: session.id, personId: other.children[0]!.id, absent: true })).rejects.toMatchObject(
      {
        code: "absenceNotFound",
      },
    );
    // During the session is still fine (the mother phones at ten past four).
    await recordAbsenceForFamily({ actorUserId: staff.id, sessionId: session.id, personId: lina.id, absent: true, now: session.startsAt });
    expect(await sessionAbsences(session.id)).toEqual([expect.objectContaining({ personId: lina.id, reason: null })]);
    expect(await db.auditEvent.count({ where: { action: "absence.record", actorUserId: staff.id } })).toBe(1);
    await expect(
      recordAbsenceForFamily({ actorUserId: staff.id, sessionId: session.id, personId: lina.id, absent: false, now: session.endsAt }),
    ).rejects.toMatchObject({ code: "absenceStarted" });
    await recordAbsenceForFamily({ actorUserId: staff.id, sessionId: session.id, personId: lina.id, absent: false });
    expect(await sessionAbsences(session.id)).toEqual([]);
  });

  it("the reminder carries a link to the session's absence page, which reports nothing by itself", async () => {
    const startsAt = new Date(Date.now() + 20 * HOUR);
    const camp = await activity({ capacity: 10, sessions: [{ startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) }] });
    await db.activity.update({ where: { id: camp.id }, data: { reminderHours: 24 } });
    const family = await household({ children: [{ firstName: "Lina" }] });
    await signUpFamily(camp.id, family);
    await db.enrolment.updateMany({ where: { householdId: family.id }, data: { confirmedAt: new Date(Date.now() - 3 * DAY) } });
    expect(await sendDueReminders()).toBeGreaterThanOrEqual(1);
    const message = await db.message.findFirstOrThrow({ where: { template: "reminder", householdId: family.id } });
    expect(message.body).toContain(`/my/absence/${camp.sessions[0]!.id}`);
    expect(await db.absenceNotice.count({ where: { sessionId: camp.sessions[0]!.id } })).toBe(0);
  });
});
