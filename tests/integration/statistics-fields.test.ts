// Adults and gender for the funder's statistics (issue 17): a parent's birth
// year and gender are optional on /my/household, a bad year is refused in
// words, and the report puts a birth year alone in the age band of the age
// reached that year, and people without gender under "not recorded". A walk-in
// (a child or an adult who came) may be given a gender too.
import { copenhagenInstant } from "../../app/domain/dates.ts";
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { countParticipation, UNKNOWN } from "../../app/domain/reporting/report.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import * as fixtures from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

async function postOwn(cookie: string, form: Record<string, string>) {
  const route = await import("../../app/routes/my.household._index.tsx");
  const request = new Request("http://localhost/my/household", { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(form) });
  return route.action({ request, params: {}, context: {} } as unknown as ActionFunctionArgs);
}

describe("a parent's birth year and gender", () => {
  it("are saved when given, refused in words when the year is not a year, and left out when empty", async () => {
    const family = await fixtures.household();
    const cookie = (await createUserSession(family.user!.id)).split(";")[0]!;
    const bad = await postOwn(cookie, { intent: "own", firstName: "Hind", lastName: "Test", birthYear: "85" });
    expect(JSON.stringify(bad)).toContain("errors.birthYearInvalid");
    await postOwn(cookie, { intent: "own", firstName: "Hind", lastName: "Test", birthYear: "١٩٨٥", gender: "FEMALE" });
    expect(await db.person.findUniqueOrThrow({ where: { id: family.guardian.id }, select: { birthYear: true, gender: true } })).toEqual({
      birthYear: 1985,
      gender: "FEMALE",
    });
    await postOwn(cookie, { intent: "own", firstName: "Hind", lastName: "Test" });
    expect(await db.person.findUniqueOrThrow({ where: { id: family.guardian.id }, select: { birthYear: true, gender: true } })).toEqual({
      birthYear: null,
      gender: null,
    });
  });

  it("count in the report: a birth year alone in the band of the age reached that year, no gender as not recorded", async () => {
    const course = await fixtures.activity({
      requiresSignUp: false,
      sessions: [{ startsAt: copenhagenInstant("2026-05-05", "10:00"), endsAt: copenhagenInstant("2026-05-05", "12:00") }],
    });
    const people = [
      await db.person.create({ data: { firstName: "Mor", lastName: "Stat", birthYear: 1985, gender: "FEMALE" } }), // 41 in 2026 → 30–64
      await db.person.create({ data: { firstName: "Far", lastName: "Stat" } }), // nothing recorded
      await db.person.create({ data: { firstName: "Barn", lastName: "Stat", birthYear: 2013, gender: "MALE" } }), // 13 in 2026 → 13–17
    ];
    await db.attendance.createMany({
      data: people.map((person) => ({ sessionId: course.sessions[0]!.id, personId: person.id, present: true, enrolled: false })),
    });
    const counts = await countParticipation({ from: "2026-01-01", to: "2026-06-30" }, { activityId: course.id });
    expect(counts.uniqueParticipants.byAge).toEqual({ "30-64": 1, "13-17": 1, unknown: 1 });
    expect(counts.uniqueParticipants.byGender).toEqual({ FEMALE: 1, MALE: 1, [UNKNOWN]: 1 });
  });
});

describe("a walk-in's birth year and gender, a walk-in adult's too", () => {
  async function postWalkIn(cookie: string, sessionId: string, form: Record<string, string>) {
    const route = await import("../../app/routes/staff.sessions.$sessionId.tsx");
    const body = new URLSearchParams({ intent: "walkInNew", key: crypto.randomUUID(), choice: "new", ...form });
    const request = new Request(`http://localhost/staff/sessions/${sessionId}`, { method: "POST", headers: { Cookie: cookie }, body });
    try {
      return await route.action({ request, params: { sessionId }, context: { clientIp: "127.0.0.1", cspNonce: "test" } } as ActionFunctionArgs);
    } catch (error) {
      if (error instanceof Response) return error;
      throw error;
    }
  }

  it("are saved when given; a gender not on the list and a name with markup are refused beside their fields, nobody made", async () => {
    const staff = await createUser({ role: "STAFF" });
    const cookie = (await createUserSession(staff.id)).split(";")[0]!;
    const now = Date.now();
    const day = await fixtures.activity({ requiresSignUp: false, sessions: [{ startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) }] });
    const sessionId = day.sessions[0]!.id;
    const lastName = `Walkin${crypto.randomUUID().slice(0, 6)}`;

    const refused = (await postWalkIn(cookie, sessionId, { firstName: "<b>Amal</b>", lastName, birthYear: "1982", gender: "WOMAN" })) as {
      result?: { error?: Record<string, string[]> };
    };
    expect(refused.result?.error).toMatchObject({ firstName: ["errors.badCharacters"], gender: ["errors.genderInvalid"] });
    expect(await db.person.count({ where: { lastName } })).toBe(0);

    const added = (await postWalkIn(cookie, sessionId, { firstName: "Amal", lastName, birthYear: "1982", gender: "FEMALE" })) as Response;
    expect(added.status).toBe(302);
    expect(await db.person.findFirstOrThrow({ where: { lastName }, select: { birthYear: true, birthDate: true, gender: true } })).toEqual({
      birthYear: 1982,
      birthDate: null,
      gender: "FEMALE",
    });
    await postWalkIn(cookie, sessionId, { firstName: "Ali", lastName, birthYear: "2015" });
    expect(await db.person.findFirstOrThrow({ where: { lastName, firstName: "Ali" }, select: { gender: true } })).toEqual({ gender: null });
  });
});
