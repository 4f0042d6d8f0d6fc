// The public catalogue on real PostgreSQL: every filter, places left for
// both capacity units, drop-in and sign-up states, and a statement count
// that does not grow with the number of activities.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listActivities, parseCatalogueFilters, type CatalogueFilters } from "../../app/domain/activities/catalogue.server.ts";
import { db } from "../../app/lib/db.server.ts";
import type { Language } from "../../app/lib/i18n.ts";
import { activity, area, household } from "../setup/fixtures.ts";
import { statementsOf } from "../setup/helpers.ts";

// Every test works on dates in 2030, long after the fixtures' default
// sessions (two weeks from the real today), so those never show up here.
// Wednesday 6 March 2030, 12:00 in Copenhagen; its week ends Sunday 10 March.
const NOW = new Date("2030-03-06T11:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const sessionAt = (start: Date, hours = 2) => ({ startsAt: start, endsAt: new Date(start.getTime() + hours * HOUR) });

let seq = 0;
/** A title word no other test uses, so each test can find only its own activities. */
const token = () => `zq${Date.now().toString(36)}${(++seq).toString(36)}`;

type ActivityInput = Parameters<typeof activity>[0];

/** An activity with one session `inDays` days after NOW (or the sessions given), titled with `word`. */
async function published(word: string, input: ActivityInput & { inDays?: number } = {}) {
  const { inDays = 3, ...rest } = input;
  return activity({ title: `${word} ${randomUUID().slice(0, 6)}`, sessions: [sessionAt(at(inDays * DAY))], ...rest });
}

async function slugs(filters: CatalogueFilters, language: Language = "da", now = NOW) {
  return (await listActivities(filters, language, now)).cards.map((card) => card.slug);
}

/** A sign-up with one enrolment per person, all in the given status. */
async function enrol(
  activityId: string,
  family: Awaited<ReturnType<typeof household>>,
  status: "CONFIRMED" | "OFFERED" | "WAITING" | "CANCELLED",
  people = family.children,
) {
  const signUp = await db.signUp.create({
    data: {
      activityId,
      householdId: family.id,
      idempotencyKey: randomUUID(),
      consentPersonId: family.guardian.id,
      consentAt: new Date(),
      consentVersion: "test",
    },
  });
  await db.enrolment.createMany({ data: people.map((person) => ({ signUpId: signUp.id, activityId, personId: person.id, householdId: family.id, status })) });
}

describe("what is listed", () => {
  it("only published activities with a session still to come, soonest first", async () => {
    const word = token();
    const later = await published(word, { inDays: 9 });
    const sooner = await published(word, { inDays: 2 });
    const running = await published(word, { sessions: [{ startsAt: at(-HOUR), endsAt: at(HOUR) }] });
    const past = await published(word, { sessions: [sessionAt(at(-2 * DAY))] });
    const cancelled = await published(word);
    await db.activitySession.updateMany({ where: { activityId: cancelled.id }, data: { cancelledAt: NOW } });
    const draft = await published(word);
    await db.activity.update({ where: { id: draft.id }, data: { status: "DRAFT" } });
    const withdrawn = await published(word);
    await db.activity.update({ where: { id: withdrawn.id }, data: { status: "CANCELLED" } });

    expect(await slugs({ q: word })).toEqual([running.slug, sooner.slug, later.slug]);
    expect(await slugs({ q: word })).not.toContain(past.slug);
  });

  it("gives the card its type, title in the reader's language, schedule, place, ages and price", async () => {
    const word = token();
    const tuesdays = [0, 7, 14, 21].map((days) => sessionAt(at((days - 1) * DAY + 6 * HOUR), 1.5)); // Tuesdays 18:00–19:30
    const created = await published(word, { sessions: tuesdays, minAge: 7, maxAge: 13 });
    await db.activity.update({ where: { id: created.id }, data: { priceOre: 2000, title: { da: `${word} på dansk` } } });
    const [card] = (await listActivities({ q: word }, "ar", new Date(NOW.getTime() - 2 * DAY))).cards;
    expect(card).toMatchObject({
      slug: created.slug,
      type: { icon: "star", name: { text: "Type", language: "da", fallback: true } },
      title: { text: `${word} på dansk`, language: "da", fallback: true },
      schedule: { kind: "weekly", weekdays: [2], interval: 1, startTime: "18:00", endTime: "19:30", count: 4 },
      place: "Fælleshuset",
      minAge: 7,
      maxAge: 13,
      priceOre: 2000,
    });
  });

  it("summarises only the sessions still to come", async () => {
    const word = token();
    const created = await published(word, { sessions: [sessionAt(at(-DAY)), sessionAt(at(DAY))] });
    expect((await listActivities({ q: word }, "da", NOW)).cards[0]).toMatchObject({ slug: created.slug, schedule: { kind: "single", day: "2030-03-07" } });
  });
});

describe("places and badges", () => {
  it("counts confirmed and offered people against a per-person capacity; waiting sign-ups separately", async () => {
    const word = token();
    const camp = await published(word, { capacity: 10 });
    await enrol(camp.id, await household({ children: [{}, {}] }), "CONFIRMED");
    await enrol(camp.id, await household(), "OFFERED");
    await enrol(camp.id, await household({ children: [{}, {}] }), "WAITING");
    await enrol(camp.id, await household(), "WAITING");
    await enrol(camp.id, await household({ children: [{}, {}, {}] }), "CANCELLED");
    expect((await listActivities({ q: word }, "da", NOW)).cards[0]).toMatchObject({ capacityUnit: "PERSON", signUpState: "open", placesLeft: 7, waiting: 2 });
  });

  it("counts households, not people, for family courses", async () => {
    const word = token();
    const course = await published(word, { capacity: 3, capacityUnit: "HOUSEHOLD" });
    const big = await household({ children: [{}, {}, {}] });
    await enrol(course.id, big, "CONFIRMED", [big.guardian, ...big.children]);
    await enrol(course.id, await household({ children: [{}, {}] }), "OFFERED");
    await enrol(course.id, await household({ children: [{}, {}] }), "WAITING");
    expect((await listActivities({ q: word }, "da", NOW)).cards[0]).toMatchObject({ capacityUnit: "HOUSEHOLD", placesLeft: 1, waiting: 1 });
  });

  it("a full activity has no places left (the waiting list), and never a negative number", async () => {
    const word = token();
    const full = await published(word, { capacity: 1 });
    await enrol(full.id, await household({ children: [{}, {}] }), "CONFIRMED");
    expect((await listActivities({ q: word }, "da", NOW)).cards[0]).toMatchObject({ placesLeft: 0, waiting: 0, signUpState: "open" });
  });

  it("drop-in activities need no sign-up and show without a capacity", async () => {
    const word = token();
    const cafe = await published(word, { capacity: null, requiresSignUp: false });
    expect((await listActivities({ q: word }, "da", NOW)).cards[0]).toMatchObject({
      slug: cafe.slug,
      requiresSignUp: false,
      signUpState: "dropIn",
      placesLeft: null,
    });
  });

  it("says when sign-up opens, only while that is still ahead; and when it has closed", async () => {
    const word = token();
    const opensAt = at(2 * DAY);
    const notYet = await published(word, { inDays: 10, signUpOpensAt: opensAt });
    const alreadyOpen = await published(word, { inDays: 11, signUpOpensAt: at(-DAY) });
    const closed = await published(word, { inDays: 12, signUpClosesAt: at(-HOUR) });
    const { cards } = await listActivities({ q: word }, "da", NOW);
    expect(cards.map((card) => [card.slug, card.signUpState, card.signUpOpensAt])).toEqual([
      [notYet.slug, "notOpenYet", opensAt.toISOString()],
      [alreadyOpen.slug, "open", null],
      [closed.slug, "closed", null],
    ]);
  });
});

describe("filters", () => {
  it("type: by the type's code", async () => {
    const word = token();
    const wanted = await published(word);
    const other = await published(word);
    const { code } = await db.activityType.findUniqueOrThrow({ where: { id: wanted.typeId } });
    expect(await slugs({ q: word, type: code })).toEqual([wanted.slug]);
    expect(await slugs({ q: word })).toContain(other.slug);
  });

  it("age: inside the range, bounds included, a missing bound is open", async () => {
    const word = token();
    const sevenToThirteen = await published(word, { minAge: 7, maxAge: 13 });
    const fromTen = await published(word, { minAge: 10 });
    const upToEight = await published(word, { maxAge: 8 });
    const anyAge = await published(word);
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(await slugs({ q: word, age: 7 }))).toEqual(sorted([sevenToThirteen.slug, upToEight.slug, anyAge.slug]));
    expect(sorted(await slugs({ q: word, age: 13 }))).toEqual(sorted([sevenToThirteen.slug, fromTen.slug, anyAge.slug]));
    expect(sorted(await slugs({ q: word, age: 14 }))).toEqual(sorted([fromTen.slug, anyAge.slug]));
    expect(sorted(await slugs({ q: word, age: 6 }))).toEqual(sorted([upToEight.slug, anyAge.slug]));
  });

  it("area: a plan area sees activities listing it or listing none; 'outside' sees only those open to outsiders", async () => {
    const word = token();
    const [north, south, outside] = await Promise.all([area(), area(), area({ isPlanArea: false })]);
    const everyone = await published(word);
    const planAreasOnly = await published(word, { openToOutsiders: false });
    const northOnly = await published(word, { openToOutsiders: false, eligibleAreaIds: [north.id] });
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(await slugs({ q: word, area: north.code }))).toEqual(sorted([everyone.slug, planAreasOnly.slug, northOnly.slug]));
    expect(sorted(await slugs({ q: word, area: south.code }))).toEqual(sorted([everyone.slug, planAreasOnly.slug]));
    expect(await slugs({ q: word, area: outside.code })).toEqual([everyone.slug]);
    // An unknown area is no filter at all.
    expect(await slugs({ q: word, area: "no-such-area" })).toHaveLength(3);
  });

  it("when: this week ends on Sunday night in Copenhagen; later is after that", async () => {
    const word = token();
    // The week of NOW ends at Monday 11 March 2030 00:00 in Copenhagen = Sunday 23:00 UTC.
    const sundayNight = await published(word, { sessions: [sessionAt(new Date("2030-03-10T21:30:00Z"), 1)] });
    const mondayMorning = await published(word, { sessions: [sessionAt(new Date("2030-03-10T23:00:00Z"), 1)] });
    const both = await published(word, { sessions: [sessionAt(at(DAY)), sessionAt(at(20 * DAY))] });
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(await slugs({ q: word, when: "week" }))).toEqual(sorted([sundayNight.slug, both.slug]));
    expect(sorted(await slugs({ q: word, when: "later" }))).toEqual(sorted([mondayMorning.slug, both.slug]));
  });

  it("when: holidays means a session on a day inside a school holiday (Copenhagen days, both ends included)", async () => {
    const word = token();
    await db.schoolHoliday.create({
      data: { name: { da: "Påskeferie" }, startsOn: new Date("2030-04-13T00:00:00Z"), endsOn: new Date("2030-04-22T00:00:00Z") },
    });
    // 00:30 on the first day (summer time) is still 12 April in UTC.
    const firstDay = await published(word, { sessions: [sessionAt(new Date("2030-04-12T22:30:00Z"), 1)] });
    const lastDay = await published(word, { sessions: [sessionAt(new Date("2030-04-22T19:00:00Z"), 1)] });
    const dayBefore = await published(word, { sessions: [sessionAt(new Date("2030-04-12T20:00:00Z"), 1)] });
    const dayAfter = await published(word, { sessions: [sessionAt(new Date("2030-04-22T22:30:00Z"), 1)] });
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(await slugs({ q: word, when: "holidays" }))).toEqual(sorted([firstDay.slug, lastDay.slug]));
    expect(await slugs({ q: word })).toEqual(expect.arrayContaining([dayBefore.slug, dayAfter.slug]));
  });

  it("q: title or description, in Danish or the reader's language, whatever the case", async () => {
    const word = token();
    const byTitle = await published(word);
    const byDescription = await published(`other ${token()}`);
    await db.activity.update({ where: { id: byDescription.id }, data: { description: { da: `Vi spiller ${word.toUpperCase()} hver uge` } } });
    const english = await published(`english ${token()}`);
    await db.activity.update({ where: { id: english.id }, data: { title: { da: "Fodbold", en: `Football ${word}-EN` } } });
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(await slugs({ q: word.toUpperCase() }))).toEqual(sorted([byTitle.slug, byDescription.slug]));
    expect(await slugs({ q: `${word}-en` }, "en")).toEqual([english.slug]);
    expect(await slugs({ q: `${word}-en` }, "da")).toEqual([]);
  });

  it("q: LIKE wildcards are matched literally", async () => {
    const word = token();
    const sale = await published(word);
    await db.activity.update({ where: { id: sale.id }, data: { title: { da: `${word} 50% rabat` } } });
    expect(await slugs({ q: `${word.slice(0, 3)}%${word.slice(4)}` })).toEqual([]);
    expect(await slugs({ q: `${word.slice(0, 3)}_${word.slice(4)}` })).toEqual([]);
    expect(await slugs({ q: `${word} 50% r` })).toEqual([sale.slug]);
  });

  it("filters combine", async () => {
    const word = token();
    const match = await published(word, { minAge: 6, maxAge: 10, inDays: 2 });
    await published(word, { minAge: 11, inDays: 2 });
    await published(word, { minAge: 6, maxAge: 10, inDays: 30 });
    expect(await slugs({ q: word, age: 8, when: "week" })).toEqual([match.slug]);
  });
});

