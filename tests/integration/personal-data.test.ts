// A household's personal data (issue 9, GDPR): the export holds the family's
// people, sign-ups, attendance and messages and nothing of another family;
// another parent only ever gets their own; a deletion request is recorded and
// shown to staff; and staff's deletion removes names, contact details, notes
// and logins while every figure of the reports stays exactly as it was.
//
// The report fixture is past data in the 3rd quarter of 2025 (ages on 1 July
// 2025). Child C1 is born 2 July 2019: 5 on the period's first day, 6 the day
// after — so keeping only the birth year (or nulling it) moves C1 to another
// age band, and the "reports stay equal" test would fail.
import { copenhagenInstant } from "../../app/domain/dates.ts";
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { anonymiseHousehold, deletionOverview, householdData, openDeletionRequests, PrivacyError } from "../../app/domain/households/personal-data.server.ts";
import { countJobs, countParticipation } from "../../app/domain/reporting/report.server.ts";
import { audit } from "../../app/lib/audit.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { queueMessage } from "../../app/lib/messages/send.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import * as dataPage from "../../app/routes/my.data._index.tsx";
import * as dataFile from "../../app/routes/my.data[.json].ts";
import * as deletePage from "../../app/routes/staff.families.$householdId_.delete.tsx";
import * as staffHome from "../../app/routes/staff._index.tsx";
import * as personPage from "../../app/routes/staff.people.$personId.delete.tsx";
import { activity, household, jobPosting, signUpFamily } from "../setup/fixtures.ts";
import { createUser, statementsOf } from "../setup/helpers.ts";

const Q3 = { from: "2025-07-01", to: "2025-09-30" };
const at = (day: string, time = "15:00") => copenhagenInstant(day, time);
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

type Person = { id: string };
let areaA = "";
let areaB = "";
/** The family that asks for deletion: guardian G (login), second guardian G2 (also in household K), children C1, C2, C3 (15, has a job). */
const H = { id: "", G: "", G2: "", C1: "", C2: "", C3: "", userId: "", cookie: "", email: "", phone: "" };
/** Another family with an account. */
const O = { id: "", guardian: "", child: "", userId: "", cookie: "" };
let K = "";
let staffCookie = "";
let staffUserId = "";
let parentCookie = "";
const activityIds: Record<string, string> = {};
const sessionIds: Record<string, string> = {};

async function person(data: {
  firstName: string;
  birthDate?: string;
  gender?: "FEMALE" | "MALE" | "OTHER";
  areaId?: string;
  email?: string;
  phone?: string;
}): Promise<Person> {
  return db.person.create({
    data: {
      firstName: data.firstName,
      lastName: "Privat",
      birthDate: data.birthDate ? dateOf(data.birthDate) : null,
      gender: data.gender ?? null,
      housingAreaId: data.areaId ?? null,
      email: data.email ?? null,
      phone: data.phone ?? null,
      language: "ar",
    },
    select: { id: true },
  });
}

async function pastActivity(key: string, days: string[]) {
  const suffix = randomUUID().slice(0, 8);
  const type = await db.activityType.create({ data: { code: `privacy-${key}-${suffix}`, name: { da: key }, icon: "star" } });
  const effort = await db.effortArea.create({ data: { code: `privacy-${key}-${suffix}`, name: { da: key } } });
  const created = await db.activity.create({
    data: {
      slug: `privacy-${key}-${suffix}`,
      typeId: type.id,
      effortAreaId: effort.id,
      status: "PUBLISHED",
      title: { da: `Aktivitet ${key}`, en: `Activity ${key}` },
      description: { da: key },
      place: "Fælleshuset",
      sessions: { create: days.map((day) => ({ startsAt: at(day), endsAt: at(day, "17:00") })) },
    },
    include: { sessions: true },
  });
  activityIds[key] = created.id;
  for (const s of created.sessions) sessionIds[`${key} ${s.startsAt.toISOString().slice(0, 10)}`] = s.id;
}

async function enrol(
  activityKey: string,
  householdId: string,
  consentPersonId: string,
  people: { personId: string; areaId: string; confirmed?: string; cancelled?: string; waitlisted?: string }[],
) {
  const signUp = await db.signUp.create({
    data: {
      activityId: activityIds[activityKey]!,
      householdId,
      idempotencyKey: randomUUID(),
      consentPersonId,
      consentAt: at("2025-06-20", "12:00"),
      consentVersion: "2025-06-01/1",
      consentMethod: "ONLINE",
    },
  });
  for (const p of people) {
    await db.enrolment.create({
      data: {
        signUpId: signUp.id,
        activityId: activityIds[activityKey]!,
        personId: p.personId,
        householdId,
        housingAreaId: p.areaId,
        status: p.cancelled ? "CANCELLED" : p.confirmed ? "CONFIRMED" : "WAITING",
        confirmedAt: p.confirmed ? at(p.confirmed, "12:00") : null,
        cancelledAt: p.cancelled ? at(p.cancelled, "12:00") : null,
        cancelReason: p.cancelled ? "BY_GUARDIAN" : null,
        waitlistedAt: p.waitlisted ? at(p.waitlisted, "12:00") : null,
      },
    });
  }
}

