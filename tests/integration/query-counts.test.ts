// No N+1 on the busy pages: the catalogue, an activity's roster, a
// session's attendance and the activity report each send PostgreSQL the
// same number of statements with a small data set and with about ten times
// as much (families, children, sessions, attendance marks, activities).
// The statements are counted at the driver, as in catalogue.test.ts: every
// statement Prisma's pg adapter sends (ORM queries, raw SQL, BEGIN/COMMIT)
// goes through pg.Client#query. The real route loaders are called, so the
// session check and everything else a page loads are counted too. A query
// per row (per child, per session, per activity…) makes the "many" count
// differ from the "few" count and the test fail; the upper bounds catch a
// new query added to a page without anyone noticing.
import { copenhagenInstant } from "../../app/domain/dates.ts";
import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CATALOGUE_PAGE_SIZE } from "../../app/domain/activities/catalogue.server.ts";
import { parseReportQuery } from "../../app/domain/reporting/report-query.ts";
import type { Prisma } from "../../app/generated/prisma/client.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { activity, area } from "../setup/fixtures.ts";
import { createUser, statementsOf } from "../setup/helpers.ts";
import { MEASURES } from "../../app/domain/reporting/milestones.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const fromNow = (ms: number) => new Date(Date.now() + ms);

let cookie = "";
let staffUserId = "";

beforeAll(async () => {
  const staff = await createUser({ role: "STAFF", email: `staff-${randomUUID()}@example.dk` });
  staffUserId = staff.id;
  cookie = (await createUserSession(staff.id)).split(";")[0]!;
});

afterEach(() => vi.restoreAllMocks());

type Loader<T> = (args: LoaderFunctionArgs) => Promise<T>;

/**
 * Calls a loader as Remix would (a fresh Request each time, so the session
 * is checked again) once to warm up, then once more counting statements.
 */
async function measure<T>(loader: Loader<T>, path: string, params: Record<string, string> = {}): Promise<{ statements: number; data: T; sql: string[] }> {
  const call = async () => {
    const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
    try {
      return await loader({ request, params, context: { clientIp: "127.0.0.1", cspNonce: "" } } as unknown as LoaderFunctionArgs);
    } catch (error) {
      if (error instanceof Response) throw new Error(`${path} answered ${error.status} ${error.headers.get("Location") ?? ""}`);
      throw error;
    }
  };
  await call();
  const { result: data, sql } = await statementsOf(call);
  return { statements: sql.length, data, sql: sql.map((line) => line.slice(0, 140)) };
}

// ---------------------------------------------------------------- data in bulk

type Family = { householdId: string; guardianId: string; childIds: string[] };

let seq = 0;

/** Households of one guardian (with a phone; every other one with an account) and `children` children each. */
async function families(count: number, options: { children?: number; areaId?: string | null; firstName?: string } = {}): Promise<Family[]> {
  const people: Prisma.PersonCreateManyInput[] = [];
  const users: Prisma.UserCreateManyInput[] = [];
  const members: Prisma.HouseholdMemberCreateManyInput[] = [];
  const created: Family[] = [];
  for (let f = 0; f < count; f++) {
    const n = ++seq;
    const family: Family = { householdId: randomUUID(), guardianId: randomUUID(), childIds: [] };
    people.push({ id: family.guardianId, firstName: `Forælder${n}`, lastName: "Tæller", phone: `+45 70 00 ${String(n).padStart(4, "0")}` });
    if (n % 2)
      users.push({ personId: family.guardianId, role: "PARENT", phone: `+45 71 00 ${String(n).padStart(4, "0")}`, email: `parent-${randomUUID()}@example.dk` });
    members.push({ householdId: family.householdId, personId: family.guardianId, role: "GUARDIAN" });
    for (let c = 0; c < (options.children ?? 1); c++) {
      const id = randomUUID();
      people.push({
        id,
        firstName: `${options.firstName ?? "Barn"}${n}x${c}`,
        lastName: "Tæller",
        birthDate: new Date(`${2012 + (n % 8)}-05-01T00:00:00Z`),
        gender: n % 2 ? "FEMALE" : "MALE",
        housingAreaId: options.areaId ?? null,
        photoConsent: n % 3 === 0 ? null : n % 3 === 1,
      });
      members.push({ householdId: family.householdId, personId: id, role: "CHILD" });
      family.childIds.push(id);
    }
    created.push(family);
  }
  await db.person.createMany({ data: people });
  await db.user.createMany({ data: users });
  await db.household.createMany({ data: created.map((family) => ({ id: family.householdId })) });
  await db.householdMember.createMany({ data: members });
  return created;
}

