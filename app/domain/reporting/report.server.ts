// The counting behind the reports: every figure is a database query that
// returns aggregated rows, never every attendance. Definitions (also in the
// export's definitions sheet, locales/*/reports.json "definitions"):
//
// - Period: Copenhagen calendar days `from`–`to`, both included.
// - Held session: a session of a selected activity starting in the period, not cancelled. "Sessions held" counts only
//   those that have started.
// - Enrolments: places held at one or more held sessions of the period (confirmed before the session started, not
//   cancelled before it).
// - Waiting list: people who joined a waiting list in the period. Cancellations: places given up in the period.
// - Attendances: person-sessions marked present.
// - Unique participants: distinct people who attended at least once; for an activity where no attendance was taken
//   in the period, the people enrolled at one of its held sessions. One person counts once in any unique figure, across all activities.
//   Their housing area is the one they lived in on the day of their first participation in the period, from their
//   area history (docs/decisions/016-area-history-and-birth-years.md), whenever the row was written: attendance marked
//   late, imported or merged lands where they lived then. The report says how many moved within the period.
// - By area, every other figure too uses the area on the day of the participation (the session's day; for the waiting
//   list and cancellations the day it happened).
// - Programmes: one person counts once across all the terms of a programme; activities in no programme form their
//   own row.
// - Unique households: the households of the unique participants.
// - Age: whole years on the period's first day, in bands; a birth year alone counts as the age reached in that year;
//   "unknown" without either.
// - Head-counts (events where names are not taken) are kept apart: they cannot be de-duplicated.
import { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/lib/db.server.ts";
import { addDaysToDay } from "../dates.ts";
import { AGE_BAND_TABLE, monthsOf, type AgeBand, type Period } from "./period.ts";

import { NO_PROGRAMME, UNKNOWN, type ActivityRow, type Breakdown, type Counts, type JobCounts, type Scope } from "./counts.ts";

export { NO_PROGRAMME, UNKNOWN, type ActivityRow, type Breakdown, type Counts, type JobCounts, type Scope };

function scopeCondition(scope: Scope): Prisma.Sql {
  if (scope.activityId) return Prisma.sql`a."id" = ${scope.activityId}::uuid`;
  if (scope.programmeId) return Prisma.sql`a."programmeId" = ${scope.programmeId}::uuid`;
  if (scope.activityTypeId) return Prisma.sql`a."typeId" = ${scope.activityTypeId}::uuid`;
  if (scope.effortAreaId) return Prisma.sql`a."effortAreaId" = ${scope.effortAreaId}::uuid`;
  return Prisma.sql`TRUE`;
}

/**
 * The age band on the period's first day, as SQL built from the one table in period.ts (AGE_BAND_TABLE). A birth year
 * alone counts as the age reached in that day's year (the person's "årgang", as schools and clubs group children):
 * `ageOnKnown` in dates.ts is the same rule.
 */
export const ageBand = (person: Prisma.Sql, day: Prisma.Sql = Prisma.sql`params.d0`) => {
  const years = Prisma.sql`CASE WHEN ${person}."birthDate" IS NOT NULL THEN extract(year FROM age(${day}, ${person}."birthDate"))
      ELSE extract(year FROM ${day}) - ${person}."birthYear" END`;
  const bands = AGE_BAND_TABLE.map((row) =>
    row.below === null ? Prisma.sql`ELSE ${row.band}` : Prisma.sql`WHEN ${years} < ${Prisma.raw(String(row.below))} THEN ${row.band}`,
  );
  return Prisma.sql`(CASE WHEN ${person}."birthDate" IS NULL AND ${person}."birthYear" IS NULL THEN 'unknown' ${Prisma.join(bands, " ")} END)::text`;
};

/** The housing area of a person on a day, from their area history (null: not known). */
const areaOn = (personId: Prisma.Sql, day: Prisma.Sql) => Prisma.sql`(SELECT ap."housingAreaId" FROM "PersonAreaPeriod" ap
      WHERE ap."personId" = ${personId} AND (ap."validFrom" IS NULL OR ap."validFrom" <= ${day}) AND (ap."validTo" IS NULL OR ap."validTo" > ${day}))`;
const dayOf = (instant: Prisma.Sql) => Prisma.sql`(${instant} AT TIME ZONE 'Europe/Copenhagen')::date`;

/** One result row of the report statement: `kind` says which figure, k1–k4 its keys, n and m the numbers. */
type ResultRow = { kind: string; k1: string | null; k2: string | null; k3: string | null; k4: string | null; n: number; m: number };

/**
 * Where the statement reads attendance: "facts" (the default) reads the months lying wholly in the period from
 * `ReportAttendanceMonth` (per person × activity × month × area, kept current by the database's triggers,
 * docs/decisions/022-report-facts.md) and only the sessions of a partly covered first or last month from the rows;
 * "rows" reads every attendance row of the period — the definition itself, kept as the oracle the facts are tested
 * against (tests/integration/report-facts.test.ts).
 */
export type Source = "facts" | "rows";

/** The months lying wholly in a period, as [first day, day after): null when none does. */
export function wholeMonths(period: Period): { from: string; until: string } | null {
  const from = period.from.endsWith("-01") ? period.from : addDaysToDay(`${period.from.slice(0, 7)}-28`, 4).slice(0, 7) + "-01";
  const next = addDaysToDay(period.to, 1);
  const until = next.endsWith("-01") ? next : `${period.to.slice(0, 7)}-01`;
  return from < until ? { from, until } : null;
}

/** The calendar years lying wholly in [from, until) (first days of months), as [first year, year after): null when none does. */
export function wholeYears(months: { from: string; until: string }): { from: number; until: number } | null {
  const from = Number(months.from.slice(0, 4)) + (months.from.endsWith("-01-01") ? 0 : 1);
  const until = Number(months.until.slice(0, 4));
  return from < until ? { from, until } : null;
}

/**
 * The whole participation report as ONE statement, so the sessions and
 * attendances of the period are read once (materialised CTEs) and reduced
 * early to one row per person × activity × area × month.
 */
export function participationStatement(period: Period, scope: Scope, source: Source = "facts"): Prisma.Sql {
  const band = ageBand(Prisma.sql`p`);
  const months = monthsOf(period).length;
  const whole = source === "facts" ? wholeMonths(period) : null;
  // Attendance of the period, one row per mark (rows) or per fact: person, activity, area on the session's day,
  // month, first time present, times present, the month's bit.
  const years = whole ? wholeYears(whole) : null;
  const yearsFrom = years ? `${years.from}-01-01` : "infinity";
  const yearsUntil = years ? `${years.until}-01-01` : "infinity";
  const edges = whole ? Prisma.sql`NOT (h.day >= ${whole.from}::date AND h.day < ${whole.until}::date)` : Prisma.sql`TRUE`;
  // Attendance of the period, one row per mark (rows), per month fact or per year fact: person, activity, area on the
  // session's day, first time present, times present, the months present in as bits of the period (null: none).
  const marksFromRows = Prisma.sql`
      SELECT at."personId", h."activityId", ap."housingAreaId" AS area,
             CASE WHEN at."present" THEN h."startsAt" END AS at, at."present"::int AS n, CASE WHEN at."present" THEN h.bit END AS mask
      FROM "Attendance" at JOIN held h ON h."id" = at."sessionId"
        LEFT JOIN "PersonAreaPeriod" ap ON ap."personId" = at."personId"
          AND (ap."validFrom" IS NULL OR ap."validFrom" <= h.day) AND (ap."validTo" IS NULL OR ap."validTo" > h.day)
      WHERE ${edges}`;
  const marks = whole
    ? Prisma.sql`
      SELECT y."personId", y."activityId", y."housingAreaId" AS area, y."firstPresentAt" AS at, y."presentCount" AS n,
             -- January of the year is bit (year − first year) × 12 + 1 − first month of the period (0-based).
             CASE WHEN y."months" <> 0 THEN overlay(params.none PLACING y."months"::bit(12)
               FROM ((y."year" - extract(year FROM params.d0)::int) * 12 + 2 - extract(month FROM params.d0)::int)) END AS mask
      FROM "ReportAttendanceYear" y JOIN sel ON sel."id" = y."activityId", params
      WHERE y."year" >= ${years?.from ?? 0}::int AND y."year" < ${years?.until ?? 0}::int
      UNION ALL
      SELECT f."personId", f."activityId", f."housingAreaId", f."firstPresentAt", f."presentCount", CASE WHEN f."presentCount" > 0 THEN mo.bit END
      FROM "ReportAttendanceMonth" f JOIN sel ON sel."id" = f."activityId" JOIN months mo ON mo.month = f."month"
      WHERE f."month" >= ${whole.from}::date AND f."month" < ${whole.until}::date
        AND NOT (f."month" >= ${yearsFrom}::date AND f."month" < ${yearsUntil}::date)
      UNION ALL ${marksFromRows}`
    : marksFromRows;
  // Attendances per month: the facts' activity × month sums for whole months, the rows for the rest.
  const monthAttendances = Prisma.sql`
      SELECT h.month, (count(*) FILTER (WHERE at."present"))::int AS n FROM "Attendance" at JOIN held h ON h."id" = at."sessionId"
      WHERE ${edges} GROUP BY 1
      ${
        whole
          ? Prisma.sql`UNION ALL
      SELECT mo.key, sum(am."presentCount")::int FROM "ReportActivityMonth" am JOIN sel ON sel."id" = am."activityId" JOIN months mo ON mo.month = am."month"
      WHERE am."month" >= ${whole.from}::date AND am."month" < ${whole.until}::date GROUP BY 1`
          : Prisma.empty
      }`;
  // Places held at a held session (confirmed before it started, not cancelled before it): the first such session
  // (rows: every pair, the definition; facts: one index look-up per enrolment) and the months with one.
  const enrolled =
    source === "rows"
      ? Prisma.sql`
    em_sessions AS MATERIALIZED (
      SELECT e."id", e."personId", e."activityId", min(h."startsAt") AS at, bit_or(h.bit) AS mask
      FROM "Enrolment" e JOIN held h ON h."activityId" = e."activityId" AND h."startsAt" >= e."confirmedAt"
        AND (e."cancelledAt" IS NULL OR e."cancelledAt" > h."startsAt")
      WHERE e."confirmedAt" IS NOT NULL
      GROUP BY 1, 2, 3
    ),
    em AS MATERIALIZED (
      SELECT es.*, ${areaOn(Prisma.sql`es."personId"`, dayOf(Prisma.sql`es.at`))} AS area FROM em_sessions es
    ),
    em_part AS (SELECT "personId", "activityId", area, at, mask FROM em WHERE "activityId" NOT IN (SELECT "activityId" FROM taken)),`
      : Prisma.sql`
    em_first AS MATERIALIZED (
      SELECT e."id", e."personId", e."activityId", e."confirmedAt", e."cancelledAt", first.at
      FROM "Enrolment" e JOIN sel ON sel."id" = e."activityId", params,
        LATERAL (SELECT s."startsAt" AS at FROM "ActivitySession" s
                 WHERE s."activityId" = e."activityId" AND s."cancelledAt" IS NULL AND s."startsAt" >= e."confirmedAt"
                   AND s."startsAt" >= params.t0 AND s."startsAt" < params.t1 AND (e."cancelledAt" IS NULL OR e."cancelledAt" > s."startsAt")
                 ORDER BY s."startsAt" LIMIT 1) first
      WHERE e."confirmedAt" IS NOT NULL
    ),
    em AS MATERIALIZED (
      SELECT ef."id", ef."personId", ef."activityId", ef.at, ${areaOn(Prisma.sql`ef."personId"`, dayOf(Prisma.sql`ef.at`))} AS area FROM em_first ef
    ),
    -- Months with a held session only where they count: activities that took no attendance.
    em_part AS (
      SELECT ef."personId", ef."activityId", em.area, ef.at, bit_or(h.bit) AS mask
      FROM em_first ef JOIN em ON em."id" = ef."id"
        JOIN held h ON h."activityId" = ef."activityId" AND h."startsAt" >= ef."confirmedAt" AND (ef."cancelledAt" IS NULL OR ef."cancelledAt" > h."startsAt")
      WHERE ef."activityId" NOT IN (SELECT "activityId" FROM taken)
      GROUP BY ef."id", 1, 2, 3, 4
    ),`;
  // People per month: one pass over the people, a count per month bit (not a row per person and month to sort).
  const peoplePerMonth = Prisma.join(Array.from({ length: months }, (_, i) => Prisma.sql`count(*) FILTER (WHERE get_bit(mask, ${Prisma.raw(String(i))}) = 1)`));
  return Prisma.sql`
    WITH params AS (
      SELECT (${period.from}::date::timestamp AT TIME ZONE 'Europe/Copenhagen') AS t0,
             ((${period.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen') AS t1,
             ${period.from}::date AS d0,
             repeat('0', ${months}::int)::varbit AS none
    ),
    -- The period's months: first day, "YYYY-MM", and its bit (bit 0 = the period's first month) in a bit string as
    -- long as the period has months, for counting people per month cheaply (a bigint held only 64 months).
    months AS MATERIALIZED (
      SELECT m.month, to_char(m.month, 'YYYY-MM') AS key, set_bit(params.none, i, 1) AS bit
      FROM params, generate_series(0, ${months}::int - 1) i,
           LATERAL (SELECT (date_trunc('month', params.d0) + make_interval(months => i))::date AS month) m
    ),
    sel AS MATERIALIZED (SELECT a."id", a."typeId", a."programmeId" FROM "Activity" a WHERE ${scopeCondition(scope)}),
    held AS MATERIALIZED (
      SELECT s."id", s."activityId", s."startsAt", ${dayOf(Prisma.sql`s."startsAt"`)} AS day, mo.key AS month, mo.bit
      FROM "ActivitySession" s JOIN sel ON sel."id" = s."activityId", params, months mo
      WHERE s."startsAt" >= params.t0 AND s."startsAt" < params.t1 AND s."cancelledAt" IS NULL
        AND mo.month = "report_month"(s."startsAt")
    ),
    -- One pass over the attendance of the period, two groupings: person × activity × area (first time present, times
    -- present, months present as bits) and month (attendances). The area is the one the person lived in on the
    -- session's day (their area history), whenever the attendance was marked.
    marks AS (${marks}),
    pa AS MATERIALIZED (
      SELECT "personId", "activityId", area, min(at) AS at, sum(n)::int AS n, bit_or(mask) AS mask FROM marks GROUP BY 1, 2, 3
    ),
    taken AS MATERIALIZED (SELECT DISTINCT "activityId" FROM pa),
${enrolled}
    -- Participation: attended, or enrolled on an activity that took no attendance.
    part AS MATERIALIZED (
      SELECT "personId", "activityId", area, at, mask FROM pa WHERE n > 0
      UNION ALL
      SELECT "personId", "activityId", area, at, mask FROM em_part
    ),
    person_months AS (SELECT "personId", bit_or(mask) AS mask FROM part GROUP BY 1),
    firsts AS MATERIALIZED (SELECT DISTINCT ON ("personId") "personId", area, at FROM part ORDER BY "personId", at),
    homes AS (
      SELECT coalesce((SELECT min(hm."householdId"::text) FROM "HouseholdMember" hm WHERE hm."personId" = f."personId"), f."personId"::text) AS home,
             f.area, f.at
      FROM firsts f
    )
    SELECT 'unique' AS kind, f.area::text AS k1, ${band} AS k2, p."gender"::text AS k3, NULL AS k4, count(*)::int AS n, 0 AS m
    FROM firsts f JOIN "Person" p ON p."id" = f."personId", params GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'households', area::text, NULL, NULL, NULL, count(*)::int, 0
    FROM (SELECT DISTINCT ON (home) home, area FROM homes ORDER BY home, at) home_firsts GROUP BY 2
    UNION ALL
    SELECT 'moved', NULL, NULL, NULL, NULL, count(*)::int, 0 FROM (SELECT "personId" FROM part GROUP BY 1 HAVING count(DISTINCT area) > 1) moved
    UNION ALL
    SELECT 'activity', part."activityId"::text, sel."typeId"::text, sel."programmeId"::text, NULL, count(DISTINCT part."personId")::int, 0
    FROM part JOIN sel ON sel."id" = part."activityId" GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'type', sel."typeId"::text, NULL, NULL, NULL, count(DISTINCT part."personId")::int, 0
    FROM part JOIN sel ON sel."id" = part."activityId" GROUP BY 2
    UNION ALL
    SELECT 'programme', sel."programmeId"::text, NULL, NULL, NULL, count(DISTINCT part."personId")::int, 0
    FROM part JOIN sel ON sel."id" = part."activityId" GROUP BY 2
    UNION ALL
    SELECT 'month', (u.i - 1)::text, NULL, NULL, NULL, u.n::int, 0
    FROM (SELECT ARRAY[${peoplePerMonth}] AS counts FROM person_months) pm, unnest(pm.counts) WITH ORDINALITY AS u(n, i) WHERE u.n > 0
    UNION ALL
    SELECT 'monthAttendances', month, NULL, NULL, NULL, n, 0 FROM (${monthAttendances}) ma
    UNION ALL
    SELECT 'attendances', pa."activityId"::text, pa.area::text, ${band}, p."gender"::text, sum(pa.n)::int, 0
    FROM pa JOIN "Person" p ON p."id" = pa."personId", params GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'enrolments', e."activityId"::text, e.area::text, ${band}, p."gender"::text, count(*)::int, 0
    FROM em e JOIN "Person" p ON p."id" = e."personId", params GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'waitingList', e."activityId"::text, ${areaOn(Prisma.sql`e."personId"`, dayOf(Prisma.sql`e."waitlistedAt"`))}::text, ${band}, p."gender"::text, count(*)::int, 0
    FROM "Enrolment" e JOIN sel ON sel."id" = e."activityId" JOIN "Person" p ON p."id" = e."personId", params
    WHERE e."waitlistedAt" >= params.t0 AND e."waitlistedAt" < params.t1 GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'cancellations', e."activityId"::text, ${areaOn(Prisma.sql`e."personId"`, dayOf(Prisma.sql`e."cancelledAt"`))}::text, ${band}, p."gender"::text, count(*)::int, 0
    FROM "Enrolment" e JOIN sel ON sel."id" = e."activityId" JOIN "Person" p ON p."id" = e."personId", params
    WHERE e."confirmedAt" IS NOT NULL AND e."cancelledAt" >= params.t0 AND e."cancelledAt" < params.t1 GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'sessions', "activityId"::text, NULL, NULL, NULL, count(*)::int, 0 FROM held WHERE "startsAt" < now() GROUP BY 2
    UNION ALL
    SELECT 'headCounts', h."activityId"::text, hc."housingAreaId"::text, NULL, NULL, sum(hc."adults")::int, sum(hc."children")::int
    FROM "HeadCount" hc JOIN held h ON h."id" = hc."sessionId" GROUP BY 2, 3`;
}

const emptyBreakdown = (): Breakdown => ({ total: 0, byArea: {}, byAge: {}, byGender: {} });

function add(breakdown: Breakdown, row: { area: string | null; band: AgeBand; gender: string | null; n: number }) {
  breakdown.total += row.n;
  const area = row.area ?? UNKNOWN;
  const gender = row.gender ?? UNKNOWN;
  breakdown.byArea[area] = (breakdown.byArea[area] ?? 0) + row.n;
  breakdown.byAge[row.band] = (breakdown.byAge[row.band] ?? 0) + row.n;
  breakdown.byGender[gender] = (breakdown.byGender[gender] ?? 0) + row.n;
}

/** Every figure of the activity report for a period and a selection of activities. */
export async function countParticipation(period: Period, scope: Scope = {}, source: Source = "facts"): Promise<Counts> {
  // The statement sorts and hashes a few hundred thousand rows on large data: give it memory instead of temp files.
  // Prisma's default 5 s for a transaction would be an error page on a slow day (a busy machine, the row-level
  // source on large data): the report may take longer rather than fail.
  const rows = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL work_mem = '128MB'`;
      return tx.$queryRaw<ResultRow[]>(participationStatement(period, scope, source));
    },
    { timeout: 60_000 },
  );
  const counts: Counts = {
    enrolments: emptyBreakdown(),
    waitingList: emptyBreakdown(),
    cancellations: emptyBreakdown(),
    attendances: emptyBreakdown(),
    uniqueParticipants: emptyBreakdown(),
    uniqueHouseholds: { total: 0, byArea: {} },
    sessionsHeld: 0,
    activitiesHeld: 0,
    moved: 0,
    headCounts: { adults: 0, children: 0, byArea: {} },
    perActivity: [],
    perType: [],
    perProgramme: [],
    perMonth: [],
  };
  const activities = new Map<string, ActivityRow>();
  const activity = (id: string): ActivityRow => {
    let row = activities.get(id);
    if (!row) {
      row = {
        activityId: id,
        enrolments: 0,
        waitingList: 0,
        cancellations: 0,
        attendances: 0,
        sessionsHeld: 0,
        uniqueParticipants: 0,
        headCountAdults: 0,
        headCountChildren: 0,
      };
      activities.set(id, row);
    }
    return row;
  };
  const typeOf = new Map<string, string>();
  const monthKeys = monthsOf(period);
  const months = new Map<string, { month: string; uniqueParticipants: number; attendances: number }>();
  const month = (key: string) => months.get(key) ?? months.set(key, { month: key, uniqueParticipants: 0, attendances: 0 }).get(key)!;
  const types: { typeId: string; uniqueParticipants: number }[] = [];
  const programmeOf = new Map<string, string>();
  const programmes: { programmeId: string; uniqueParticipants: number }[] = [];
  for (const row of rows) {
    switch (row.kind) {
      case "unique":
        add(counts.uniqueParticipants, { area: row.k1, band: row.k2 as AgeBand, gender: row.k3, n: row.n });
        break;
      case "households": {
        counts.uniqueHouseholds.total += row.n;
        const area = row.k1 ?? UNKNOWN;
        counts.uniqueHouseholds.byArea[area] = (counts.uniqueHouseholds.byArea[area] ?? 0) + row.n;
        break;
      }
      case "moved":
        counts.moved = row.n;
        break;
      case "activity":
        activity(row.k1!).uniqueParticipants = row.n;
        typeOf.set(row.k1!, row.k2!);
        programmeOf.set(row.k1!, row.k3 ?? NO_PROGRAMME);
        break;
      case "type":
        types.push({ typeId: row.k1!, uniqueParticipants: row.n });
        break;
      case "programme":
        programmes.push({ programmeId: row.k1 ?? NO_PROGRAMME, uniqueParticipants: row.n });
        break;
      case "month":
        month(monthKeys[Number(row.k1)]!).uniqueParticipants = row.n;
        break;
      case "monthAttendances":
        month(row.k1!).attendances = row.n;
        break;
      case "attendances":
      case "enrolments":
      case "waitingList":
      case "cancellations":
        if (row.n === 0) break;
        add(counts[row.kind], { area: row.k2, band: row.k3 as AgeBand, gender: row.k4, n: row.n });
        activity(row.k1!)[row.kind] += row.n;
        break;
      case "sessions":
        activity(row.k1!).sessionsHeld = row.n;
        counts.sessionsHeld += row.n;
        counts.activitiesHeld += 1;
        break;
      case "headCounts": {
        const target = activity(row.k1!);
        target.headCountAdults += row.n;
        target.headCountChildren += row.m;
        counts.headCounts.adults += row.n;
        counts.headCounts.children += row.m;
        const cell = (counts.headCounts.byArea[row.k2 ?? UNKNOWN] ??= { adults: 0, children: 0 });
        cell.adults += row.n;
        cell.children += row.m;
        break;
      }
    }
  }
  const attendancesByType = new Map<string, number>();
  for (const row of activities.values()) {
    const typeId = typeOf.get(row.activityId);
    if (typeId) attendancesByType.set(typeId, (attendancesByType.get(typeId) ?? 0) + row.attendances);
  }
  counts.perType = types.map((row) => ({ ...row, attendances: attendancesByType.get(row.typeId) ?? 0 }));
  const attendancesByProgramme = new Map<string, number>();
  for (const row of activities.values()) {
    const programmeId = programmeOf.get(row.activityId);
    if (programmeId) attendancesByProgramme.set(programmeId, (attendancesByProgramme.get(programmeId) ?? 0) + row.attendances);
  }
  counts.perProgramme = programmes.map((row) => ({ ...row, attendances: attendancesByProgramme.get(row.programmeId) ?? 0 }));
  counts.perMonth = [...months.values()].filter((row) => row.uniqueParticipants > 0 || row.attendances > 0).sort((a, b) => a.month.localeCompare(b.month));
  counts.perActivity = [...activities.values()].map((row) => ({ ...row, typeId: typeOf.get(row.activityId), programmeId: programmeOf.get(row.activityId) }));
  return counts;
}

/** Pocket-money jobs in a period: applicants, young people employed, shifts and hours worked (confirmed). */
export async function countJobs(period: Period): Promise<JobCounts> {
  const [people, work] = await Promise.all([
    db.$queryRaw<{ measure: "applicants" | "employed"; area: string | null; band: AgeBand; gender: string | null; n: number }[]>`
      WITH params AS (
        SELECT (${period.from}::date::timestamp AT TIME ZONE 'Europe/Copenhagen') AS t0,
               ((${period.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen') AS t1,
               ${period.from}::date AS d0, ${period.to}::date AS d1
      ),
      -- Each person once per measure, on the day they first applied or worked in the period (their area then).
      who AS (
        SELECT 'applicants' AS measure, ja."personId", min(${dayOf(Prisma.sql`ja."createdAt"`)}) AS day FROM "JobApplication" ja, params
        WHERE ja."createdAt" >= params.t0 AND ja."createdAt" < params.t1 GROUP BY 1, 2
        UNION ALL
        SELECT 'employed', em."personId", greatest(min(em."startsOn"), min(params.d0)) FROM "Employment" em, params
        WHERE em."startsOn" <= params.d1 AND coalesce(em."endedOn", 'infinity'::date) >= params.d0 GROUP BY 1, 2
      )
      SELECT who.measure, ${areaOn(Prisma.sql`who."personId"`, Prisma.sql`who.day`)}::text AS area, ${ageBand(Prisma.sql`p`)} AS band, p."gender"::text AS gender, count(*)::int AS n
      FROM who JOIN "Person" p ON p."id" = who."personId", params GROUP BY 1, 2, 3, 4`,
    db.$queryRaw<{ shifts: number; minutes: number }[]>`
      SELECT count(*)::int AS shifts, coalesce(sum(sa."workedMinutes"), 0)::int AS minutes
      FROM "ShiftAssignment" sa JOIN "JobShift" js ON js."id" = sa."shiftId"
      WHERE sa."workedMinutes" > 0 AND sa."status" = 'ASSIGNED'
        AND js."startsAt" >= (${period.from}::date::timestamp AT TIME ZONE 'Europe/Copenhagen')
        AND js."startsAt" < ((${period.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')`,
  ]);
  const jobs: JobCounts = {
    applicants: emptyBreakdown(),
    employed: emptyBreakdown(),
    shiftsWorked: work[0]?.shifts ?? 0,
    minutesWorked: work[0]?.minutes ?? 0,
  };
  for (const row of people) add(jobs[row.measure], row);
  return jobs;
}
