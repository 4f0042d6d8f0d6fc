// Issue 19: who may collect a child, and whom to call. Played through the route modules as Remix calls them: the
// guardian keeps the list on the child's page, a stranger cannot read or change it, staff and the activity's own
// partner see it on the attendance list and the printed roster of an activity that asks for it (every view logged,
// without names), another activity's partner does not; at attendance "collected by" takes one of the allowed people
// or someone else by name; anonymisation deletes it all, and the family's data export holds it.
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { markAttendance } from "../../app/domain/attendance/attendance.server.ts";
import { anonymiseHousehold, householdData } from "../../app/domain/households/personal-data.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import * as activityPage from "../../app/routes/activities.$slug.tsx";
import * as contactsPage from "../../app/routes/my.household.children.$childId_.contacts.tsx";
import * as printPage from "../../app/routes/staff.activities.$activityId_.print.tsx";
import * as collectedRoute from "../../app/routes/staff.sessions.$sessionId.collected.tsx";
import * as attendancePage from "../../app/routes/staff.sessions.$sessionId.tsx";
import { activity, household, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;

/** Calls a loader or action as Remix would; a thrown Response is returned. */
async function call(handler: Handler, path: string, cookie: string, options: { params?: Record<string, string>; form?: [string, string][] } = {}) {
  const headers = new Headers({ Cookie: cookie });
  const init: RequestInit = { headers };
  if (options.form) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    headers.set("Origin", "http://localhost");
    init.method = "POST";
    init.body = new URLSearchParams(options.form).toString();
  }
  try {
    return await handler({
      request: new Request(`http://localhost${path}`, init),
      params: options.params ?? {},
      context: { clientIp: "127.0.0.1", cspNonce: "" },
    } as never);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

const cookieOf = async (userId: string) => (await createUserSession(userId)).split(";")[0]!;
const status = (answer: unknown) => (answer instanceof Response ? answer.status : 200);
const HOUR = 3_600_000;

type Family = Awaited<ReturnType<typeof household>>;

/** The contact form as the page sends it: rows of name, relation, phone, and the emergency contact. */
function contactForm(collectors: [string, string, string][], emergency: [string, string, string] | null): [string, string][] {
  return [
    ...collectors.flatMap(([name, relation, phone], index): [string, string][] => [
      [`collectors[${index}].name`, name],
      [`collectors[${index}].relation`, relation],
      [`collectors[${index}].phone`, phone],
    ]),
    ...(emergency
      ? ([
          ["emergency.name", emergency[0]],
          ["emergency.relation", emergency[1]],
          ["emergency.phone", emergency[2]],
        ] as [string, string][])
      : []),
  ];
}

let family: Family;
let stranger: Family;
let cookies: { parent: string; stranger: string; staff: string; partner: string; partnerOther: string };
let camp: Awaited<ReturnType<typeof activity>>;
let sessionId: string;
let childId: string;
let staffId: string;

beforeAll(async () => {
  family = await household({ children: [{ firstName: "Lina" }] });
  stranger = await household({ children: [{ firstName: "Omar" }] });
  childId = family.children[0]!.id;
  // A camp today: attendance can be taken now.
  camp = await activity({ title: "Sommerlejr", sessions: [{ startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) }] });
  await db.activity.update({ where: { id: camp.id }, data: { asksCollectContacts: true } });
  sessionId = camp.sessions[0]!.id;
  const other = await activity({ title: "Anden aktivitet" });
  await signUpFamily(camp.id, family);
  const staff = await createUser({ role: "STAFF", email: `staff-${randomUUID()}@example.dk` });
  staffId = staff.id;
  const partner = await createUser({ role: "PARTNER", email: `partner-${randomUUID()}@example.dk` });
  const partnerOther = await createUser({ role: "PARTNER", email: `partner-${randomUUID()}@example.dk` });
  await db.activityPartner.create({ data: { activityId: camp.id, userId: partner.id } });
  await db.activityPartner.create({ data: { activityId: other.id, userId: partnerOther.id } });
  cookies = {
    parent: await cookieOf(family.user!.id),
    stranger: await cookieOf(stranger.user!.id),
    staff: await cookieOf(staff.id),
    partner: await cookieOf(partner.id),
    partnerOther: await cookieOf(partnerOther.id),
  };
});

const contactsPath = (id: string) => `/my/household/children/${id}/contacts`;

describe("the guardian keeps who may collect the child and whom to call", () => {
  it("saves the filled rows (an empty row is no one), numbers normalised, shown formatted; the log counts, never names", async () => {
    const answer = await call(contactsPage.action as Handler, contactsPath(childId), cookies.parent, {
      params: { childId },
      form: [
        ...contactForm(
          [
            ["Fatima Hassan", "mormor", "20 12 34 56"],
            ["", "", ""],
            ["Karim Hassan", "onkel", "+45 31 22 33 44"],
          ],
          ["Yusuf Hassan", "morfar", "٤٠١٢٣٤٥٦"],
        ),
      ],
    });
    expect(status(answer)).toBe(302);
    const rows = await db.childContact.findMany({ where: { personId: childId }, orderBy: [{ kind: "asc" }, { position: "asc" }] });
    expect(rows.map((row) => [row.kind, row.position, row.name, row.relation, row.phone])).toEqual([
      ["COLLECTOR", 0, "Fatima Hassan", "mormor", "+4520123456"],
      ["COLLECTOR", 1, "Karim Hassan", "onkel", "+4531223344"],
      ["EMERGENCY", 0, "Yusuf Hassan", "morfar", "+4540123456"],
    ]);
    const page = (await call(contactsPage.loader as Handler, contactsPath(childId), cookies.parent, { params: { childId } })) as {
      collectors: { phone: string }[];
    };
    expect(page.collectors.map((contact) => contact.phone)).toEqual(["+45 20 12 34 56", "+45 31 22 33 44"]);
    const logged = await db.auditEvent.findFirstOrThrow({ where: { action: "childContacts.update", entityId: childId } });
    expect(logged.after).toEqual({ collectors: 2, emergency: true });
    expect(JSON.stringify(logged)).not.toMatch(/Fatima|Hassan|2012/);
  });

  it("refuses a started row without its number, a number that is not one, and more than 5 people — with the field's message, storing nothing", async () => {
    const before = await db.childContact.count({ where: { personId: childId } });
    const missing = (await call(contactsPage.action as Handler, contactsPath(childId), cookies.parent, {
      params: { childId },
      form: contactForm([["Ali", "nabo", ""]], null),
    })) as { error: Record<string, string[]> };
    expect(missing.error["collectors[0].phone"]).toEqual(["errors.contactPhoneRequired"]);
    const wrong = (await call(contactsPage.action as Handler, contactsPath(childId), cookies.parent, {
      params: { childId },
      form: contactForm([["Ali", "nabo", "123"]], null),
    })) as { error: Record<string, string[]> };
    expect(wrong.error["collectors[0].phone"]).toEqual(["errors.phoneInvalid"]);
    const six = Array.from({ length: 6 }, (_, index): [string, string, string] => [`Person ${index}`, "ven", `2000000${index}`]);
    const tooMany = (await call(contactsPage.action as Handler, contactsPath(childId), cookies.parent, {
      params: { childId },
      form: contactForm(six, null),
    })) as { error: Record<string, string[]> };
    expect(tooMany.error.collectors).toEqual(["errors.tooManyCollectors"]);
    const disguised = (await call(contactsPage.action as Handler, contactsPath(childId), cookies.parent, {
      params: { childId },
      form: contactForm([["Ali\u202Eevil", "nabo", "20000001"]], null),
    })) as { error: Record<string, string[]> };
    expect(disguised.error["collectors[0].name"]).toEqual(["common:errors.invisibleCharacters"]);
    expect(await db.childContact.count({ where: { personId: childId } })).toBe(before);
  });

  it("another household's parent cannot read or change them (404), staff get no family page for it (403)", async () => {
    const before = await db.childContact.findMany({ where: { personId: childId }, select: { name: true } });
    const read = await call(contactsPage.loader as Handler, contactsPath(childId), cookies.stranger, { params: { childId } });
    expect(status(read)).toBe(404);
    const write = await call(contactsPage.action as Handler, contactsPath(childId), cookies.stranger, {
      params: { childId },
      form: contactForm([["Indtrængende", "fremmed", "20000009"]], null),
    });
    expect(status(write)).toBe(404);
    expect(status(await call(contactsPage.loader as Handler, contactsPath(childId), cookies.staff, { params: { childId } }))).toBe(403);
    expect(await db.childContact.findMany({ where: { personId: childId }, select: { name: true } })).toEqual(before);
  });
});

describe("staff and the activity's partner see them on the day; every view is logged", () => {
  const sessionPath = () => `/staff/sessions/${sessionId}`;
  const views = () => db.auditEvent.count({ where: { action: "contacts.view", entityId: camp.id } });

  it("the attendance list shows them to staff and the camp's partner, each view logged with a count and no names", async () => {
    for (const role of ["staff", "partner"] as const) {
      const before = await views();
      const page = (await call(attendancePage.loader as Handler, sessionPath(), cookies[role], { params: { sessionId } })) as {
        collect: { personId: string; collectors: { name: string; phone: string }[]; emergency: { name: string } | null }[] | null;
      };
      const lina = page.collect?.find((child) => child.personId === childId);
      expect(lina?.collectors.map((contact) => [contact.name, contact.phone])).toEqual([
        ["Fatima Hassan", "+45 20 12 34 56"],
        ["Karim Hassan", "+45 31 22 33 44"],
      ]);
      expect(lina?.emergency?.name).toBe("Yusuf Hassan");
      expect(await views()).toBe(before + 1);
    }
    const logged = await db.auditEvent.findFirstOrThrow({ where: { action: "contacts.view", entityId: camp.id }, orderBy: { at: "desc" } });
    expect(logged.after).toEqual({ people: 1, sessionId });
    expect(JSON.stringify(logged)).not.toMatch(/Fatima|Hassan/);
  });

  it("a partner of another activity gets 404 on the attendance list, the printed roster and the collected-by form; nothing logged", async () => {
    const before = await views();
    expect(status(await call(attendancePage.loader as Handler, sessionPath(), cookies.partnerOther, { params: { sessionId } }))).toBe(404);
    expect(
      status(await call(printPage.loader as Handler, `/staff/activities/${camp.id}/print`, cookies.partnerOther, { params: { activityId: camp.id } })),
    ).toBe(404);
    expect(
      status(
        await call(collectedRoute.action as Handler, `${sessionPath()}/collected`, cookies.partnerOther, {
          params: { sessionId },
          form: [
            ["personId", childId],
            ["collector", "other"],
            ["otherName", "Fremmed"],
          ],
        }),
      ),
    ).toBe(404);
    expect(await views()).toBe(before);
  });

  it("the printed roster shows them to staff (logged); an activity that does not ask shows none and logs nothing", async () => {
    const before = await views();
    const roster = (await call(printPage.loader as Handler, `/staff/activities/${camp.id}/print`, cookies.staff, { params: { activityId: camp.id } })) as {
      contacts: Record<string, { collectors: { name: string }[] }> | null;
    };
    expect(roster.contacts?.[childId]?.collectors.map((contact) => contact.name)).toEqual(["Fatima Hassan", "Karim Hassan"]);
    expect(await views()).toBe(before + 1);

    const club = await activity({ title: "Klub", sessions: [{ startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) }] });
    // A child with contacts (Lina is at the camp at the same time).
    const clubFamily = await household();
    await db.childContact.create({
      data: { personId: clubFamily.children[0]!.id, kind: "COLLECTOR", position: 0, name: "Klubbens mormor", relation: "mormor", phone: "+4520000098" },
    });
    await signUpFamily(club.id, clubFamily);
    const page = (await call(attendancePage.loader as Handler, `/staff/sessions/${club.sessions[0]!.id}`, cookies.staff, {
      params: { sessionId: club.sessions[0]!.id },
    })) as { collect: unknown };
    const print = (await call(printPage.loader as Handler, `/staff/activities/${club.id}/print`, cookies.staff, { params: { activityId: club.id } })) as {
      contacts: unknown;
    };
    expect([page.collect, print.contacts]).toEqual([null, null]);
    expect(await db.auditEvent.count({ where: { action: "contacts.view", entityId: club.id } })).toBe(0);
  });
});

