// Where people lived, and when (issue 17): a dated move, attendance marked
// after it for a session before it, the trigger that turns an undated change
// of area into a move today, and the database's refusal of overlapping
// periods. The report counts by the area on the day of the participation.
import type { ActionFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { markAttendance } from "../../app/domain/attendance/attendance.server.ts";
import { copenhagenDay, copenhagenInstant } from "../../app/domain/dates.ts";
import { areaHistory, areaOn, MoveError, recordMove } from "../../app/domain/households/area-history.server.ts";
import { countParticipation } from "../../app/domain/reporting/report.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import * as fixtures from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

const Q1 = { from: "2026-01-01", to: "2026-03-31" };

describe("a family that moved from Vangdalen to Glarbjergvej-området on 1 February", () => {
  let vangdalen = "";
  let glarbjergvej = "";
  let child = "";
  let guardian = "";
  let sessions: { id: string; startsAt: Date }[] = [];

  beforeAll(async () => {
    vangdalen = (await fixtures.area({ name: "Vangdalen" })).id;
    glarbjergvej = (await fixtures.area({ name: "Glarbjergvej-området" })).id;
    const staff = await createUser({ role: "STAFF", email: "move-staff@example.dk" });
    const family = await fixtures.household({ children: [{ areaId: vangdalen }] });
    guardian = family.guardian.id;
    await db.person.update({ where: { id: guardian }, data: { housingAreaId: vangdalen } });
    child = family.children[0]!.id;
    const activity = await fixtures.activity({
      sessions: ["2026-01-14", "2026-03-11"].map((day) => ({ startsAt: copenhagenInstant(day, "15:00"), endsAt: copenhagenInstant(day, "17:00") })),
    });
    sessions = activity.sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const signUp = await db.signUp.create({
      data: {
        activityId: activity.id,
        householdId: family.id,
        idempotencyKey: `move-${child}`,
        consentPersonId: guardian,
        consentAt: copenhagenInstant("2025-12-01", "12:00"),
        consentVersion: "test",
      },
    });
    // Signed up in December from Vangdalen: the enrolment carries that copy.
    await db.enrolment.create({
      data: {
        signUpId: signUp.id,
        activityId: activity.id,
        personId: child,
        householdId: family.id,
        status: "CONFIRMED",
        housingAreaId: vangdalen,
        confirmedAt: copenhagenInstant("2025-12-01", "12:00"),
      },
    });
    // In March staff record the move (from 1 February), then mark March's session and, late, January's.
    await recordMove({ personIds: [guardian, child], areaId: glarbjergvej, from: "2026-02-01", actorUserId: staff.id });
    await markAttendance({ sessionId: sessions[1]!.id, personId: child, present: true, actorUserId: staff.id });
    await markAttendance({ sessionId: sessions[0]!.id, personId: child, present: true, actorUserId: staff.id });
  });

  it("keeps the history: Vangdalen until 31 January, Glarbjergvej-området from 1 February", async () => {
    expect(await areaHistory(child)).toEqual([
      { housingAreaId: vangdalen, from: null, to: "2026-02-01" },
      { housingAreaId: glarbjergvej, from: "2026-02-01", to: null },
    ]);
    expect(await areaOn(child, "2026-01-31")).toBe(vangdalen);
    expect(await areaOn(child, "2026-02-01")).toBe(glarbjergvej);
    expect((await db.person.findUniqueOrThrow({ where: { id: guardian } })).housingAreaId).toBe(glarbjergvej);
  });

  it("counts January's attendance, marked in March after the move, under the old area", async () => {
    // The copy written on the row is the new area: the report must not read it.
    const january = await db.attendance.findUniqueOrThrow({ where: { sessionId_personId: { sessionId: sessions[0]!.id, personId: child } } });
    expect(january.housingAreaId).toBe(glarbjergvej);
    const counts = await countParticipation(Q1);
    expect(counts.attendances.byArea).toEqual({ [vangdalen]: 1, [glarbjergvej]: 1 });
    // Once, under the area of the first participation (14 January).
    expect(counts.uniqueParticipants.byArea).toEqual({ [vangdalen]: 1 });
    expect(counts.uniqueHouseholds.byArea).toEqual({ [vangdalen]: 1 });
    expect(counts.enrolments.byArea).toEqual({ [vangdalen]: 1 });
    expect(counts.moved).toBe(1);
  });

  it("counts March alone under the new area", async () => {
    const counts = await countParticipation({ from: "2026-03-01", to: "2026-03-31" });
    expect(counts.uniqueParticipants.byArea).toEqual({ [glarbjergvej]: 1 });
    expect(counts.enrolments.byArea).toEqual({ [glarbjergvej]: 1 });
  });

  it("refuses a move in the future, an unknown area and nobody", async () => {
    await expect(recordMove({ personIds: [child], areaId: vangdalen, from: "2999-01-01", actorUserId: null })).rejects.toMatchObject({ code: "moveInFuture" });
    await expect(
      recordMove({ personIds: [child], areaId: "6f1c2a47-6f5e-4a55-9a3c-3f0f5f0a8b11", from: "2026-01-01", actorUserId: null }),
    ).rejects.toBeInstanceOf(MoveError);
    await expect(recordMove({ personIds: [], areaId: vangdalen, from: "2026-01-01", actorUserId: null })).rejects.toMatchObject({ code: "noPeople" });
  });
});

describe("the history kept by the database", () => {
  it("makes a new person's area theirs since always, and an undated change a move today", async () => {
    const [a, b] = [await fixtures.area(), await fixtures.area()];
    const person = await db.person.create({ data: { firstName: "Aya", lastName: "Historik", housingAreaId: a.id } });
    expect(await areaHistory(person.id)).toEqual([{ housingAreaId: a.id, from: null, to: null }]);
    await db.person.update({ where: { id: person.id }, data: { housingAreaId: b.id } });
    const today = copenhagenDay(new Date());
    expect(await areaHistory(person.id)).toEqual([
      { housingAreaId: a.id, from: null, to: today },
      { housingAreaId: b.id, from: today, to: null },
    ]);
    // Changed back the same day (a slip of the finger): one period again.
    await db.person.update({ where: { id: person.id }, data: { housingAreaId: a.id } });
    expect(await areaHistory(person.id)).toEqual([{ housingAreaId: a.id, from: null, to: null }]);
  });

  it("moves back into the earlier area as one period, and a later dated move replaces what came after it", async () => {
    const [a, b] = [await fixtures.area(), await fixtures.area()];
    const person = await db.person.create({ data: { firstName: "Omar", lastName: "Historik", housingAreaId: a.id } });
    await recordMove({ personIds: [person.id], areaId: b.id, from: "2026-03-01", actorUserId: null });
    await recordMove({ personIds: [person.id], areaId: a.id, from: "2026-05-01", actorUserId: null });
    // Corrected: they moved to b on 1 February, and stayed.
    await recordMove({ personIds: [person.id], areaId: b.id, from: "2026-02-01", actorUserId: null });
    expect(await areaHistory(person.id)).toEqual([
      { housingAreaId: a.id, from: null, to: "2026-02-01" },
      { housingAreaId: b.id, from: "2026-02-01", to: null },
    ]);
  });

  it("refuses overlapping periods of one person", async () => {
    const a = await fixtures.area();
    const person = await db.person.create({ data: { firstName: "Lina", lastName: "Historik", housingAreaId: a.id } });
    await expect(
      db.personAreaPeriod.create({ data: { personId: person.id, housingAreaId: a.id, validFrom: new Date("2026-01-01T00:00:00Z") } }),
    ).rejects.toThrow();
  });
});

describe("recording a move on the pages", () => {
  const post = async (path: string, cookie: string, form: Record<string, string>) => {
    const route = path.startsWith("/my/")
      ? await import("../../app/routes/my.household._index.tsx")
      : await import("../../app/routes/staff.families.$householdId.tsx");
    const request = new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(form) });
    try {
      return await route.action({ request, params: { householdId: path.split("/")[3] ?? "" }, context: {} } as unknown as ActionFunctionArgs);
    } catch (error) {
      if (error instanceof Response) return error;
      throw error;
    }
  };
  const cookieOf = async (userId: string) => (await createUserSession(userId)).split(";")[0]!;

  it("lets a parent move the whole family from a date, and refuses a date in the future", async () => {
    const [from, to] = [await fixtures.area(), await fixtures.area()];
    const family = await fixtures.household({ children: [{ areaId: from.id }, { areaId: from.id }] });
    const cookie = await cookieOf(family.user!.id);
    const future = await post("/my/household", cookie, { intent: "move", housingAreaId: to.id, movedOn: "2999-01-01" });
    expect(JSON.stringify(future)).toContain("common:dates.range.near");
    const tomorrow = new Date(Date.now() + 36 * 3_600_000);
    const soon = await post("/my/household", cookie, { intent: "move", housingAreaId: to.id, movedOn: copenhagenDay(tomorrow) });
    expect(JSON.stringify(soon)).toContain("errors.movedOnFuture");
    const today = copenhagenDay(new Date());
    await post("/my/household", cookie, { intent: "move", housingAreaId: to.id, movedOn: today });
    for (const member of [family.guardian, ...family.children]) expect(await areaOn(member.id, today)).toBe(to.id);
    expect(await areaOn(family.children[0]!.id, "2020-01-01")).toBe(from.id);
  });

  it("lets staff record a family's move on the family page, but not a partner", async () => {
    const [from, to] = [await fixtures.area(), await fixtures.area()];
    const family = await fixtures.household({ children: [{ areaId: from.id }] });
    const staff = await createUser({ role: "STAFF", email: "move-page-staff@example.dk" });
    const partner = await createUser({ role: "PARTNER", email: "move-page-partner@example.dk" });
    const movedOn = copenhagenDay(new Date(Date.now() - 30 * 86_400_000));
    const refused = await post(`/staff/families/${family.id}`, await cookieOf(partner.id), { intent: "move", housingAreaId: to.id, movedOn });
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(404);
    expect(await areaOn(family.children[0]!.id, movedOn)).toBe(from.id);
    const done = await post(`/staff/families/${family.id}`, await cookieOf(staff.id), { intent: "move", housingAreaId: to.id, movedOn });
    expect((done as Response).headers.get("Location")).toContain("done=moved");
    expect(await areaHistory(family.children[0]!.id)).toEqual([
      { housingAreaId: from.id, from: null, to: movedOn },
      { housingAreaId: to.id, from: movedOn, to: null },
    ]);
  });
});

describe("a birth year alone, then the full date", () => {
  it("keeps the date and drops the year, whoever records it", async () => {
    const person = await db.person.create({ data: { firstName: "Mohamed", lastName: "Årgang", birthYear: 2015 } });
    await db.person.update({ where: { id: person.id }, data: { birthDate: new Date("2015-03-04T00:00:00Z") } });
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id }, select: { birthDate: true, birthYear: true } })).toEqual({
      birthDate: new Date("2015-03-04T00:00:00Z"),
      birthYear: null,
    });
  });
});