async function attend(sessionKey: string, personId: string, areaId: string, present = true) {
  await db.attendance.create({ data: { sessionId: sessionIds[sessionKey]!, personId, housingAreaId: areaId, present } });
}

const cookieOf = async (userId: string) => (await createUserSession(userId)).split(";")[0]!;

/** Calls a loader or action as Remix would; a thrown Response is returned. */
async function call(
  handler: (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>,
  path: string,
  cookie: string,
  options: { params?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<unknown> {
  const headers = new Headers({ Cookie: cookie });
  const init: RequestInit = { headers };
  if (options.form) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    init.method = "POST";
    init.body = new URLSearchParams(options.form).toString();
  }
  try {
    return await handler({ request: new Request(`http://localhost${path}`, init), params: options.params ?? {}, context: {} } as never);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

beforeAll(async () => {
  areaA = (await db.housingArea.create({ data: { code: `privacy-A-${randomUUID().slice(0, 6)}`, name: "Område A" } })).id;
  areaB = (await db.housingArea.create({ data: { code: `privacy-B-${randomUUID().slice(0, 6)}`, name: "Område B" } })).id;

  H.email = `g-${randomUUID()}@example.dk`;
  H.phone = `+45${String(Math.floor(20_000_000 + Math.random() * 9_000_000))}`;
  H.G = (await person({ firstName: "GunnarPrivat", birthDate: "1985-04-04", gender: "MALE", areaId: areaA, email: H.email, phone: H.phone })).id;
  H.G2 = (await person({ firstName: "GretePrivat", areaId: areaA, phone: "+4550000001" })).id;
  H.C1 = (await person({ firstName: "CarlPrivat", birthDate: "2019-07-02", gender: "MALE", areaId: areaA })).id;
  H.C2 = (await person({ firstName: "CeciliePrivat", birthDate: "2015-03-10", gender: "FEMALE", areaId: areaB })).id;
  H.C3 = (await person({ firstName: "ChristianPrivat", birthDate: "2010-01-01", gender: "MALE", areaId: areaA })).id;
  await db.personNeeds.create({ data: { personId: H.C1, text: "Nøddeallergi – har EpiPen" } });
  await db.person.update({ where: { id: H.C2 }, data: { photoConsent: true } });
  const gUser = await db.user.create({
    data: { personId: H.G, role: "PARENT", email: H.email, phone: H.phone, language: "ar", lastSignInAt: at("2025-06-20") },
  });
  H.userId = gUser.id;
  H.id = (
    await db.household.create({
      data: {
        calendarTokenHash: randomUUID(),
        members: {
          create: [
            { personId: H.G, role: "GUARDIAN" },
            { personId: H.G2, role: "GUARDIAN" },
            { personId: H.C1, role: "CHILD" },
            { personId: H.C2, role: "CHILD" },
            { personId: H.C3, role: "CHILD" },
          ],
        },
      },
    })
  ).id;
  // G2 is also a guardian in another family (K): her data belong to K as much as to H.
  const kChild = await person({ firstName: "KaiPrivat", birthDate: "2017-02-02", areaId: areaA });
  K = (
    await db.household.create({
      data: {
        members: {
          create: [
            { personId: H.G2, role: "GUARDIAN" },
            { personId: kChild.id, role: "CHILD" },
          ],
        },
      },
    })
  ).id;

  O.guardian = (await person({ firstName: "OlgaPrivat", email: `o-${randomUUID()}@example.dk` })).id;
  O.child = (await person({ firstName: "OskarAndenFamilie", birthDate: "2016-01-01", gender: "MALE", areaId: areaA })).id;
  O.userId = (await db.user.create({ data: { personId: O.guardian, role: "PARENT", email: `o-login-${randomUUID()}@example.dk` } })).id;
  O.id = (
    await db.household.create({
      data: {
        members: {
          create: [
            { personId: O.guardian, role: "GUARDIAN" },
            { personId: O.child, role: "CHILD" },
          ],
        },
      },
    })
  ).id;

  // X: attendance taken. Y: no attendance taken (enrolment counts), a waiting list and a cancellation in the period.
  await pastActivity("X", ["2025-07-07", "2025-08-04", "2025-10-06"]);
  await pastActivity("Y", ["2025-07-10", "2025-07-24"]);
  await enrol("X", H.id, H.G, [
    { personId: H.C1, areaId: areaA, confirmed: "2025-06-20" },
    { personId: H.C2, areaId: areaB, confirmed: "2025-06-20" },
  ]);
  await enrol("Y", H.id, H.G, [
    { personId: H.C1, areaId: areaA, confirmed: "2025-06-20", cancelled: "2025-07-15" },
    { personId: H.C3, areaId: areaA, waitlisted: "2025-07-01" },
  ]);
  await enrol("X", O.id, O.guardian, [{ personId: O.child, areaId: areaA, confirmed: "2025-06-21" }]);
  await attend("X 2025-07-07", H.C1, areaA);
  await attend("X 2025-08-04", H.C1, areaA);
  await attend("X 2025-07-07", H.C2, areaB);
  await attend("X 2025-08-04", H.C2, areaB, false);
  await attend("X 2025-07-07", O.child, areaA);
  // G (a guardian) joined a session too: an adult with a birth date in the 30–64 band.
  await attend("X 2025-08-04", H.G, areaA);

  // C3's pocket-money job: applied and hired in the period.
  const posting = await jobPosting({ title: "Legepatrulje", status: "CLOSED", positions: 2, applicationDeadline: dateOf("2025-08-01") });
  const application = await db.jobApplication.create({
    data: {
      postingId: posting.id,
      personId: H.C3,
      school: "Vestre Skole",
      schoolClass: "9.b",
      motivation: "Jeg kan lide at lege med de små",
      status: "HIRED",
      guardianName: "GunnarPrivat Privat",
      guardianEmail: H.email,
      guardianTokenHash: randomUUID(),
      consentRequired: false,
      createdAt: at("2025-07-20"),
    },
  });
  // O's child applied too, naming H's guardian G as the adult to ask (an aunt, say): G's contact is G's data.
  await db.jobApplication.create({
    data: {
      postingId: posting.id,
      personId: O.child,
      motivation: "Jeg vil gerne tjene lommepenge",
      status: "RECEIVED",
      guardianName: "Faster Gunnar",
      guardianEmail: H.email,
      guardianPhone: H.phone,
      guardianTokenHash: randomUUID(),
      consentRequired: true,
      createdAt: at("2025-07-21"),
    },
  });
  await db.employment.create({
    data: {
      applicationId: application.id,
      postingId: posting.id,
      personId: H.C3,
      role: "Hjælper",
      startsOn: dateOf("2025-08-15"),
      endedOn: dateOf("2025-09-15"),
      referenceTasks: "Legede med børnene",
      referenceStatement: "Christian var altid glad",
      referenceAt: at("2025-09-16"),
    },
  });

  // Messages: about the family, a sign-in code to G (about no household), one to the other family.
  await db.message.create({
    data: {
      channel: "EMAIL",
      recipient: H.email,
      language: "ar",
      template: "signUpConfirmed",
      subject: "Tilmeldt: Aktivitet X",
      body: "Se jeres tilmelding: https://portal/offers/HEMMELIGT-LINK",
      householdId: H.id,
      activityId: activityIds.X!,
      status: "SENT",
      sentAt: at("2025-06-20", "12:01"),
    },
  });
  await db.message.create({ data: { channel: "SMS", recipient: H.phone, language: "ar", template: "signInCode", body: "Din kode: ******", status: "SENT" } });
  await db.message.create({
    data: { channel: "SMS", recipient: "+4550000001", language: "da", template: "reminder", body: "Husk i morgen", householdId: H.id, status: "QUEUED" },
  });
  await db.message.create({
    data: {
      channel: "EMAIL",
      recipient: "o@example.dk",
      language: "da",
      template: "signUpConfirmed",
      body: "OskarAndenFamilie er tilmeldt",
      householdId: O.id,
    },
  });
  await db.signInChallenge.create({ data: { identifier: H.email, channel: "EMAIL", codeHash: "x", expiresAt: new Date(Date.now() + 600_000) } });
  // An earlier correction in the audit log, with the names it changed.
  await audit(db, {
    actorUserId: H.userId,
    action: "person.update",
    entityType: "Person",
    entityId: H.C1,
    before: { firstName: "Karl" },
    after: { firstName: "CarlPrivat" },
  });

  H.cookie = await cookieOf(H.userId);
  O.cookie = await cookieOf(O.userId);
  const staff = await createUser({ role: "STAFF", email: `staff-${randomUUID()}@example.dk` });
  staffUserId = staff.id;
  staffCookie = await cookieOf(staff.id);
  parentCookie = O.cookie;
});

afterEach(() => vi.restoreAllMocks());

describe("the export", () => {
  it("holds the household's people, sign-ups, attendance, messages and jobs — and nothing of another household", async () => {
    const data = await householdData({ id: H.userId, personId: H.G });
    expect(data.household?.id).toBe(H.id);
    expect(data.household?.calendarFeed).toBe(true);
    expect(data.people.map((p) => p.firstName).sort()).toEqual(["CarlPrivat", "CeciliePrivat", "ChristianPrivat", "GretePrivat", "GunnarPrivat"]);
    const carl = data.people.find((p) => p.id === H.C1)!;
    expect(carl).toMatchObject({ role: "CHILD", birthDate: "2019-07-02", housingArea: "Område A", needs: "Nøddeallergi – har EpiPen", isYou: false });
    expect(data.people.find((p) => p.id === H.C2)).toMatchObject({ photoConsent: true, housingArea: "Område B" });
    expect(data.people.find((p) => p.id === H.G)).toMatchObject({ isYou: true, email: H.email, phone: H.phone, language: "ar" });
    expect(data.accounts).toEqual([expect.objectContaining({ personId: H.G, role: "PARENT", email: H.email, lastSignInAt: at("2025-06-20").toISOString() })]);

    expect(data.signUps).toHaveLength(2);
    const x = data.signUps.find((s) => s.activity.da === "Aktivitet X")!;
    expect(x.consent).toMatchObject({ method: "ONLINE", version: "2025-06-01/1", by: "GunnarPrivat Privat" });
    expect(x.enrolments.map((e) => [e.name, e.status]).sort()).toEqual([
      ["CarlPrivat Privat", "CONFIRMED"],
      ["CeciliePrivat Privat", "CONFIRMED"],
    ]);
    expect(
      data.signUps
        .find((s) => s.activity.da === "Aktivitet Y")!
        .enrolments.map((e) => e.status)
        .sort(),
    ).toEqual(["CANCELLED", "WAITING"]);

    expect(data.attendance.map((row) => [row.name, row.startsAt.slice(0, 10), row.present])).toEqual([
      ["CarlPrivat Privat", "2025-07-07", true],
      ["CeciliePrivat Privat", "2025-07-07", true],
      ["CarlPrivat Privat", "2025-08-04", true],
      ["CeciliePrivat Privat", "2025-08-04", false],
      ["GunnarPrivat Privat", "2025-08-04", true],
    ]);

    // The family's messages and the sign-in code to G's phone; template, not text.
    expect(data.messages.map((m) => m.template).sort()).toEqual(["reminder", "signInCode", "signUpConfirmed"]);
    expect(data.messages.find((m) => m.template === "signUpConfirmed")).toMatchObject({ recipient: H.email, activity: { da: "Aktivitet X" } });
    expect(data.jobApplications).toEqual([
      expect.objectContaining({ name: "ChristianPrivat Privat", status: "HIRED", motivation: "Jeg kan lide at lege med de små" }),
    ]);
    expect(data.jobApplications[0]!.employment?.reference?.statement).toBe("Christian var altid glad");

    const text = JSON.stringify(data);
    for (const other of ["OskarAndenFamilie", "OlgaPrivat", "KaiPrivat", O.id, O.child, K, "HEMMELIGT-LINK", "Husk i morgen"])
      expect(text).not.toContain(other);
  });

  it("is a JSON download that is not cached", async () => {
    const response = (await call(dataFile.loader, "/my/data.json", H.cookie)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="aktivitetsportalen-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = (await response.json()) as { people: { firstName: string }[] };
    expect(body.people.map((p) => p.firstName)).toContain("CarlPrivat");
  });

  it("sends no more statements for a large family than for a small one", async () => {
    const family = await household({ children: [{ firstName: "Lille" }] });
    const small = await activity({});
    await signUpFamily(small.id, family);
    const user = { id: family.user!.id, personId: family.guardian.id };
    const count = async () => (await statementsOf(() => householdData(user))).sql.length;
    await count();
    const few = await count();
    // Many more children, sign-ups, attendance marks, messages and needs.
    const children = [];
    for (let i = 0; i < 6; i++) {
      const child = await db.person.create({
        data: { firstName: `Barn${i}`, lastName: "Test", birthDate: dateOf("2015-01-01"), needs: { create: { text: "Note" } } },
      });
      await db.householdMember.create({ data: { householdId: family.id, personId: child.id, role: "CHILD" } });
      children.push(child.id);
    }
    const start = Date.now() + 20 * 86_400_000;
    for (let i = 0; i < 4; i++) {
      const more = await activity({
        sessions: [0, 1, 2].map((week) => ({
          startsAt: new Date(start + (i * 3 + week) * 86_400_000),
          endsAt: new Date(start + (i * 3 + week) * 86_400_000 + 3_600_000),
        })),
      });
      await signUpFamily(more.id, { ...family, children: children.map((id) => ({ id }) as never) });
      for (const session of more.sessions)
        for (const id of children) await db.attendance.create({ data: { sessionId: session.id, personId: id, present: true } });
    }
    const many = await count();
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(12);
  });
});

describe("only one's own household", () => {
  it("another parent gets their own family, never household H — whatever the URL says", async () => {
    for (const path of ["/my/data.json", `/my/data.json?householdId=${H.id}`]) {
      const response = (await call(dataFile.loader, path, O.cookie)) as Response;
      const text = await response.text();
      expect(text).toContain("OskarAndenFamilie");
      for (const mark of ["CarlPrivat", "CeciliePrivat", "GunnarPrivat", H.id, H.C1, "Nøddeallergi"]) expect(text).not.toContain(mark);
    }
    const page = await call(dataPage.loader, `/my/data?householdId=${H.id}`, O.cookie);
    const text = JSON.stringify(page);
    expect(text).toContain("OskarAndenFamilie");
    expect(text).not.toContain("CarlPrivat");
    expect(text).not.toContain(H.id);
  });

  it("needs a parent's login", async () => {
    const anonymous = (await call(dataFile.loader, "/my/data.json", "")) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    expect(((await call(dataFile.loader, "/my/data.json", staffCookie)) as Response).status).toBe(403);
    expect(((await call(dataPage.loader, "/my/data", staffCookie)) as Response).status).toBe(403);
  });
});

describe("a deletion request", () => {
  it("needs the box ticked, is recorded against the parent's own household, and staff see it", async () => {
    const refused = await call(dataPage.action, "/my/data", H.cookie, { form: {} });
    expect(refused).toMatchObject({ status: "error", error: { understood: ["errors.understoodRequired"] } });
    expect(await db.auditEvent.count({ where: { action: "privacy.deletionRequested" } })).toBe(0);

    const done = (await call(dataPage.action, "/my/data", H.cookie, { form: { understood: "on" } })) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/my/data?done=deletionRequested");
    const events = await db.auditEvent.findMany({ where: { action: "privacy.deletionRequested" } });
    expect(events).toEqual([expect.objectContaining({ entityType: "Household", entityId: H.id, actorUserId: H.userId })]);

    expect((await householdData({ id: H.userId, personId: H.G })).deletionRequests).toHaveLength(1);
    expect((await householdData({ id: O.userId, personId: O.guardian })).deletionRequests).toHaveLength(0);
    const overview = await call(deletePage.loader, `/staff/families/${H.id}/delete`, staffCookie, { params: { householdId: H.id } });
    expect(overview).toMatchObject({ requests: [events[0]!.at.toISOString()] });
    // On the staff start page's to-do list (not a partner's), once, however often the family asked.
    await call(dataPage.action, "/my/data", H.cookie, { form: { understood: "on" } });
    const latest = (await db.auditEvent.findFirstOrThrow({ where: { action: "privacy.deletionRequested" }, orderBy: { at: "desc" } })).at;
    const home = (await call(staffHome.loader, "/staff", staffCookie)) as Awaited<ReturnType<typeof staffHome.loader>>;
    expect(home.deletionRequests).toEqual([{ href: `/staff/families/${H.id}/delete`, names: expect.any(String), requestedAt: latest.toISOString() }]);
    const partner = await createUser({ role: "PARTNER", email: "requests-partner@example.dk" });
    const partnerHome = (await call(staffHome.loader, "/staff", await cookieOf(partner.id))) as Awaited<ReturnType<typeof staffHome.loader>>;
    expect(partnerHome.deletionRequests).toEqual([]);
  });
});

describe("deletion by staff", () => {
  let before: { participation: Awaited<ReturnType<typeof countParticipation>>; jobs: Awaited<ReturnType<typeof countJobs>> };

  it("is for staff only, and an unticked form changes nothing", async () => {
    const params = { householdId: H.id };
    expect(((await call(deletePage.action, `/staff/families/${H.id}/delete`, parentCookie, { params, form: { confirm: "on" } })) as Response).status).toBe(403);
    expect(await call(deletePage.action, `/staff/families/${H.id}/delete`, staffCookie, { params, form: {} })).toMatchObject({ status: "error" });
    expect(await db.person.findUniqueOrThrow({ where: { id: H.C1 }, select: { anonymisedAt: true } })).toEqual({ anonymisedAt: null });
    const overview = (await deletionOverview(H.id))!;
    expect(Object.fromEntries(overview.members.map((m) => [m.id, m.outcome]))).toEqual({
      [H.G]: "delete",
      [H.G2]: "otherHousehold",
      [H.C1]: "delete",
      [H.C2]: "delete",
      [H.C3]: "delete",
    });
    expect(overview.upcomingPlaces).toEqual([]);
  });

  it("refuses while the family holds a place on a session ahead", async () => {
    const family = await household({});
    const ahead = await activity({});
    await signUpFamily(ahead.id, family);
    await expect(anonymiseHousehold(family.id, staffUserId)).rejects.toEqual(new PrivacyError("upcomingPlaces"));
    expect((await deletionOverview(family.id))!.upcomingPlaces).toEqual([expect.objectContaining({ activityId: ahead.id })]);
    expect(await db.person.count({ where: { id: family.guardian.id, anonymisedAt: { not: null } } })).toBe(0);
  });

  it("removes names, contact details, notes and logins, and every report figure stays the same", async () => {
    before = { participation: await countParticipation(Q3), jobs: await countJobs(Q3) };
    // The fixture means something: people in several age bands, both areas, a waiting list, a cancellation, a job.
    expect(before.participation.uniqueParticipants.byAge).toMatchObject({ "0-5": 1, "6-12": 2, "30-64": 1 });
    expect(before.participation.waitingList.total).toBe(1);
    expect(before.participation.cancellations.total).toBe(1);
    expect(before.jobs.applicants.total).toBe(2); // C3, and O's child
    const rows = { enrolments: await db.enrolment.count(), attendance: await db.attendance.count(), members: await db.householdMember.count() };

    const response = (await call(deletePage.action, `/staff/families/${H.id}/delete`, staffCookie, {
      params: { householdId: H.id },
      form: { confirm: "on" },
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/staff/families/${H.id}/delete?done=4`);

    // The reports: identical, figure for figure.
    expect(await countParticipation(Q3)).toEqual(before.participation);
    expect(await countJobs(Q3)).toEqual(before.jobs);
    expect({ enrolments: await db.enrolment.count(), attendance: await db.attendance.count(), members: await db.householdMember.count() }).toEqual(rows);

    // The people: no names, contact details, notes or logins.
    const people = await db.person.findMany({
      where: { id: { in: [H.G, H.C1, H.C2, H.C3] } },
      select: { firstName: true, lastName: true, email: true, phone: true, photoConsent: true, language: true, anonymisedAt: true, needs: true, user: true },
    });
    expect(people).toHaveLength(4);
    for (const p of people) {
      expect(p).toMatchObject({
        firstName: "Slettet",
        lastName: "person",
        email: null,
        phone: null,
        photoConsent: null,
        language: "da",
        needs: null,
        user: null,
      });
      expect(p.anonymisedAt).not.toBeNull();
    }
    expect(await db.user.count({ where: { id: H.userId } })).toBe(0);
    expect(await db.session.count({ where: { userId: H.userId } })).toBe(0);
    expect(await db.personNeeds.count({ where: { personId: H.C1 } })).toBe(0);
    // G2 is also in household K: kept as she was.
    expect(await db.person.findUniqueOrThrow({ where: { id: H.G2 }, select: { firstName: true, phone: true, anonymisedAt: true } })).toEqual({
      firstName: "GretePrivat",
      phone: "+4550000001",
      anonymisedAt: null,
    });
    // Messages about the family or to its contacts: no recipient or text; the queued one is not sent.
    const messages = await db.message.findMany({ where: { OR: [{ householdId: H.id }, { template: "signInCode", body: "" }] } });
    expect(messages).toHaveLength(3);
    for (const m of messages) expect(m).toMatchObject({ recipient: "", body: "", subject: null });
    expect(messages.find((m) => m.template === "reminder")?.status).toBe("FAILED");
    expect(await db.message.count({ where: { recipient: { in: [H.email, H.phone] } } })).toBe(0);
    expect(await db.signInChallenge.count({ where: { identifier: H.email } })).toBe(0);
    expect(await db.household.findUniqueOrThrow({ where: { id: H.id }, select: { calendarTokenHash: true } })).toEqual({ calendarTokenHash: null });
    // The job: dates and status stay, the free text and the guardian's contact go.
    expect(await db.jobApplication.findFirstOrThrow({ where: { personId: H.C3 } })).toMatchObject({
      status: "HIRED",
      motivation: "",
      school: null,
      guardianEmail: null,
      guardianName: "Slettet",
    });
    expect(await db.employment.findFirstOrThrow({ where: { personId: H.C3 } })).toMatchObject({ referenceStatement: null, referenceTasks: null });
    // G named as the guardian on O's child's application: G's name and contact go, O's child's own text stays.
    expect(await db.jobApplication.findFirstOrThrow({ where: { personId: O.child } })).toMatchObject({
      motivation: "Jeg vil gerne tjene lommepenge",
      guardianName: "Slettet",
      guardianEmail: null,
      guardianPhone: null,
    });
    // The log: what happened stays, the names go; the deletion itself is logged.
    const correction = await db.auditEvent.findFirstOrThrow({ where: { action: "person.update", entityId: H.C1 } });
    expect(correction).toMatchObject({ before: {}, after: {} });
    expect(await db.auditEvent.findFirst({ where: { action: "privacy.anonymised", entityId: H.id } })).toMatchObject({
      actorUserId: staffUserId,
      after: { people: 4, kept: 1, logins: 1 },
    });
    // The other family is untouched.
    expect(await db.person.findUniqueOrThrow({ where: { id: O.child }, select: { firstName: true } })).toEqual({ firstName: "OskarAndenFamilie" });
    expect(await db.message.count({ where: { householdId: O.id, body: "OskarAndenFamilie er tilmeldt" } })).toBe(1);
  });

  it("would notice a deletion that changed what reports count (the comparison above can fail)", async () => {
    const original = await db.person.findUniqueOrThrow({ where: { id: H.C1 }, select: { birthDate: true, gender: true } });
    const changed = async (data: { birthDate?: Date | null; gender?: null }) => {
      await db.person.update({ where: { id: H.C1 }, data });
      try {
        return await countParticipation(Q3);
      } finally {
        await db.person.update({ where: { id: H.C1 }, data: original });
      }
    };
    // Only the birth year kept (1 July): C1 is 6 on 1 July 2025 instead of 5.
    expect(await changed({ birthDate: dateOf("2019-07-01") })).not.toEqual(before.participation);
    expect(await changed({ birthDate: null })).not.toEqual(before.participation);
    expect(await changed({ gender: null })).not.toEqual(before.participation);
    expect(await countParticipation(Q3)).toEqual(before.participation);
  });

  it("done twice changes nothing more, and the request has left the staff's list", async () => {
    expect((await openDeletionRequests()).map((request) => request.href)).not.toContain(`/staff/families/${H.id}/delete`);
    expect(await anonymiseHousehold(H.id, staffUserId)).toEqual({ anonymised: 0, kept: 5 });
    expect(await countParticipation(Q3)).toEqual(before.participation);
    const overview = (await deletionOverview(H.id))!;
    expect(overview.members.filter((m) => m.outcome === "done")).toHaveLength(4);
  });
});

describe("a young person's own data", () => {
  it("is theirs to see and download, to ask to have deleted, and staff carry it out from their start page", async () => {
    const youth = await db.user.create({
      data: {
        role: "YOUTH",
        email: `ung-${randomUUID()}@example.dk`,
        person: { create: { firstName: "UngeUllaPrivat", lastName: "Alene", birthDate: dateOf("2011-02-02"), email: "ulla@example.dk" } },
      },
    });
    // An application with a guardian asked (under 15), and the message with the guardian's link.
    const posting = await jobPosting();
    await db.jobApplication.create({
      data: {
        postingId: posting.id,
        personId: youth.personId,
        motivation: "Jeg kan lide børn",
        status: "AWAITING_GUARDIAN",
        guardianName: "Far Alene",
        guardianEmail: "far-alene@example.dk",
        guardianTokenHash: `token-${randomUUID()}`,
        consentRequired: true,
      },
    });
    await queueMessage(db, { email: "far-alene@example.dk", language: "da" }, "jobGuardianConsent", {
      name: "UngeUllaPrivat",
      job: "Legepatrulje",
      link: "https://x/guardian/abc",
    });
    const cookie = await cookieOf(youth.id);
    const page = (await call(dataPage.loader, "/my/data", cookie)) as Awaited<ReturnType<typeof dataPage.loader>>;
    expect(page.people.map((row) => row.firstName)).toEqual(["UngeUllaPrivat"]);
    expect(page).toMatchObject({ forYouth: true, correctAt: "/account" });
    expect(JSON.stringify(page)).not.toContain("GunnarPrivat");
    const file = (await call(dataFile.loader, "/my/data.json", cookie)) as Response;
    expect(await file.text()).toContain("UngeUllaPrivat");

    const asked = (await call(dataPage.action, "/my/data", cookie, { form: { understood: "on" } })) as Response;
    expect(asked.status).toBe(302);
    const href = `/staff/people/${youth.personId}/delete`;
    const home = (await call(staffHome.loader, "/staff", staffCookie)) as Awaited<ReturnType<typeof staffHome.loader>>;
    expect(home.deletionRequests.map((request) => request.href)).toContain(href);

    const overview = (await call(personPage.loader, href, staffCookie, { params: { personId: youth.personId } })) as Awaited<
      ReturnType<typeof personPage.loader>
    >;
    expect(overview).toMatchObject({ name: "UngeUllaPrivat Alene", role: "YOUTH", householdId: null, outcome: "delete", requests: [expect.any(String)] });
    const unticked = await call(personPage.action, href, staffCookie, { params: { personId: youth.personId }, form: {} });
    expect(unticked).toMatchObject({ status: "error" });
    const done = (await call(personPage.action, href, staffCookie, { params: { personId: youth.personId }, form: { confirm: "on" } })) as Response;
    expect(done.headers.get("Location")).toBe(`${href}?done=1`);
    expect(await db.person.findUniqueOrThrow({ where: { id: youth.personId } })).toMatchObject({
      firstName: "Slettet",
      email: null,
      birthDate: dateOf("2011-02-02"),
    });
    expect(await db.user.count({ where: { id: youth.id } })).toBe(0);
    // The guardian's link stops working, and the message to the guardian that named the young person is emptied.
    expect((await db.jobApplication.findFirstOrThrow({ where: { personId: youth.personId } })).guardianTokenHash).toMatch(/^erased-/);
    expect(await db.message.findMany({ where: { template: "jobGuardianConsent", body: { contains: "UngeUllaPrivat" } } })).toEqual([]);
    expect(await db.message.count({ where: { recipient: "far-alene@example.dk" } })).toBe(0);
    const after = (await call(staffHome.loader, "/staff", staffCookie)) as Awaited<ReturnType<typeof staffHome.loader>>;
    expect(after.deletionRequests.map((request) => request.href)).not.toContain(href);
  });

  it("someone in a household is deleted with the family, not alone", async () => {
    const family = await household({ children: [{ firstName: "Barnet" }] });
    const href = `/staff/people/${family.children[0]!.id}/delete`;
    const overview = (await call(personPage.loader, href, staffCookie, { params: { personId: family.children[0]!.id } })) as { householdId: string };
    expect(overview.householdId).toBe(family.id);
    const refused = await call(personPage.action, href, staffCookie, { params: { personId: family.children[0]!.id }, form: { confirm: "on" } });
    expect(refused).toMatchObject({ status: "error", error: { "": ["staff.person.inHouseholdError"] } });
    expect(await db.person.findUniqueOrThrow({ where: { id: family.children[0]!.id }, select: { anonymisedAt: true } })).toEqual({ anonymisedAt: null });
  });

  it("waits until shifts ahead are released", async () => {
    const youth = await db.user.create({
      data: {
        role: "YOUTH",
        email: `vagt-${randomUUID()}@example.dk`,
        person: { create: { firstName: "Vagtfuld", lastName: "Ung", birthDate: dateOf("2010-01-01") } },
      },
    });
    const posting = await jobPosting({ title: "Ung træner", positions: 1 });
    const application = await db.jobApplication.create({
      data: {
        postingId: posting.id,
        personId: youth.personId,
        motivation: "Træning",
        status: "HIRED",
        guardianName: "Mor",
        guardianTokenHash: `t-${randomUUID()}`,
        consentRequired: false,
      },
    });
    const employment = await db.employment.create({
      data: { applicationId: application.id, postingId: posting.id, personId: youth.personId, role: "Træner", startsOn: dateOf("2026-01-01") },
    });
    const soon = new Date(Date.now() + 7 * 86_400_000);
    const shift = await db.jobShift.create({
      data: { postingId: posting.id, startsAt: soon, endsAt: new Date(soon.getTime() + 2 * 3_600_000), place: "Hallen" },
    });
    const assignment = await db.shiftAssignment.create({ data: { shiftId: shift.id, employmentId: employment.id } });
    const href = `/staff/people/${youth.personId}/delete`;
    const refused = await call(personPage.action, href, staffCookie, { params: { personId: youth.personId }, form: { confirm: "on" } });
    expect(refused).toMatchObject({ status: "error", error: { "": ["staff.person.upcomingShiftsError"] } });
    await db.shiftAssignment.update({ where: { id: assignment.id }, data: { status: "RELEASED", releasedAt: new Date() } });
    const done = (await call(personPage.action, href, staffCookie, { params: { personId: youth.personId }, form: { confirm: "on" } })) as Response;
    expect(done.headers.get("Location")).toBe(`${href}?done=1`);
  });

  it("a request made before joining a family leaves the list when the family's data is deleted", async () => {
    const parent = await db.user.create({
      data: { role: "PARENT", email: `alene-${randomUUID()}@example.dk`, person: { create: { firstName: "FørFamilie", lastName: "Forælder" } } },
    });
    await call(dataPage.action, "/my/data", await cookieOf(parent.id), { form: { understood: "on" } });
    const href = `/staff/people/${parent.personId}/delete`;
    expect((await openDeletionRequests()).map((request) => request.href)).toContain(href);
    const family = await db.household.create({ data: { members: { create: { personId: parent.personId, role: "GUARDIAN" } } } });
    await anonymiseHousehold(family.id, staffUserId);
    expect((await openDeletionRequests()).map((request) => request.href)).not.toContain(href);
  });
});
