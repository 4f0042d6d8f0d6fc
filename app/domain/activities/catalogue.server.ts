// The public catalogue: the published activities that still have a session
// to come, narrowed by the filters a plain GET form carries, as card data in
// the reader's language (schedule in words, places left, badge state).
//
// A fixed number of SQL statements whatever the number of activities: at
// most two small look-ups the filters need (the chosen housing area, the
// school holidays), one findMany for the activities with their type and
// upcoming sessions, and one grouped count of places for all of them.
//
// Card data is plain JSON (instants as ISO strings), so the page receives
// exactly the type declared here.
import { z } from "zod";
import { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/lib/db.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { addDaysToDay, copenhagenDay, copenhagenMidnight, dateOnly, mondayOf } from "../dates.ts";
import { summariseSchedule, type ScheduleSummary } from "./schedule.ts";
import { pick } from "./text.ts";
import { SEARCH_MAX } from "../text-rules.ts";

// ---------------------------------------------------------------- filters

export const WHEN_OPTIONS = ["week", "holidays", "later"] as const;
export type When = (typeof WHEN_OPTIONS)[number];

export type CatalogueFilters = {
  /** Activity type code. */
  type?: string;
  /** The child's age in whole years: minAge ≤ age ≤ maxAge (a missing bound is open). */
  age?: number;
  /** Housing area code. */
  area?: string;
  /** "week": a session before this Copenhagen week ends; "holidays": one on a school-holiday day; "later": one after this week. */
  when?: When;
  /** Free text in the title or description (Danish or the reader's language). */
  q?: string;
};

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
/** A field that is dropped, not reported, when it does not parse: a shared link with an odd value still shows a page. */
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).catch(undefined);
const code = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]{1,60}$/);

const filtersSchema = z.object({
  type: lenient(code),
  area: lenient(code),
  age: lenient(z.coerce.number().int().min(0).max(120)),
  when: lenient(z.enum(WHEN_OPTIONS)),
  q: lenient(
    z
      .string()
      .trim()
      .transform((text) => text.slice(0, SEARCH_MAX)),
  ),
});

/**
 * The filters in a query string. Values that do not parse are ignored, and
 * so are type and area codes that are not among `known` (when given).
 */
export function parseCatalogueFilters(params: URLSearchParams, known?: { types: readonly string[]; areas: readonly string[] }): CatalogueFilters {
  const raw = Object.fromEntries(["type", "area", "age", "when", "q"].map((key) => [key, params.get(key) ?? undefined]));
  const parsed = filtersSchema.parse(raw);
  const filters: CatalogueFilters = {};
  if (parsed.type && (!known || known.types.includes(parsed.type))) filters.type = parsed.type;
  if (parsed.area && (!known || known.areas.includes(parsed.area))) filters.area = parsed.area;
  if (parsed.age !== undefined) filters.age = parsed.age;
  if (parsed.when) filters.when = parsed.when;
  if (parsed.q) filters.q = parsed.q;
  return filters;
}

// ---------------------------------------------------------------- options for the filter form

type Picked = ReturnType<typeof pick>;

export type CatalogueOptions = {
  types: { code: string; name: Picked; icon: string }[];
  /** Plan areas first, then "outside the plan areas" (isPlanArea false). Names are Danish proper names. */
  areas: { code: string; name: string; isPlanArea: boolean }[];
};

export async function catalogueOptions(language: Language, now = new Date()): Promise<CatalogueOptions> {
  const today = new Date(`${copenhagenDay(now)}T00:00:00Z`);
  // Raw (ADR 011): read on every view of the catalogue.
  const [types, areas] = await Promise.all([
    db.$queryRaw<{ code: string; name: unknown; icon: string }[]>`SELECT "code", "name", "icon" FROM "ActivityType" ORDER BY "sortOrder", "code"`,
    db.$queryRaw<CatalogueOptions["areas"]>`
      SELECT "code", "name", "isPlanArea" FROM "HousingArea"
      WHERE ("activeFrom" IS NULL OR "activeFrom" <= ${today}::date) AND ("activeTo" IS NULL OR "activeTo" >= ${today}::date)
      ORDER BY "isPlanArea" DESC, "sortOrder", "name"`,
  ]);
  return { types: types.map((type) => ({ code: type.code, icon: type.icon, name: pick(type.name, language) })), areas };
}

// ---------------------------------------------------------------- cards

/** Whether and how a family can join: the card's badge. */
export type SignUpState = "dropIn" | "notOpenYet" | "closed" | "open";

export type CatalogueCard = {
  slug: string;
  type: { code: string; icon: string; name: Picked };
  /** `language` is the language the text is in ("da" when it fell back). */
  title: Picked;
  schedule: ScheduleSummary;
  /** Danish place name. */
  place: string;
  minAge: number | null;
  maxAge: number | null;
  priceOre: number;
  requiresSignUp: boolean;
  signUpState: SignUpState;
  /** ISO instant; only when sign-up opens in the future. */
  signUpOpensAt: string | null;
  capacity: number | null;
  capacityUnit: "PERSON" | "HOUSEHOLD";
  /** Places still free (people, or households for family courses); null: no limit. */
  placesLeft: number | null;
  /** Sign-ups (a family's group counts once) on the waiting list. */
  waiting: number;
};