/** One sign-up per family for all its children, in the given status; offered ones get an open offer. */
async function enrol(
  activityId: string,
  list: Family[],
  status: "CONFIRMED" | "OFFERED" | "WAITING",
  options: { at?: Date; areaId?: string | null; cancelledAt?: Date } = {},
) {
  const at = options.at ?? fromNow(-100 * DAY);
  const signUps = list.map((family) => ({
    id: randomUUID(),
    activityId,
    householdId: family.householdId,
    idempotencyKey: randomUUID(),
    consentPersonId: family.guardianId,
    consentAt: at,
    consentMethod: seq % 2 ? ("ONLINE" as const) : ("SPOKEN" as const),
    consentVersion: "test",
    createdAt: at,
  }));
  await db.signUp.createMany({ data: signUps });
  await db.enrolment.createMany({
    data: list.flatMap((family, index) =>
      family.childIds.map((personId) => ({
        signUpId: signUps[index]!.id,
        activityId,
        personId,
        householdId: family.householdId,
        status: options.cancelledAt ? ("CANCELLED" as const) : status,
        housingAreaId: options.areaId ?? null,
        createdAt: at,
        confirmedAt: status === "WAITING" ? null : at,
        waitlistedAt: status === "WAITING" ? at : null,
        cancelledAt: options.cancelledAt ?? null,
      })),
    ),
  });
  if (status === "OFFERED")
    await db.waitingListOffer.createMany({
      data: signUps.map((signUp) => ({ signUpId: signUp.id, activityId, tokenHash: randomUUID(), expiresAt: fromNow(DAY) })),
    });
}

/** Attendance marks for every child at every session; `absent` children are marked absent, the others present. */
async function attend(sessionIds: string[], childIds: string[], options: { absent?: Set<string>; enrolled?: boolean; areaId?: string | null } = {}) {
  const rows = sessionIds.flatMap((sessionId) =>
    childIds.map((personId) => ({
      sessionId,
      personId,
      present: !options.absent?.has(personId),
      enrolled: options.enrolled ?? true,
      housingAreaId: options.areaId ?? null,
      markedByUserId: staffUserId,
    })),
  );
  for (let i = 0; i < rows.length; i += 1000) await db.attendance.createMany({ data: rows.slice(i, i + 1000) });
}

async function needs(childIds: string[]) {
  await db.personNeeds.createMany({ data: childIds.map((personId) => ({ personId, text: "Allergisk over for nødder" })) });
}

/** Sessions added to an activity, two hours each, starting at the given instants. */
async function addSessions(activityId: string, starts: Date[]): Promise<string[]> {
  const rows = starts.map((startsAt) => ({ id: randomUUID(), activityId, startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) }));
  await db.activitySession.createMany({ data: rows });
  return rows.map((row) => row.id);
}

const children = (list: Family[]) => list.flatMap((family) => family.childIds);

// ---------------------------------------------------------------- pages

