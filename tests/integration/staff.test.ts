// Running activities: who may, rosters and place changes, attendance.
import { describe, expect, it } from "vitest";
import { addWalkIn, findPeople, markAttendance, missedInARow, sessionAttendance, setHeadCount } from "../../app/domain/attendance/attendance.server.ts";
import { mayRunActivity } from "../../app/domain/staff/access.server.ts";
import { activityRoster, giveWaitingPlace, setCapacity } from "../../app/domain/staff/roster.server.ts";
import { db } from "../../app/lib/db.server.ts";
import type { SessionUser } from "../../app/lib/session.server.ts";
import { activity, household, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

type Family = Awaited<ReturnType<typeof household>>;
const join = (activityId: string, family: Family) => signUpFamily(activityId, family);
const asSessionUser = (user: { id: string; personId: string; role: SessionUser["role"] }): SessionUser => ({
  ...user,
  language: "da",
  firstName: "",
  lastName: "",
});

describe("who may run an activity", () => {
  it("staff run every activity; a partner only those they are attached to; parents none", async () => {
    const [mine, theirs] = [await activity({}), await activity({})];
    const partner = await createUser({ role: "PARTNER", email: "partner1@example.dk" });
    await db.activityPartner.create({ data: { activityId: mine.id, userId: partner.id } });
    const staff = await createUser({ role: "STAFF", email: "staff1@example.dk" });
    const parent = await createUser({ role: "PARENT", email: "parent1@example.dk" });
    expect(await mayRunActivity(asSessionUser(partner), mine.id)).toBe(true);
    expect(await mayRunActivity(asSessionUser(partner), theirs.id)).toBe(false);
    expect(await mayRunActivity(asSessionUser(staff), theirs.id)).toBe(true);
    expect(await mayRunActivity(asSessionUser(parent), mine.id)).toBe(false);
  });
});

describe("places, from the staff side", () => {
  it("raising capacity offers the freed places at once; it cannot go below places given", async () => {
    const camp = await activity({ capacity: 1 });
    const staff = await createUser({ role: "STAFF", email: "staff2@example.dk" });
    const [a, b] = [await household(), await household()];
    await join(camp.id, a);
    await join(camp.id, b);
    await expect(setCapacity({ activityId: camp.id, capacity: 0, actorUserId: staff.id })).rejects.toMatchObject({ code: "belowTaken" });
    await setCapacity({ activityId: camp.id, capacity: 2, actorUserId: staff.id });
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: b.id } })).toMatchObject({ status: "OFFERED" });
    expect(await db.auditEvent.count({ where: { action: "activity.capacity", entityId: camp.id } })).toBe(1);
  });

  it("staff give a waiting family a place only when it is free", async () => {
    const camp = await activity({ capacity: 1 });
    const staff = await createUser({ role: "STAFF", email: "staff3@example.dk" });
    const [a, b] = [await household(), await household()];
    await join(camp.id, a);
    const waiting = await join(camp.id, b);
    await expect(giveWaitingPlace({ signUpId: waiting.signUpId, activityId: camp.id, actorUserId: staff.id })).rejects.toMatchObject({ code: "noRoom" });
    const other = await activity({ capacity: 5 });
    await expect(giveWaitingPlace({ signUpId: waiting.signUpId, activityId: other.id, actorUserId: staff.id })).rejects.toMatchObject({
      code: "enrolmentNotFound",
    });
    await db.activity.update({ where: { id: camp.id }, data: { capacity: 2 } });
    await giveWaitingPlace({ signUpId: waiting.signUpId, activityId: camp.id, actorUserId: staff.id });
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: b.id } })).toMatchObject({ status: "CONFIRMED" });
  });

  it("the roster shows guardians' phones and the sensitive note, and logs that it was read", async () => {
    const camp = await activity({ capacity: 5 });
    const family = await household({ guardianPhone: "+4520777777" });
    await join(camp.id, family);
    await db.personNeeds.create({ data: { personId: family.children[0]!.id, text: "Astma" } });
    const viewer = await createUser({ role: "STAFF", email: "staff4@example.dk" });
    const roster = await activityRoster(camp.id, { userId: viewer.id });
    expect(roster.placed[0]).toMatchObject({ needs: "Astma", guardians: [expect.objectContaining({ phone: "+45 20 77 77 77" })] });
    expect(await db.auditEvent.findFirst({ where: { action: "needs.view", entityId: camp.id, actorUserId: viewer.id } })).not.toBeNull();
  });
});

