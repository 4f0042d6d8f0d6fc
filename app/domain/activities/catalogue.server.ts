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
import type { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/lib/db.server.ts";
import { intlLocale, type Language } from "~/lib/i18n.ts";
import { addDaysToDay, copenhagenDay, dateOnly, localParts, mondayOf } from "../dates.ts";
import { summariseSchedule, type ScheduleSummary } from "./schedule.ts";
import { pick } from "./text.ts";

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
      .transform((text) => text.slice(0, 100)),
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
  const [types, areas] = await Promise.all([
    db.activityType.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true, icon: true } }),
    db.housingArea.findMany({
      where: { AND: [{ OR: [{ activeFrom: null }, { activeFrom: { lte: today } }] }, { OR: [{ activeTo: null }, { activeTo: { gte: today } }] }] },
      orderBy: [{ isPlanArea: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
      select: { code: true, name: true, isPlanArea: true },
    }),
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

/** The instant a Copenhagen calendar day begins (midnight exists on every day: clocks change at 02:00/03:00). */
function copenhagenMidnight(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    const parts = localParts(candidate);
    if (parts.day === day && parts.time === "00:00") return candidate;
  }
  throw new Error(`No Copenhagen midnight on ${day}`);
}

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

const upcomingSession = (now: Date): Prisma.ActivitySessionWhereInput => ({ cancelledAt: null, endsAt: { gt: now } });

function whenCondition(when: When | undefined, now: Date, holidays: Range[]): Prisma.ActivitySessionWhereInput {
  switch (when) {
    case "week":
      return { startsAt: { lt: endOfThisWeek(now) } };
    case "later":
      return { startsAt: { gte: endOfThisWeek(now) } };
    case "holidays":
      // No holidays on record: OR [] matches nothing, which is the truth.
      return { OR: holidays.map((range) => ({ startsAt: { gte: range.from, lt: range.to } })) };
    default:
      return {};
  }
}

/** Plan-area residents may join activities listing their area or listing none; others only those open to outsiders. */
function areaCondition(area: { code: string; isPlanArea: boolean }): Prisma.ActivityWhereInput {
  if (!area.isPlanArea) return { openToOutsiders: true };
  return { OR: [{ eligibleAreas: { none: {} } }, { eligibleAreas: { some: { housingArea: { code: area.code } } } }] };
}

function textCondition(q: string, language: Language): Prisma.ActivityWhereInput {
  // Prisma passes the text into ILIKE as it is: escape its wildcards so "50%" means 50%.
  const literal = q.replace(/[\\%_]/g, "\\$&");
  const contains = (lang: Language) => ({ path: [lang], string_contains: literal, mode: "insensitive" as const });
  const languages = [...new Set<Language>(["da", language])];
  return { OR: languages.flatMap((lang) => [{ title: contains(lang) }, { description: contains(lang) }]) };
}

function ageConditions(age: number): Prisma.ActivityWhereInput[] {
  return [{ OR: [{ minAge: null }, { minAge: { lte: age } }] }, { OR: [{ maxAge: null }, { maxAge: { gte: age } }] }];
}

function cardSelect(now: Date) {
  return {
    id: true,
    slug: true,
    title: true,
    place: true,
    minAge: true,
    maxAge: true,
    priceOre: true,
    requiresSignUp: true,
    capacity: true,
    capacityUnit: true,
    signUpOpensAt: true,
    signUpClosesAt: true,
    type: { select: { code: true, name: true, icon: true } },
    sessions: { where: upcomingSession(now), orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true } },
  } satisfies Prisma.ActivitySelect;
}

type Row = Prisma.ActivityGetPayload<{ select: ReturnType<typeof cardSelect> }>;
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

/**
 * Published activities with at least one session still to come (not
 * cancelled, not yet ended) that match every filter given, soonest first.
 */
export async function listActivities(filters: CatalogueFilters, language: Language, now = new Date()): Promise<CatalogueCard[]> {
  const [area, holidays] = await Promise.all([
    filters.area ? db.housingArea.findUnique({ where: { code: filters.area }, select: { code: true, isPlanArea: true } }) : null,
    filters.when === "holidays" ? holidayRanges(now) : [],
  ]);

  const conditions: Prisma.ActivityWhereInput[] = [
    { status: "PUBLISHED" },
    { sessions: { some: { ...upcomingSession(now), ...whenCondition(filters.when, now, holidays) } } },
  ];
  if (filters.type) conditions.push({ type: { code: filters.type } });
  if (filters.age !== undefined) conditions.push(...ageConditions(filters.age));
  if (area) conditions.push(areaCondition(area));
  if (filters.q) conditions.push(textCondition(filters.q, language));

  const rows = await db.activity.findMany({ where: { AND: conditions }, select: cardSelect(now) });
  const counts = await placeCounts(rows.map((row) => row.id));

  const collator = new Intl.Collator(intlLocale(language));
  return rows
    .sort(
      (a, b) =>
        a.sessions[0]!.startsAt.getTime() - b.sessions[0]!.startsAt.getTime() || collator.compare(pick(a.title, language).text, pick(b.title, language).text),
    )
    .map((row) => toCard(row, counts.get(row.id), language, now));
}