describe("parseCatalogueFilters", () => {
  const parse = (query: string, known?: { types: string[]; areas: string[] }) => parseCatalogueFilters(new URLSearchParams(query), known);

  it("reads good values and trims text", () => {
    expect(parse("type=sports-camp&age=9&area=vangdalen&when=holidays&q=+fodbold+")).toEqual({
      type: "sports-camp",
      age: 9,
      area: "vangdalen",
      when: "holidays",
      q: "fodbold",
    });
  });

  it("ignores empty and bad values instead of failing", () => {
    expect(parse("type=&age=&area=&when=&q=")).toEqual({});
    expect(parse("age=nine&when=tomorrow&type=<script>&area=a%20b")).toEqual({});
    expect(parse("age=-1")).toEqual({});
    expect(parse("age=9.5")).toEqual({});
    expect(parse("age=0")).toEqual({ age: 0 });
  });

  it("drops codes that are not known types or areas", () => {
    expect(parse("type=club&area=mars", { types: ["club"], areas: ["vangdalen"] })).toEqual({ type: "club" });
  });

  it("cuts very long search text", () => {
    expect(parse(`q=${"a".repeat(500)}`).q).toHaveLength(100);
  });
});

describe("pages", () => {
  it("shows 12 cards a page, soonest first across pages, with the total", async () => {
    const word = token();
    // 26 activities, the first session of activity i on day i + 1: the order is known.
    const created = [];
    for (let i = 0; i < 26; i++) created.push(await published(word, { inDays: i + 1 }));
    const pages = await Promise.all([1, 2, 3].map((page) => listActivities({ q: word }, "da", NOW, page)));
    expect(pages.map((page) => [page.total, page.pages, page.cards.length])).toEqual([
      [26, 3, 12],
      [26, 3, 12],
      [26, 3, 2],
    ]);
    expect(pages.flatMap((page) => page.cards).map((card) => card.slug)).toEqual(created.map((activity) => activity.slug));
    expect((await listActivities({ q: word }, "da", NOW, 4)).cards).toEqual([]);
  });
});

