// Issue 19, "defects found in use": each test pins one defect (and the siblings found with it) on real
// PostgreSQL, through the domain functions or the production build's pages.
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { addWalkIn, markAttendance, setHeadCount } from "../../app/domain/attendance/attendance.server.ts";
import { signUpCalendar } from "../../app/domain/enrolment/calendar.server.ts";
import { cancelEnrolment } from "../../app/domain/enrolment/cancel.server.ts";
import { changeShift, planShifts, ShiftError } from "../../app/domain/jobs/shifts.server.ts";
import { EnrolmentError } from "../../app/domain/enrolment/errors.ts";
import { activityRoster, giveWaitingPlace, setCapacity, staffActivityList } from "../../app/domain/staff/roster.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { action as myAction } from "../../app/routes/my._index.tsx";
import { loader as rosterCsvLoader } from "../../app/routes/staff.activities.$activityId.roster[.csv].tsx";
import { BUILD_PATH, ensureBuild } from "../../server/build.ts";
import { activity, area, household, jobPosting, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

let build: ServerBuild;
let staffCookie = "";
const cookieOf = async (userId: string) => (await createUserSession(userId)).split(";")[0]!;

/** A page as the production build renders it. */
async function page(url: string, cookie = "", language = "da"): Promise<{ status: number; html: string }> {
  const response = await createRequestHandler(build, "production")(
    new Request(`http://localhost${url}${url.includes("?") ? "&" : "?"}lng=${language}`, { headers: cookie ? { Cookie: cookie } : {} }),
    { clientIp: "127.0.0.1", cspNonce: "" },
  );
  // React separates neighbouring text with <!-- -->: the text as a reader sees it.
  return { status: response.status, html: (await response.text()).replaceAll("<!-- -->", "") };
}

/** The page without its scripts (the loader data and translations the browser gets): what a reader sees. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

beforeAll(async () => {
  staffCookie = await cookieOf((await createUser({ role: "STAFF" })).id);
  ensureBuild(() => {});
  build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
}, 300_000);

describe("defect 1: effort areas are the programme's, never shown to families", () => {
  it("the public activity page names the activity type, not the effort area", async () => {
    const camp = await activity({ title: "Sportslejr" });
    await db.effortArea.update({
      where: { id: camp.effortAreaId },
      data: { name: { da: "Kriminalitetsforebyggelse", en: "Crime prevention", ar: "الوقاية من الجريمة" } },
    });
    for (const language of ["da", "en", "ar"]) {
      const { status, html } = await page(`/activities/${camp.slug}`, "", language);
      expect(status).toBe(200);
      expect(html).not.toMatch(/Kriminalitetsforebyggelse|Crime prevention|الوقاية من الجريمة/);
    }
  });
});

describe("defect 2: one way to count places", () => {
  it("a family course counts families on the staff start page as on the roster and the public page; the waiting list counts groups", async () => {
    const course = await activity({ capacity: 2, capacityUnit: "HOUSEHOLD" });
    const [a, b, c] = [await household({ children: [{}, {}, {}] }), await household({ children: [{}, {}] }), await household({ children: [{}, {}] })];
    for (const family of [a, b, c]) await signUpFamily(course.id, family);
    const [listed] = await staffActivityList([course.id]);
    const roster = await activityRoster(course.id, { userId: (await createUser({ role: "STAFF" })).id });
    expect(roster.taken).toBe(2);
    expect({ confirmed: listed!.confirmed, waiting: listed!.waiting }).toEqual({ confirmed: roster.taken, waiting: 1 });
    const { html } = await page("/staff?view=upcoming", staffCookie);
    expect(html).toContain("Pladser: 2 af 2 · Venteliste: 1");
  });
});

describe("defect 4: the messages page", () => {
  it("offers every date still to come, not the first 20", async () => {
    const start = Date.now() + 86_400_000;
    const sessions = Array.from({ length: 30 }, (_, i) => ({
      startsAt: new Date(start + i * 7 * 86_400_000),
      endsAt: new Date(start + i * 7 * 86_400_000 + 3_600_000),
    }));
    const weekly = await activity({ sessions });
    const { status, html } = await page(`/staff/activities/${weekly.id}/messages`, staffCookie, "en");
    expect(status).toBe(200);
    const select = /<select[^>]*name="sessionId"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    expect(select.match(/<option/g)?.length).toBe(31); // "everyone" and 30 dates
  });
});

describe("defect 5: capacity changes say what they did", () => {
  it("an ended activity refuses a new capacity (and a place from the waiting list) with a reason", async () => {
    const past = new Date(Date.now() - 7 * 86_400_000);
    const ended = await activity({ capacity: 1, sessions: [{ startsAt: past, endsAt: new Date(past.getTime() + 3_600_000) }] });
    const staff = await createUser({ role: "STAFF" });
    await expect(setCapacity({ activityId: ended.id, capacity: 5, actorUserId: staff.id })).rejects.toEqual(new EnrolmentError("activityEnded"));
    expect((await db.activity.findUniqueOrThrow({ where: { id: ended.id } })).capacity).toBe(1);
    const family = await household();
    const signUp = await db.signUp.create({
      data: {
        activityId: ended.id,
        householdId: family.id,
        idempotencyKey: `ended-${family.id}`,
        consentPersonId: family.guardian.id,
        consentAt: new Date(),
        consentVersion: "test",
      },
    });
    await db.enrolment.create({
      data: { signUpId: signUp.id, activityId: ended.id, personId: family.children[0]!.id, householdId: family.id, status: "WAITING" },
    });
    await expect(giveWaitingPlace({ signUpId: signUp.id, activityId: ended.id, actorUserId: staff.id })).rejects.toEqual(new EnrolmentError("activityEnded"));
  });

  it("raising capacity tells how many waiting families were offered a place, and the roster says so", async () => {
    const full = await activity({ capacity: 1 });
    for (const family of [await household(), await household(), await household()]) await signUpFamily(full.id, family);
    const staff = await createUser({ role: "STAFF" });
    expect(await setCapacity({ activityId: full.id, capacity: 3, actorUserId: staff.id })).toEqual({ offered: 2 });
    const { html } = await page(`/staff/activities/${full.id}?done=capacity&offered=2`, staffCookie);
    expect(html).toContain("Antal pladser er gemt. 2 familier på ventelisten har fået tilbudt en plads.");
  });
});

describe("defect 10: after cancelling, the page says what happened to the place", () => {
  const cancelAsParent = async (family: Awaited<ReturnType<typeof household>>, enrolmentId: string) => {
    const response = (await myAction({
      request: new Request("http://localhost/my", {
        method: "POST",
        headers: { Cookie: await cookieOf(family.user!.id), "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
        body: new URLSearchParams({ intent: "cancel", enrolmentId }).toString(),
      }),
      params: {},
      context: { clientIp: "127.0.0.1", cspNonce: "" },
    })) as Response;
    return response.headers.get("Location");
  };
  const enrolmentOf = async (activityId: string, family: Awaited<ReturnType<typeof household>>) =>
    (await db.enrolment.findFirstOrThrow({ where: { activityId, householdId: family.id } })).id;

  it("with nobody waiting, the place is free again (not 'goes to the next on the waiting list')", async () => {
    const camp = await activity({ capacity: 5 });
    const family = await household();
    await signUpFamily(camp.id, family);
    expect(await cancelAsParent(family, await enrolmentOf(camp.id, family))).toBe("/my?done=cancelledNoQueue");
    const { html } = await page("/my?done=cancelledNoQueue", await cookieOf(family.user!.id));
    expect(html).toContain("Afmeldt. Pladsen er ledig igen.");
  });

  it("with a family waiting, the place goes to them, and staff removing a child are told the same", async () => {
    const camp = await activity({ capacity: 1 });
    const [first, second, third] = [await household(), await household(), await household()];
    for (const family of [first, second, third]) await signUpFamily(camp.id, family);
    expect(await cancelAsParent(first, await enrolmentOf(camp.id, first))).toBe("/my?done=cancelled");
    const staff = await createUser({ role: "STAFF" });
    const result = await cancelEnrolment({
      enrolmentId: await enrolmentOf(camp.id, second),
      actor: { userId: staff.id, personId: staff.personId!, isStaff: true },
    });
    expect(result).toEqual({ previous: "OFFERED", offered: 1 });
  });
});

describe("defects 12 and 13: the household page and the attendance page in the reader's words", () => {
  it("children show their age; the parent's own area asks where the parent lives; 'outside the plan's areas' is translated", async () => {
    const outside = await area({ isPlanArea: false, name: "Uden for helhedsplanens områder" });
    const today = new Date();
    const eightYearsAgo = `${today.getUTCFullYear() - 8}-01-01`;
    const family = await household({ children: [{ firstName: "Lina", birthDate: eightYearsAgo, areaId: outside.id }] });
    const cookie = await cookieOf(family.user!.id);
    const da = await page("/my/household", cookie, "da");
    da.html = visible(da.html);
    expect(da.html).toContain("8 år · Født");
    expect(da.html).toContain("Hvor bor du?");
    expect(da.html).not.toContain("Hvor bor barnet?");
    const ar = await page("/my/household", cookie, "ar");
    ar.html = visible(ar.html);
    expect(ar.html).toContain("8 سنوات · ");
    expect(ar.html).toContain("خارج المناطق السكنية للخطة");
    expect(ar.html).not.toContain("Uden for helhedsplanens");

    // A session under way (one on a later day asks first, defect 6; its forms are not shown until then).
    const camp = await activity({ sessions: [{ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) }] });
    const attendance = await page(`/staff/sessions/${camp.sessions[0]!.id}`, staffCookie, "ar");
    expect(attendance.status).toBe(200);
    attendance.html = visible(attendance.html);
    expect(attendance.html).toContain("خارج المناطق السكنية للخطة");
    expect(attendance.html).not.toContain("Uden for helhedsplanens");
  });
});

describe("defect 8: how to reach a parent", () => {
  it("the roster shows the e-mail of a parent who signs in by e-mail, phones as people write them, and the CSV one detail per column", async () => {
    const camp = await activity({});
    const byEmail = await household({ guardianEmail: "mor@example.dk", children: [{ firstName: "Lina" }] });
    const byPhone = await household({ guardianEmail: null, guardianPhone: "+4520000001", children: [{ firstName: "Omar" }] });
    const second = await db.person.create({ data: { firstName: "Far", lastName: "Test", phone: "+4520000002" } });
    await db.householdMember.create({ data: { householdId: byPhone.id, personId: second.id, role: "GUARDIAN" } });
    await signUpFamily(camp.id, byEmail);
    await signUpFamily(camp.id, byPhone);
    const { html } = await page(`/staff/activities/${camp.id}`, staffCookie);
    const shown = visible(html);
    expect(shown).toContain('href="mailto:mor@example.dk"');
    expect(shown).toContain("+45 20 00 00 01");
    expect(shown).not.toContain("intet nummer");
    const response = (await rosterCsvLoader({
      request: new Request(`http://localhost/staff/activities/${camp.id}/roster.csv`, { headers: { Cookie: staffCookie } }),
      params: { activityId: camp.id },
      context: { clientIp: "127.0.0.1", cspNonce: "" },
    })) as Response;
    const [header, ...rows] = (await response.text())
      .replace("\uFEFF", "")
      .trim()
      .split("\r\n")
      .map((line) => line.split(";"));
    expect(header).toEqual([
      "Navn",
      "Alder",
      "Boligområde",
      "Status",
      "Forælder 1",
      "Mobil 1",
      "E-mail 1",
      "Forælder 2",
      "Mobil 2",
      "E-mail 2",
      "Foto",
      "Det skal vi vide",
    ]);
    const omar = rows.find((row) => row[0] === "Omar Test")!;
    expect(omar.slice(4, 10)).toEqual([`${byPhone.guardian.firstName} Test`, "'+45 20 00 00 01", "", "Far Test", "'+45 20 00 00 02", ""]);
  });
});

/** A form sent to a page of the production build, as a browser without JavaScript sends it. */
async function post(url: string, form: Record<string, string>, cookie: string): Promise<Response> {
  return createRequestHandler(build, "production")(
    new Request(`http://localhost${url}`, {
      method: "POST",
      body: new URLSearchParams(form),
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    }),
    { clientIp: "127.0.0.1", cspNonce: "" },
  );
}

describe("defect 6: attendance for a session that has not happened yet", () => {
  it("a session on a later day is not marked, walked into or counted without the warning answered; a cancelled one never", async () => {
    const camp = await activity({});
    const family = await household();
    await signUpFamily(camp.id, family);
    const staff = await createUser({ role: "STAFF" });
    const sessionId = camp.sessions[0]!.id;
    const child = family.children[0]!.id;
    await expect(markAttendance({ sessionId, personId: child, present: true, actorUserId: staff.id })).rejects.toMatchObject({ code: "notYet" });
    await expect(addWalkIn({ sessionId, walkIn: { personId: child }, actorUserId: staff.id })).rejects.toMatchObject({ code: "notYet" });
    await expect(setHeadCount({ sessionId, housingAreaId: null, adults: 1, children: 1, actorUserId: staff.id })).rejects.toMatchObject({ code: "notYet" });
    expect(await db.attendance.count({ where: { sessionId } })).toBe(0);
    // Taking a mark back is always allowed; marking anyway after the warning works.
    await markAttendance({ sessionId, personId: child, present: false, actorUserId: staff.id });
    await markAttendance({ sessionId, personId: child, present: true, actorUserId: staff.id, early: true });
    expect(await db.attendance.findFirstOrThrow({ where: { sessionId } })).toMatchObject({ present: true });

    await db.activitySession.update({ where: { id: sessionId }, data: { cancelledAt: new Date() } });
    await expect(markAttendance({ sessionId, personId: child, present: true, actorUserId: staff.id, early: true })).rejects.toMatchObject({
      code: "sessionCancelled",
    });
  });

  it("the page warns in the reader's language and shows the list only after 'mark anyway'; a form without the answer writes nothing", async () => {
    const camp = await activity({});
    const family = await household({ children: [{ firstName: "Lina" }] });
    await signUpFamily(camp.id, family);
    const sessionId = camp.sessions[0]!.id;
    for (const [language, warning, button] of [
      ["da", "har ikke fundet sted endnu", "Skriv fremmøde alligevel"],
      ["en", "has not taken place yet", "Take attendance anyway"],
      ["ar", "ولم يحن بعد", "سجّل الحضور رغم ذلك"],
    ] as const) {
      const shown = await page(`/staff/sessions/${sessionId}`, staffCookie, language);
      expect(shown.status).toBe(200);
      const html = visible(shown.html);
      expect(html).toContain(warning);
      expect(html).toContain(button);
      expect(html).not.toContain("aria-pressed");
    }
    const anyway = visible((await page(`/staff/sessions/${sessionId}?early=1`, staffCookie, "da")).html);
    expect(anyway).toContain("aria-pressed");
    expect(anyway).toContain('name="early" value="1"');

    const mark = { intent: "mark", personId: family.children[0]!.id, present: "true" };
    const refused = await post(`/staff/sessions/${sessionId}`, mark, staffCookie);
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toBe(`/staff/sessions/${sessionId}`);
    expect(await db.attendance.count({ where: { sessionId } })).toBe(0);
    const json = await post(`/staff/sessions/${sessionId}/mark`, mark, staffCookie);
    expect(json.status).toBe(422);
    expect(await db.attendance.count({ where: { sessionId } })).toBe(0);
    expect((await post(`/staff/sessions/${sessionId}`, { ...mark, early: "1" }, staffCookie)).status).toBe(302);
    expect(await db.attendance.count({ where: { sessionId, present: true } })).toBe(1);
  });
});

describe("defect 14: .ics lines are folded at 75 octets, not 75 characters", () => {
  it("an Arabic activity and children's names: every line at most 75 bytes, no character split, the text whole when unfolded", async () => {
    const title = "ملعب الأطفال الصيفي في حي فيستربرو للعائلات";
    const camp = await activity({ title });
    await db.activity.update({ where: { id: camp.id }, data: { title: { da: title, ar: title } } });
    const family = await household({ children: [{ firstName: "عبد الرحمن" }, { firstName: "مريم" }] });
    const { signUpId } = await signUpFamily(camp.id, family);
    const ics = (await signUpCalendar(signUpId, family.id, "ar"))!;
    const encoder = new TextEncoder();
    for (const line of ics.split("\r\n")) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      expect(new TextDecoder("utf-8", { fatal: true }).decode(encoder.encode(line))).toBe(line);
    }
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain(`SUMMARY:${title} – `);
    expect(unfolded).toMatch(/عبد الرحمن/);
  });
});