/** Monday 00:00 of next week: "this week" runs until Sunday ends. */
function endOfThisWeek(now: Date): Date {
  return copenhagenMidnight(addDaysToDay(mondayOf(copenhagenDay(now)), 7));
}

type Range = { from: Date; to: Date };

/** School holidays not yet over, as instant ranges [first day 00:00, day after the last 00:00). */
async function holidayRanges(now: Date): Promise<Range[]> {
  const rows = await db.schoolHoliday.findMany({
    where: { endsOn: { gte: new Date(`${copenhagenDay(now)}T00:00:00Z`) } },
    select: { startsOn: true, endsOn: true },
  });
  return rows.map((row) => ({ from: copenhagenMidnight(dateOnly(row.startsOn)), to: copenhagenMidnight(addDaysToDay(dateOnly(row.endsOn), 1)) }));
}

/** The condition on a session (alias `w`) that the "when" filter asks for; none: any upcoming session. */
function whenCondition(when: When | undefined, now: Date, holidays: Range[]): Prisma.Sql {
  switch (when) {
    case "week":
      return Prisma.sql`AND w."startsAt" < ${endOfThisWeek(now)}`;
    case "later":
      return Prisma.sql`AND w."startsAt" >= ${endOfThisWeek(now)}`;
    case "holidays":
      // No holidays on record: nothing matches, which is the truth.
      return holidays.length
        ? Prisma.sql`AND (${Prisma.join(
            holidays.map((range) => Prisma.sql`(w."startsAt" >= ${range.from} AND w."startsAt" < ${range.to})`),
            " OR ",
          )})`
        : Prisma.sql`AND false`;
    default:
      return Prisma.empty;
  }
}