describe("cost", () => {
  afterEach(() => vi.restoreAllMocks());

  // The app's client logs nothing and the embedded server has no
  // pg_stat_statements, so count what reaches PostgreSQL at the driver:
  // every statement Prisma's pg adapter sends goes through pg.Client#query
  // (pooled clients are pg.Client instances). Nothing else runs while the
  // spy is on. The same call with 4 and with 24 matching activities (with
  // enrolments and many sessions each) must send the same number of statements.
  async function statementsFor(filters: CatalogueFilters) {
    const { result, sql } = await statementsOf(() => listActivities(filters, "ar", NOW));
    return { statements: sql.length, cards: result.cards.length };
  }

  async function addActivities(word: string, count: number, [north]: { id: string }[]) {
    for (let i = 0; i < count; i++) {
      const sessions = [0, 7, 14, 21, 28].map((days) => sessionAt(at((days + 1 + (i % 3)) * DAY)));
      const created = await published(word, {
        sessions,
        minAge: 6,
        maxAge: 12,
        capacity: 5,
        capacityUnit: i % 2 ? "HOUSEHOLD" : "PERSON",
        eligibleAreaIds: i % 4 ? [] : [north!.id],
      });
      await enrol(created.id, await household({ children: [{}, {}] }), "CONFIRMED");
    }
  }

  it("a fixed number of SQL statements, however many activities match", async () => {
    const word = token();
    const north = await area();
    await db.schoolHoliday.create({ data: { name: { da: "Ferie" }, startsOn: new Date("2030-03-01T00:00:00Z"), endsOn: new Date("2030-04-30T00:00:00Z") } });
    const everything: CatalogueFilters = { q: word, age: 9, area: north.code, when: "holidays" };

    await addActivities(word, 4, [north]);
    const few = await statementsFor(everything);
    const fewPlain = await statementsFor({ q: word });
    await addActivities(word, 20, [north]);
    const many = await statementsFor(everything);
    const manyPlain = await statementsFor({ q: word });

    expect([few.cards, many.cards]).toEqual([4, 12]); // a page of 12 of the 24
    expect(many.statements).toBe(few.statements);
    expect(manyPlain.statements).toBe(fewPlain.statements);
    // Look-ups for area and holidays, the activities (with type and sessions), the place counts.
    expect(many.statements).toBeLessThanOrEqual(6);
  });
});