describe("collected by, at attendance", () => {
  const post = (cookie: string, form: [string, string][]) =>
    call(collectedRoute.action as Handler, `/staff/sessions/${sessionId}/collected`, cookie, { params: { sessionId }, form });
  const mark = () => db.attendance.findUniqueOrThrow({ where: { sessionId_personId: { sessionId, personId: childId } } });

  it("is refused for a child not marked present", async () => {
    const answer = await post(cookies.staff, [
      ["personId", childId],
      ["collector", "other"],
      ["otherName", "Nabo"],
    ]);
    expect(status(answer)).toBe(302);
    expect((answer as Response).headers.get("Location")).toContain("collectError=errors.collectNotPresent");
    expect(await db.attendance.count({ where: { sessionId, personId: childId } })).toBe(0);
  });

  it("stores one of the allowed people; refuses another child's contact and 'other' without a name; stores 'other' with a name", async () => {
    await markAttendance({ sessionId, personId: childId, present: true, actorUserId: staffId });
    const [fatima] = await db.childContact.findMany({ where: { personId: childId, kind: "COLLECTOR" }, orderBy: { position: "asc" } });
    const answer = await post(cookies.partner, [
      ["personId", childId],
      ["collector", fatima!.id],
    ]);
    expect(status(answer)).toBe(302);
    expect(await mark()).toMatchObject({ collectedByName: "Fatima Hassan", collectedByOther: false });

    // A contact of another child (the stranger's) is not on Lina's list.
    const omarsContact = await db.childContact.create({
      data: { personId: stranger.children[0]!.id, kind: "COLLECTOR", position: 0, name: "Omars onkel", relation: "onkel", phone: "+4520000099" },
    });
    const refused = await post(cookies.staff, [
      ["personId", childId],
      ["collector", omarsContact.id],
    ]);
    expect((refused as Response).headers.get("Location")).toContain("collectError=errors.collectNotAllowed");
    const nameless = await post(cookies.staff, [
      ["personId", childId],
      ["collector", "other"],
      ["otherName", ""],
    ]);
    expect((nameless as Response).headers.get("Location")).toContain("collectError=errors.collectorNameRequired");
    expect(await mark()).toMatchObject({ collectedByName: "Fatima Hassan", collectedByOther: false });

    const viaFetcher = await post(cookies.staff, [
      ["personId", childId],
      ["collector", "other"],
      ["otherName", "Nabo Jensen"],
      ["via", "fetcher"],
    ]);
    expect(viaFetcher).toMatchObject({ ok: true });
    expect(await mark()).toMatchObject({ collectedByName: "Nabo Jensen", collectedByOther: true });
    const logged = await db.auditEvent.findMany({ where: { action: "attendance.collected", entityId: `${sessionId}/${childId}` }, orderBy: { at: "asc" } });
    expect(logged.map((event) => event.after)).toEqual([
      { collected: true, other: false },
      { collected: true, other: true },
    ]);
    expect(JSON.stringify(logged)).not.toMatch(/Fatima|Jensen/);

    // The attendance list shows who collected the child.
    const page = (await call(attendancePage.loader as Handler, `/staff/sessions/${sessionId}`, cookies.staff, { params: { sessionId } })) as {
      collect: { personId: string; collectedBy: { name: string; other: boolean } | null }[];
    };
    expect(page.collect.find((child) => child.personId === childId)?.collectedBy).toEqual({ name: "Nabo Jensen", other: true });
  });

  it("is refused (404) for an activity that does not ask for it", async () => {
    const club = await activity({ title: "Klub 2", sessions: [{ startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) }] });
    const clubFamily = await household();
    const clubChild = clubFamily.children[0]!.id;
    await signUpFamily(club.id, clubFamily);
    await markAttendance({ sessionId: club.sessions[0]!.id, personId: clubChild, present: true, actorUserId: staffId });
    const answer = await call(collectedRoute.action as Handler, `/staff/sessions/${club.sessions[0]!.id}/collected`, cookies.staff, {
      params: { sessionId: club.sessions[0]!.id },
      form: [
        ["personId", clubChild],
        ["collector", "other"],
        ["otherName", "Nabo"],
      ],
    });
    expect(status(answer)).toBe(404);
    expect(await db.attendance.count({ where: { personId: clubChild, collectedByName: { not: null } } })).toBe(0);
  });
});