/** The filters as conditions on the activity (alias `a`). */
function filterConditions(filters: CatalogueFilters, language: Language, now: Date, holidays: Range[]): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.when) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ActivitySession" w WHERE w."activityId" = a."id" AND w."cancelledAt" IS NULL
      AND w."endsAt" > ${now} ${whenCondition(filters.when, now, holidays)})`);
  }
  if (filters.type) conditions.push(Prisma.sql`a."typeId" = (SELECT "id" FROM "ActivityType" WHERE "code" = ${filters.type})`);
  if (filters.age !== undefined) {
    conditions.push(Prisma.sql`(a."minAge" IS NULL OR a."minAge" <= ${filters.age}) AND (a."maxAge" IS NULL OR a."maxAge" >= ${filters.age})`);
  }
  if (filters.area) {
    // Plan-area residents may join activities listing their area or listing none; others only those open to
    // outsiders. An area that does not exist is no filter.
    conditions.push(Prisma.sql`CASE COALESCE((SELECT "isPlanArea"::int FROM "HousingArea" WHERE "code" = ${filters.area}), -1) WHEN -1 THEN true WHEN 1
      THEN NOT EXISTS (SELECT 1 FROM "ActivityEligibleArea" e WHERE e."activityId" = a."id")
        OR EXISTS (SELECT 1 FROM "ActivityEligibleArea" e JOIN "HousingArea" h ON h."id" = e."housingAreaId"
          WHERE e."activityId" = a."id" AND h."code" = ${filters.area})
      ELSE a."openToOutsiders" END`);
  }
  if (filters.q) {
    // In Danish and in the reader's language; the text's own wildcards are escaped, so "50%" means 50%.
    const pattern = `%${filters.q.replace(/[\\%_]/g, "\\$&")}%`;
    const languages = [...new Set<Language>(["da", language])];
    conditions.push(
      Prisma.sql`(${Prisma.join(
        languages.map((lang) => Prisma.sql`a."title" ->> ${lang} ILIKE ${pattern} OR a."description" ->> ${lang} ILIKE ${pattern}`),
        " OR ",
      )})`,
    );
  }
  return conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

type Row = {
  id: string;
  slug: string;
  title: unknown;
  place: string;
  minAge: number | null;
  maxAge: number | null;
  priceOre: number;
  requiresSignUp: boolean;
  capacity: number | null;
  capacityUnit: "PERSON" | "HOUSEHOLD";
  signUpOpensAt: Date | null;
  signUpClosesAt: Date | null;
  type: { code: string; name: unknown; icon: string };
  sessions: { startsAt: Date; endsAt: Date }[];
};
type PlaceCounts = { activityId: string; people: number; households: number; waiting: number };

/** Places held (confirmed or offered) and waiting sign-ups of many activities in one grouped statement. */
async function placeCounts(activityIds: string[]): Promise<Map<string, PlaceCounts>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db.$queryRaw<PlaceCounts[]>`
    SELECT "activityId"::text AS "activityId",
      (count(*) FILTER (WHERE "status" IN ('CONFIRMED', 'OFFERED')))::int AS "people",
      (count(DISTINCT "householdId") FILTER (WHERE "status" IN ('CONFIRMED', 'OFFERED')))::int AS "households",
      (count(DISTINCT "signUpId") FILTER (WHERE "status" = 'WAITING'))::int AS "waiting"
    FROM "Enrolment"
    WHERE "activityId" = ANY(${activityIds}::uuid[])
    GROUP BY "activityId"`;
  return new Map(rows.map((row) => [row.activityId, row]));
}

function signUpState(activity: Row, now: Date): SignUpState {
  if (!activity.requiresSignUp) return "dropIn";
  if (activity.signUpOpensAt && activity.signUpOpensAt > now) return "notOpenYet";
  if (activity.signUpClosesAt && activity.signUpClosesAt <= now) return "closed";
  return "open";
}

function toCard(activity: Row, counts: PlaceCounts | undefined, language: Language, now: Date): CatalogueCard {
  const taken = (activity.capacityUnit === "HOUSEHOLD" ? counts?.households : counts?.people) ?? 0;
  const state = signUpState(activity, now);
  return {
    slug: activity.slug,
    type: { code: activity.type.code, icon: activity.type.icon, name: pick(activity.type.name, language) },
    title: pick(activity.title, language),
    schedule: summariseSchedule(activity.sessions),
    place: activity.place,
    minAge: activity.minAge,
    maxAge: activity.maxAge,
    priceOre: activity.priceOre,
    requiresSignUp: activity.requiresSignUp,
    signUpState: state,
    signUpOpensAt: state === "notOpenYet" ? activity.signUpOpensAt!.toISOString() : null,
    capacity: activity.capacity,
    capacityUnit: activity.capacityUnit,
    placesLeft: activity.capacity === null ? null : Math.max(0, activity.capacity - taken),
    waiting: counts?.waiting ?? 0,
  };
}

/** Cards on one page of the catalogue (a phone screen shows one or two; 12 keep the page near 40 KB of HTML). */
export const CATALOGUE_PAGE_SIZE = 12;

export type CataloguePage = { cards: CatalogueCard[]; total: number; page: number; pages: number };

/**
 * Published activities with at least one session still to come (not
 * cancelled, not yet ended) that match every filter given, soonest first
 * (then by Danish title), one page of them. Raw SQL (ADR 011): the
 * busiest page of the portal, and ordering by the next session needs it.
 */
export async function listActivities(filters: CatalogueFilters, language: Language, now = new Date(), page = 1): Promise<CataloguePage> {
  const holidays = filters.when === "holidays" ? await holidayRanges(now) : [];
  const offset = (Math.max(1, page) - 1) * CATALOGUE_PAGE_SIZE;
  const found = await db.$queryRaw<{ id: string; total: number }[]>`
    SELECT a."id"::text AS "id", (count(*) OVER ())::int AS "total"
    FROM "Activity" a
    CROSS JOIN LATERAL (SELECT min(s."startsAt") AS "next" FROM "ActivitySession" s
      WHERE s."activityId" = a."id" AND s."cancelledAt" IS NULL AND s."endsAt" > ${now}) n
    WHERE a."status" = 'PUBLISHED' AND n."next" IS NOT NULL ${filterConditions(filters, language, now, holidays)}
    ORDER BY n."next", a."title" ->> 'da', a."id"
    LIMIT ${CATALOGUE_PAGE_SIZE} OFFSET ${offset}`;
  const total = found[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE));
  if (found.length === 0) return { cards: [], total, page, pages };

  const ids = found.map((row) => row.id);
  const [rows, counts] = await Promise.all([
    db.$queryRaw<(Omit<Row, "sessions"> & { sessions: { s: string; e: string }[] })[]>`
      SELECT a."id"::text AS "id", a."slug", a."title", a."place", a."minAge", a."maxAge", a."priceOre", a."requiresSignUp", a."capacity",
        a."capacityUnit"::text AS "capacityUnit", a."signUpOpensAt", a."signUpClosesAt",
        json_build_object('code', t."code", 'name', t."name", 'icon', t."icon") AS "type",
        (SELECT json_agg(json_build_object('s', s."startsAt", 'e', s."endsAt") ORDER BY s."startsAt") FROM "ActivitySession" s
          WHERE s."activityId" = a."id" AND s."cancelledAt" IS NULL AND s."endsAt" > ${now}) AS "sessions"
      FROM "Activity" a JOIN "ActivityType" t ON t."id" = a."typeId"
      WHERE a."id" = ANY(${ids}::uuid[])`,
    placeCounts(ids),
  ]);
  const byId = new Map(
    rows.map((row) => [row.id, { ...row, sessions: row.sessions.map((session) => ({ startsAt: new Date(session.s), endsAt: new Date(session.e) })) }]),
  );
  return { cards: ids.map((id) => toCard(byId.get(id)!, counts.get(id), language, now)), total, page, pages };
}