describe("the roster of an activity", () => {
  it("sends the same statements for 5 and for 50 children, 4 and 30 sessions", async () => {
    const { loader } = await import("../../app/routes/staff.activities.$activityId.tsx");
    const home = await area();
    // Three sessions with attendance in the past (so the "missed three in a row" check runs in full) and one to come.
    const created = await activity({
      capacity: null,
      sessions: [-30, -20, -10, 10].map((days) => ({ startsAt: fromNow(days * DAY), endsAt: fromNow(days * DAY + 2 * HOUR) })),
    });
    const past = created.sessions.filter((session) => session.startsAt < new Date()).map((session) => session.id);
    const path = `/staff/activities/${created.id}`;
    const params = { activityId: created.id };

    const placed = await families(5, { areaId: home.id });
    await enrol(created.id, placed, "CONFIRMED", { areaId: home.id });
    await enrol(created.id, await families(1), "OFFERED");
    await enrol(created.id, await families(2, { children: 2 }), "WAITING");
    await needs([placed[0]!.childIds[0]!]);
    await attend(past, children(placed), { absent: new Set([placed[1]!.childIds[0]!]) });
    const few = await measure(loader, path, params);

    const more = await families(45, { areaId: home.id });
    await enrol(created.id, more, "CONFIRMED", { areaId: home.id });
    await enrol(created.id, await families(9), "OFFERED");
    await enrol(created.id, await families(18, { children: 2 }), "WAITING");
    await needs(children(more).slice(0, 10));
    const morePast = await addSessions(
      created.id,
      Array.from({ length: 20 }, (_, i) => fromNow(-(40 + i * 7) * DAY)),
    );
    await addSessions(
      created.id,
      Array.from({ length: 6 }, (_, i) => fromNow((20 + i * 7) * DAY)),
    );
    await attend([...past, ...morePast], children(more), { absent: new Set(children(more).slice(0, 5)) });
    await attend(morePast, children(placed));
    const many = await measure(loader, path, params);

    // The page really read the bigger roster (places, waiting list, sessions, children who missed three in a row).
    expect([few.data.placed.length, few.data.waiting.length, few.data.sessions.length, few.data.missing.length]).toEqual([6, 4, 4, 1]);
    expect([many.data.placed.length, many.data.waiting.length, many.data.sessions.length, many.data.missing.length]).toEqual([60, 40, 30, 6]);
    expect(many.statements, many.sql.join("\n")).toBe(few.statements);
    // The session check; the activity with its sessions; the roster (enrolments with sign-up, offers, person, area,
    // needs and guardians joined in); places taken; the audit row for reading "things we should know"; and for
    // "missed three in a row" the last sessions with attendance, who came to them or sent word, and who had a place.
    expect(many.statements).toBeLessThanOrEqual(8);
  });
});

describe("attendance at a session", () => {
  it("sends the same statements for 5 and for 50 expected children, walk-ins and head-counts", async () => {
    const { loader } = await import("../../app/routes/staff.sessions.$sessionId.tsx");
    const home = await area();
    const created = await activity({ capacity: null, sessions: [{ startsAt: fromNow(-HOUR), endsAt: fromNow(HOUR) }] });
    const sessionId = created.sessions[0]!.id;
    const path = `/staff/sessions/${sessionId}?q=Gæst`;
    const params = { sessionId };

    const expected = await families(5, { areaId: home.id });
    await enrol(created.id, expected, "CONFIRMED");
    await needs([expected[0]!.childIds[0]!]);
    await attend([sessionId], children(expected).slice(0, 3), { absent: new Set([expected[0]!.childIds[0]!]) });
    const guests = await families(2, { firstName: "Gæst", areaId: home.id });
    await attend([sessionId], children(guests), { enrolled: false });
    await db.headCount.createMany({
      data: [
        { sessionId, housingAreaId: home.id, adults: 2, children: 3 },
        { sessionId, adults: 1 },
      ],
    });
    const few = await measure(loader, path, params);

    const moreExpected = await families(45, { areaId: home.id });
    await enrol(created.id, moreExpected, "CONFIRMED");
    await needs(children(moreExpected).slice(0, 10));
    await attend([sessionId], children(moreExpected), { absent: new Set(children(moreExpected).slice(0, 5)) });
    const moreGuests = await families(18, { firstName: "Gæst", areaId: home.id });
    await attend([sessionId], children(moreGuests), { enrolled: false });
    const areas = await Promise.all(Array.from({ length: 9 }, () => area()));
    await db.headCount.createMany({ data: areas.map((other) => ({ sessionId, housingAreaId: other.id, adults: 1, children: 2 })) });
    await addSessions(
      created.id,
      Array.from({ length: 29 }, (_, i) => fromNow((i + 1) * 7 * DAY)),
    );
    const many = await measure(loader, path, params);

    expect([few.data.expected.length, few.data.walkIns.length, few.data.headCounts.length]).toEqual([5, 2, 2]);
    expect([many.data.expected.length, many.data.walkIns.length, many.data.headCounts.length]).toEqual([50, 20, 11]);
    expect(many.statements, many.sql.join("\n")).toBe(few.statements);
    // The session's activity (for access), the session check, the session again with its activity, the expected
    // children (needs joined in), the marks (person joined in), the head-counts, the housing areas, the name search,
    // the absence notices (issue 19).
    expect(many.statements).toBeLessThanOrEqual(9);
  });

  it("where the activity asks who may collect (issue 19): the same statements for 5 and for 50 children with contacts", async () => {
    const { loader } = await import("../../app/routes/staff.sessions.$sessionId.tsx");
    const created = await activity({ capacity: null, sessions: [{ startsAt: fromNow(-HOUR), endsAt: fromNow(HOUR) }] });
    await db.activity.update({ where: { id: created.id }, data: { asksCollectContacts: true } });
    const sessionId = created.sessions[0]!.id;
    const withContacts = async (count: number) => {
      const group = await families(count, {});
      await enrol(created.id, group, "CONFIRMED");
      await attend([sessionId], children(group), {});
      await db.childContact.createMany({
        data: children(group).flatMap((personId) => [
          { personId, kind: "COLLECTOR" as const, position: 0, name: "Mormor", relation: "mormor", phone: "+4520000001" },
          { personId, kind: "EMERGENCY" as const, position: 0, name: "Morfar", relation: "morfar", phone: "+4520000002" },
        ]),
      });
    };
    await withContacts(5);
    const few = await measure(loader, `/staff/sessions/${sessionId}`, { sessionId });
    await withContacts(45);
    const many = await measure(loader, `/staff/sessions/${sessionId}`, { sessionId });
    expect([few.data.collect?.length, many.data.collect?.length]).toEqual([5, 50]);
    expect(many.statements, many.sql.join("\n")).toBe(few.statements);
  });
});