describe("signing up for an activity that asks", () => {
  it("lists the children without contacts, each linked; a child with both is not asked again; nothing is required", async () => {
    const trip = await activity({ title: "Udflugt" });
    await db.activity.update({ where: { id: trip.id }, data: { asksCollectContacts: true } });
    const newcomers = await household({ children: [{ firstName: "Noor" }, { firstName: "Ali" }] });
    const [noor, ali] = newcomers.children;
    await db.childContact.createMany({
      data: [
        { personId: ali!.id, kind: "COLLECTOR", position: 0, name: "Alis faster", relation: "faster", phone: "+4520000077" },
        { personId: ali!.id, kind: "EMERGENCY", position: 0, name: "Alis farbror", relation: "farbror", phone: "+4520000078" },
      ],
    });
    const cookie = await cookieOf(newcomers.user!.id);
    const page = (await call(activityPage.loader as Handler, `/activities/${trip.slug}`, cookie, { params: { slug: trip.slug } })) as {
      contactsMissing: { personId: string; firstName: string }[];
    };
    expect(page.contactsMissing).toEqual([{ personId: noor!.id, firstName: "Noor" }]);
    // The sign-up itself goes through without them.
    expect((await signUpFamily(trip.id, newcomers)).status).toBe("CONFIRMED");
  });
});

describe("the family's own data", () => {
  it("the data export holds the contacts and who collected the child; anonymisation deletes both", async () => {
    const data = await householdData({ id: family.user!.id, personId: family.guardian.id });
    const lina = data.people.find((person) => person.id === childId)!;
    expect(lina.collectors.map((contact) => contact.name)).toEqual(["Fatima Hassan", "Karim Hassan"]);
    expect(lina.emergencyContact?.name).toBe("Yusuf Hassan");
    expect(data.attendance.find((row) => row.personId === childId && row.collectedBy)?.collectedBy).toBe("Nabo Jensen");

    await db.enrolment.updateMany({ where: { householdId: family.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await anonymiseHousehold(family.id, staffId);
    expect(await db.childContact.count({ where: { personId: childId } })).toBe(0);
    expect(await db.attendance.count({ where: { personId: childId, collectedByName: { not: null } } })).toBe(0);
    // Whether the child came still counts in the reports.
    expect(await db.attendance.count({ where: { personId: childId, present: true } })).toBeGreaterThan(0);
  });
});