describe("attendance", () => {
  it("a retried tap does not double-count, and undo works", async () => {
    const camp = await activity({ capacity: 5 });
    const family = await household();
    await join(camp.id, family);
    const staff = await createUser({ role: "STAFF", email: "staff5@example.dk" });
    const mark = (present: boolean) =>
      markAttendance({ sessionId: camp.sessions[0]!.id, personId: family.children[0]!.id, present, actorUserId: staff.id, early: true });
    await Promise.all([mark(true), mark(true), mark(true)]);
    expect(await db.attendance.count({ where: { sessionId: camp.sessions[0]!.id } })).toBe(1);
    expect((await sessionAttendance(camp.sessions[0]!.id)).expected[0]!.present).toBe(true);
    await mark(false);
    expect((await db.attendance.findFirstOrThrow({ where: { sessionId: camp.sessions[0]!.id } })).present).toBe(false);
  });

  it("refuses to mark someone who is neither expected nor added", async () => {
    const camp = await activity({ capacity: 5 });
    const stranger = await household();
    const staff = await createUser({ role: "STAFF", email: "staff6@example.dk" });
    await expect(
      markAttendance({ sessionId: camp.sessions[0]!.id, personId: stranger.children[0]!.id, present: true, actorUserId: staff.id, early: true }),
    ).rejects.toMatchObject({ code: "notExpected" });
  });

  it("walk-ins: a known child, and a new child with name, birth year and area; both count as not enrolled", async () => {
    const cafe = await activity({ requiresSignUp: false, capacity: null });
    const known = await household({ children: [{ firstName: "Lina" }] });
    const staff = await createUser({ role: "STAFF", email: "staff7@example.dk" });
    const sessionId = cafe.sessions[0]!.id;
    await addWalkIn({ sessionId, walkIn: { personId: known.children[0]!.id }, actorUserId: staff.id, early: true });
    const newId = await addWalkIn({
      sessionId,
      walkIn: { firstName: "Hamza", lastName: "Ali", birthYear: 2015, housingAreaId: null },
      actorUserId: staff.id,
      early: true,
    });
    const view = await sessionAttendance(sessionId);
    expect(view.walkIns.map((person) => person.name).sort()).toEqual(["Hamza Ali", "Lina Test"]);
    expect(await db.attendance.count({ where: { sessionId, enrolled: false, present: true } })).toBe(2);
    // The year alone is kept, no day invented (ADR 016); the roster shows the age reached this year.
    expect(await db.person.findUniqueOrThrow({ where: { id: newId }, select: { birthDate: true, birthYear: true } })).toEqual({
      birthDate: null,
      birthYear: 2015,
    });
    expect(view.walkIns.find((person) => person.name === "Hamza Ali")!.age).toBe(new Date().getUTCFullYear() - 2015);
  });

  it("a partner finds by name only children who joined or came to their activities; staff find anyone", async () => {
    const word = `Zaynab${Date.now().toString(36)}`;
    const cafe = await activity({ requiresSignUp: false, capacity: null });
    const camp = await activity({ capacity: 5 });
    const elsewhere = await activity({ capacity: 5 });
    const partner = await createUser({ role: "PARTNER", email: "walkin-partner@example.dk" });
    const staff = await createUser({ role: "STAFF", email: "walkin-staff@example.dk" });
    await db.activityPartner.createMany({ data: [cafe, camp].map((a) => ({ activityId: a.id, userId: partner.id })) });
    const family = (name: string) => household({ children: [{ firstName: `${word} ${name}` }] });
    const [came, joined, stranger, otherActivity] = [await family("Came"), await family("Joined"), await family("Stranger"), await family("Other")];
    await addWalkIn({ sessionId: cafe.sessions[0]!.id, walkIn: { personId: came.children[0]!.id }, actorUserId: staff.id, early: true });
    await join(camp.id, joined);
    await join(elsewhere.id, otherActivity);
    const names = (found: { name: string }[]) => found.map((person) => person.name.split(" ")[1]).sort();
    expect(names(await findPeople(word, partner.id))).toEqual(["Came", "Joined"]);
    expect(names(await findPeople(word))).toEqual(["Came", "Joined", "Other", "Stranger"]);
    // Nor can a partner add someone they could not find by sending the id.
    await expect(
      addWalkIn({
        sessionId: cafe.sessions[0]!.id,
        walkIn: { personId: stranger.children[0]!.id },
        actorUserId: partner.id,
        partnerUserId: partner.id,
        early: true,
      }),
    ).rejects.toMatchObject({ code: "notExpected" });
    await addWalkIn({
      sessionId: cafe.sessions[0]!.id,
      walkIn: { personId: joined.children[0]!.id },
      actorUserId: partner.id,
      partnerUserId: partner.id,
      early: true,
    });
  });

  it("head-counts: one row per area, the unknown area included, updated in place", async () => {
    const event = await activity({ requiresSignUp: false, capacity: null });
    const staff = await createUser({ role: "STAFF", email: "staff8@example.dk" });
    const sessionId = event.sessions[0]!.id;
    await Promise.all([
      setHeadCount({ sessionId, housingAreaId: null, adults: 3, children: 5, actorUserId: staff.id, early: true }),
      setHeadCount({ sessionId, housingAreaId: null, adults: 4, children: 6, actorUserId: staff.id, early: true }),
    ]);
    await setHeadCount({ sessionId, housingAreaId: null, adults: 10, children: 12, actorUserId: staff.id, early: true });
    expect(await db.headCount.findMany({ where: { sessionId }, select: { adults: true, children: true } })).toEqual([{ adults: 10, children: 12 }]);
    await expect(setHeadCount({ sessionId, housingAreaId: null, adults: -1, children: 0, actorUserId: staff.id, early: true })).rejects.toMatchObject({
      code: "badCount",
    });
  });

  it("flags a child who missed the last three sessions in a row, not one who came or joined later", async () => {
    const now = new Date();
    const past = (daysAgo: number) => ({
      startsAt: new Date(now.getTime() - daysAgo * 86_400_000),
      endsAt: new Date(now.getTime() - daysAgo * 86_400_000 + 3_600_000),
    });
    const series = await activity({
      capacity: 10,
      sessions: [past(21), past(14), past(7), { startsAt: new Date(now.getTime() + 86_400_000), endsAt: new Date(now.getTime() + 90_000_000) }],
    });
    const [absent, present] = [await household({ children: [{ firstName: "Absent" }] }), await household({ children: [{ firstName: "Present" }] })];
    for (const family of [absent, present]) {
      await join(series.id, family);
      await db.enrolment.updateMany({ where: { householdId: family.id }, data: { confirmedAt: new Date(now.getTime() - 30 * 86_400_000) } });
    }
    const late = await household({ children: [{ firstName: "Late" }] });
    await join(series.id, late); // confirmed now: after those sessions
    const staff = await createUser({ role: "STAFF", email: "staff9@example.dk" });
    const sessions = series.sessions.slice(0, 3);
    for (const session of sessions)
      await markAttendance({ sessionId: session.id, personId: present.children[0]!.id, present: session === sessions[1], actorUserId: staff.id });
    expect((await missedInARow(series.id, now)).map((person) => person.name)).toEqual(["Absent Test"]);
  });
});