describe("defect 6: a shift the youngest of the job could not work is planned only after a warning", () => {
  const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const plan = (postingId: string, startTime: string, endTime: string, extra: Record<string, unknown> = {}) => ({
    postingId,
    day: inAMonth(),
    startTime,
    endTime,
    breakMinutes: 0,
    place: "Legepladsen",
    slots: 2,
    responsibleUserId: null,
    note: null,
    repeatUntil: null,
    ...extra,
  });

  it("19:00–21:00 on a 13–17 job is refused as night work for the youngest, until staff plan it anyway; an 18+ job is not asked", async () => {
    const staff = await createUser({ role: "STAFF" });
    const job = await jobPosting();
    const refused = await planShifts(plan(job.id, "19:00", "21:00"), staff.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ShiftError);
    expect(refused).toMatchObject({ code: "youngRules", youngest: [{ rule: "night", age: 13, nightStart: "20:00" }] });
    expect(await db.jobShift.count({ where: { postingId: job.id } })).toBe(0);
    // A sibling: eight hours without a break is too long a day for a 13-year-old and needs a break.
    expect(await planShifts(plan(job.id, "08:00", "16:00"), staff.id).catch((error: ShiftError) => error.youngest.map((v) => v.rule))).toEqual([
      "dayLimit",
      "break",
    ]);
    expect(await planShifts(plan(job.id, "19:00", "21:00", { acceptYoungRules: true }), staff.id)).toBe(1);
    expect(await planShifts(plan(job.id, "15:00", "17:00"), staff.id)).toBe(1);

    const adults = await jobPosting();
    await db.jobPosting.update({ where: { id: adults.id }, data: { minAge: 18, maxAge: 25 } });
    expect(await planShifts(plan(adults.id, "19:00", "21:00"), staff.id)).toBe(1);

    // Changing a shift into the evening is the same question.
    const afternoon = await db.jobShift.findFirstOrThrow({ where: { postingId: job.id }, orderBy: { startsAt: "desc" } });
    const change = {
      shiftId: afternoon.id,
      day: inAMonth(),
      startTime: "18:30",
      endTime: "20:30",
      breakMinutes: 0,
      place: "Legepladsen",
      slots: 2,
      responsibleUserId: null,
      note: null,
    };
    await expect(changeShift(change, { userId: staff.id, role: "STAFF" })).rejects.toMatchObject({ code: "youngRules" });
    await changeShift({ ...change, acceptYoungRules: true }, { userId: staff.id, role: "STAFF" });
  });

  it("the plan page says it in words, keeps what was typed and offers 'save anyway' (da, ar)", async () => {
    const job = await jobPosting();
    const form = { day: inAMonth(), startTime: "19:00", endTime: "21:00", breakMinutes: "0", place: "Legepladsen", slots: "2" };
    for (const [language, words] of [
      ["da", ["De yngste, jobbet er for, må ikke tage denne vagt:", "Unge på 13 år: ingen arbejde mellem kl. 20.00 og 06.00.", "Gem vagten alligevel"]],
      ["ar", ["لا يجوز للأصغر سنًّا", "في عمر 13 سنة:", "احفظ المناوبة رغم ذلك"]],
    ] as const) {
      const response = await post(`/staff/jobs/${job.id}/shifts?lng=${language}`, form, staffCookie);
      expect(response.status).toBe(200);
      const html = visible((await response.text()).replaceAll("<!-- -->", ""));
      for (const word of words) expect(html).toContain(word);
      expect(html).toContain('name="acceptYoungRules"');
      expect(html).toContain('value="19:00"');
    }
    expect(await db.jobShift.count({ where: { postingId: job.id } })).toBe(0);
    const accepted = await post(`/staff/jobs/${job.id}/shifts`, { ...form, acceptYoungRules: "on" }, staffCookie);
    expect(accepted.status).toBe(302);
    expect(await db.jobShift.count({ where: { postingId: job.id } })).toBe(1);
  });
});

describe("defect 12: numbers in an Arabic sentence keep their order", () => {
  it("the class hint reads '8.b' (isolated), a session's time range is a left-to-right island after the Arabic comma, no numeric dates", async () => {
    const job = await jobPosting();
    const youth = await createUser({ role: "YOUTH", phone: `+4531${String(Date.now()).slice(-6)}` });
    const apply = await page(`/jobs/${job.slug}/apply`, await cookieOf(youth.id), "ar");
    expect(apply.status).toBe(200);
    expect(visible(apply.html)).toContain("مثلًا \u20688.b\u2069");

    const start = new Date("2027-01-14T15:00:00Z");
    const camp = await activity({ sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + 90 * 60_000) }] });
    const html = visible((await page(`/activities/${camp.slug}`, "", "ar")).html);
    expect(html).toContain("، \u206616:00–17:30\u2069");
    expect(html).not.toMatch(/\d{2}\u200f?\/\d{2}\u200f?\/\d{4}/);
  });
});