describe("the activity report", () => {
  /** The report's default period (the previous quarter) as days, and an instant on its n-th day. */
  const period = parseReportQuery(new URLSearchParams()).period;
  const dayOf = (n: number) => new Date(Date.parse(`${period.from}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
  const inPeriod = (n: number) => copenhagenInstant(dayOf(n), "16:00");

  /**
   * Activities held in the period (of one type, in one effort area): `sessions`
   * sessions each, `perActivity` families with 1–2 children enrolled; every other
   * activity takes attendance (the others count by enrolment), and each has a
   * waiting family, a cancelled place and a head-count.
   */
  async function heldActivities(count: number, options: { sessions: number; perActivity: number; areaIds: string[] }) {
    for (let a = 0; a < count; a++) {
      const areaId = options.areaIds[a % options.areaIds.length]!;
      const created = await activity({
        capacity: null,
        sessions: Array.from({ length: options.sessions }, (_, s) => {
          const startsAt = inPeriod(1 + ((s * 7 + a) % 85));
          return { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) };
        }),
      });
      const list = await families(options.perActivity, { children: 1 + (a % 2), areaId });
      await enrol(created.id, list, "CONFIRMED", { areaId, at: new Date(Date.parse(`${period.from}T00:00:00Z`) - 10 * DAY) });
      await enrol(created.id, await families(1, { areaId }), "WAITING", { areaId, at: inPeriod(2) });
      await enrol(created.id, await families(1, { areaId }), "CONFIRMED", {
        areaId,
        at: new Date(Date.parse(`${period.from}T00:00:00Z`) - 10 * DAY),
        cancelledAt: inPeriod(3),
      });
      if (a % 2 === 0) {
        const ids = children(list);
        await attend(
          created.sessions.map((session) => session.id),
          ids,
          { areaId, absent: new Set(ids.slice(0, 1)) },
        );
      }
      await db.headCount.create({ data: { sessionId: created.sessions[0]!.id, housingAreaId: areaId, adults: 3, children: 4 } });
    }
  }

  /** Milestones on every kind of selection (everything, an activity, a type, an effort area) and of several measures, like the demo data's. */
  async function milestones(count: number) {
    const some = await db.activity.findFirstOrThrow({ select: { id: true, typeId: true, effortAreaId: true } });
    const measures = ["UNIQUE_PARTICIPANTS", "UNIQUE_HOUSEHOLDS", "ACTIVITIES_HELD", "ATTENDANCES", "YOUTH_EMPLOYED"] as const;
    await db.milestone.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        title: { da: `Milepæl ${i}` },
        measure: measures[i % measures.length]!,
        target: 10 + i,
        activityId: i % 4 === 1 ? some.id : null,
        activityTypeId: i % 4 === 2 ? some.typeId : null,
        effortAreaId: i % 4 === 3 ? some.effortAreaId : null,
        startsOn: new Date(`${period.from}T00:00:00Z`),
        deadline: new Date(Date.parse(`${period.to}T00:00:00Z`) + 365 * DAY),
      })),
    });
  }

  it("sends the same statements for 3 and for 30 activities, with ten times the families, sessions and attendance", async () => {
    const { loader } = await import("../../app/routes/staff.reports._index.tsx");
    const areaIds = (await Promise.all([area(), area(), area()])).map((row) => row.id);
    // As many milestones as the demo data has, in both measurements: see the next test for why.
    await heldActivities(3, { sessions: 3, perActivity: 5, areaIds });
    await milestones(5);
    const few = await measure(loader, "/staff/reports");

    await heldActivities(27, { sessions: 10, perActivity: 15, areaIds });
    const many = await measure(loader, "/staff/reports");

    const rows = (data: typeof few.data, id: string) => data.tables.find((table) => table.id === id)!.rows.length;
    expect(rows(many.data, "activities") - rows(few.data, "activities")).toBe(27);
    expect(many.data.milestones).toHaveLength(few.data.milestones.length);
    expect(many.statements, many.sql.join("\n")).toBe(few.statements);
    // 13 for the page: the session check; areas, activities, types, effort areas and programmes for the names; the participation
    // statement (BEGIN, SET LOCAL work_mem, the statement, COMMIT); the two job statements; the milestones.
    // Then each milestone's progress: 4 (a participation statement in its own transaction) or 2 (jobs) — here
    // 4 participation milestones and 1 jobs milestone, 18.
    // 13 for the page and 18 for its 5 milestones: milestones on different selections are each measured with their
    // own report statement (4 per participation selection, 2 for jobs) — the next test shows that ones on the same
    // selection and period share it.
    expect(many.statements).toBeLessThanOrEqual(31);
  });

  it("measures milestones on the same selection and period with one count between them", async () => {
    const { loader } = await import("../../app/routes/staff.reports._index.tsx");
    const before = await measure(loader, "/staff/reports");
    // Every measure again on "everything" over the same dates as the milestones above: nothing new to count.
    const first = await db.milestone.findFirstOrThrow({ where: { activityId: null, activityTypeId: null, effortAreaId: null } });
    await db.milestone.createMany({
      data: MEASURES.map((measure, i) => ({ title: { da: `Samme ${i}` }, measure, target: 100, startsOn: first.startsOn, deadline: first.deadline })),
    });
    const after = await measure(loader, "/staff/reports");
    expect(after.data.milestones).toHaveLength(before.data.milestones.length + MEASURES.length);
    expect(after.statements, after.sql.join("\n")).toBe(before.statements);
  });
});

describe("the catalogue", () => {
  it("sends the same statements for 4 and for 40 activities", async () => {
    const { loader } = await import("../../app/routes/activities._index.tsx");
    const home = await area();
    const word = `tael${Date.now().toString(36)}`;
    const add = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const created = await activity({
          title: `${word} ${i}`,
          minAge: 6,
          maxAge: 12,
          capacity: 5,
          capacityUnit: i % 2 ? "HOUSEHOLD" : "PERSON",
          eligibleAreaIds: i % 4 ? [] : [home.id],
          sessions: [3, 10, 17, 24].map((days) => ({ startsAt: fromNow((days + (i % 5)) * DAY), endsAt: fromNow((days + (i % 5)) * DAY + 2 * HOUR) })),
        });
        await enrol(created.id, await families(1, { children: 2 }), "CONFIRMED");
      }
    };
    const filtered = `/activities?q=${word}&age=9&area=${home.code}`;

    await add(4);
    const few = await measure(loader, "/activities");
    const fewFiltered = await measure(loader, filtered);
    await add(36);
    const many = await measure(loader, "/activities");
    const manyFiltered = await measure(loader, filtered);

    expect([fewFiltered.data.total, manyFiltered.data.total]).toEqual([4, 40]);
    expect([fewFiltered.data.cards.length, manyFiltered.data.cards.length, many.data.cards.length]).toEqual([4, CATALOGUE_PAGE_SIZE, CATALOGUE_PAGE_SIZE]);
    expect(many.statements, many.sql.join("\n")).toBe(few.statements);
    expect(manyFiltered.statements, manyFiltered.sql.join("\n")).toBe(fewFiltered.statements);
    // Types and areas for the filter form; the matching activities (one page, with the total); places taken;
    // the cards (with type and sessions). No session check: the catalogue is public and no cookie is needed.
    expect(Math.max(many.statements, manyFiltered.statements)).toBeLessThanOrEqual(5);
  });
});