describe("messages to participants", () => {
  it("each family gets the message in its language (Danish when theirs is missing), and the log shows it", async () => {
    const { sendToParticipants, messageLog } = await import("../../app/domain/staff/broadcast.server.ts");
    const { deliverDueMessages } = await import("../../app/lib/messages/send.server.ts");
    const camp = await activity({ capacity: 5 });
    const [arabic, english, danish] = [await household({ language: "ar" }), await household({ language: "en" }), await household()];
    await db.user.update({ where: { id: arabic.user!.id }, data: { language: "ar" } });
    await db.user.update({ where: { id: english.user!.id }, data: { language: "en" } });
    for (const family of [arabic, english, danish]) await join(camp.id, family);
    const staff = await createUser({ role: "STAFF", email: "staff10@example.dk" });
    const result = await sendToParticipants({
      activityId: camp.id,
      sessionId: null,
      text: { da: "Vi er i hallen i dag.", ar: "نحن في القاعة اليوم." },
      actorUserId: staff.id,
      includeWaiting: false,
    });
    expect(result.queued).toBe(3);
    await deliverDueMessages();
    const broadcastTo = async (email: string) =>
      (
        await db.devOutboxItem
          .findFirstOrThrow({ where: { recipient: email, body: { contains: "hallen" } }, orderBy: { createdAt: "desc" } })
          .catch(() => db.devOutboxItem.findFirstOrThrow({ where: { recipient: email, body: { contains: "القاعة" } } }))
      ).body;
    expect(await broadcastTo(arabic.guardian.email!)).toContain("نحن في القاعة اليوم.");
    expect(await broadcastTo(english.guardian.email!)).toContain("Vi er i hallen i dag.");
    expect(await broadcastTo(danish.guardian.email!)).toContain("Vi er i hallen i dag.");
    expect((await db.devOutboxItem.findFirstOrThrow({ where: { recipient: english.guardian.email!, body: { contains: "hallen" } } })).subject).toContain(
      "Message about",
    );
    const log = await messageLog(camp.id);
    expect(log.filter((message) => message.template === "broadcast" && message.status === "SENT")).toHaveLength(3);
  });

  it("a staff member sends at most 20 messages an hour; the 21st is refused and queues nothing", async () => {
    const { sendToParticipants, BROADCASTS_PER_HOUR } = await import("../../app/domain/staff/broadcast.server.ts");
    const { RateLimitedError } = await import("../../app/lib/rate-limit.server.ts");
    const camp = await activity({ capacity: 5 });
    await join(camp.id, await household());
    const staff = await createUser({ role: "STAFF", email: "staff-broadcasts@example.dk" });
    const send = () =>
      sendToParticipants({ activityId: camp.id, sessionId: null, text: { da: "Husk madpakke" }, actorUserId: staff.id, includeWaiting: false });
    for (let i = 0; i < BROADCASTS_PER_HOUR; i++) await send();
    await expect(send()).rejects.toBeInstanceOf(RateLimitedError);
    expect(await db.message.count({ where: { activityId: camp.id, template: "broadcast" } })).toBe(BROADCASTS_PER_HOUR);
  });
});
