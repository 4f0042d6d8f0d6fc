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
//   Their housing area is the one recorded at their first participation in the period (people who moved are counted
//   where they first took part, and the report says how many moved).
// - Unique households: the households of the unique participants.
// - Age: whole years on the period's first day, in bands; "unknown" without a birth date.
// - Head-counts (events where names are not taken) are kept apart: they cannot be de-duplicated.
import { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/lib/db.server.ts";
import type { AgeBand, Period } from "./period.ts";

import { UNKNOWN, type ActivityRow, type Breakdown, type Counts, type JobCounts, type Scope } from "./counts.ts";

export { UNKNOWN, type ActivityRow, type Breakdown, type Counts, type JobCounts, type Scope };

function scopeCondition(scope: Scope): Prisma.Sql {
  if (scope.activityId) return Prisma.sql`a."id" = ${scope.activityId}::uuid`;
  if (scope.activityTypeId) return Prisma.sql`a."typeId" = ${scope.activityTypeId}::uuid`;
  if (scope.effortAreaId) return Prisma.sql`a."effortAreaId" = ${scope.effortAreaId}::uuid`;
  return Prisma.sql`TRUE`;
}

/** Common table expressions every activity query starts with. */
function base(period: Period, scope: Scope): Prisma.Sql {
  return Prisma.sql`
    params AS (
      SELECT (${period.from}::date::timestamp AT TIME ZONE 'Europe/Copenhagen') AS t0,
             ((${period.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen') AS t1,
             ${period.from}::date AS d0
    ),
    sel AS (SELECT a."id", a."typeId" FROM "Activity" a WHERE ${scopeCondition(scope)}),
    held AS (
      SELECT s."id", s."activityId", s."startsAt" FROM "ActivitySession" s JOIN sel ON sel."id" = s."activityId", params
      WHERE s."startsAt" >= params.t0 AND s."startsAt" < params.t1 AND s."cancelledAt" IS NULL
    ),
    enr AS (
      SELECT * FROM (
        SELECT e."id", e."personId", e."householdId", e."housingAreaId", e."activityId", e."confirmedAt", e."cancelledAt",
               (SELECT min(h."startsAt") FROM held h
                WHERE h."activityId" = e."activityId" AND h."startsAt" >= e."confirmedAt"
                  AND (e."cancelledAt" IS NULL OR e."cancelledAt" > h."startsAt")) AS "firstAt"
        FROM "Enrolment" e JOIN (SELECT DISTINCT "activityId" FROM held) met ON met."activityId" = e."activityId"
        WHERE e."confirmedAt" IS NOT NULL
      ) placed WHERE "firstAt" IS NOT NULL
    )`;
}

/** Participations: attended sessions, plus enrolments on activities that took no attendance in the period. */
const PARTICIPATION = Prisma.sql`
    att AS (
      SELECT at."personId", at."housingAreaId" AS area, h."startsAt" AS at, h."activityId"
      FROM "Attendance" at JOIN held h ON h."id" = at."sessionId" WHERE at."present"
    ),
    taken AS (SELECT DISTINCT h."activityId" FROM "Attendance" at JOIN held h ON h."id" = at."sessionId"),
    part AS (
      SELECT "personId", area, at, "activityId" FROM att
      UNION ALL
      SELECT e."personId", e."housingAreaId", e."firstAt", e."activityId"
      FROM enr e WHERE e."activityId" NOT IN (SELECT "activityId" FROM taken)
    )`;

const ageBand = (birthDate: Prisma.Sql) => Prisma.sql`CASE
      WHEN ${birthDate} IS NULL THEN 'unknown'
      WHEN extract(year FROM age(params.d0, ${birthDate})) < 6 THEN '0-5'
      WHEN extract(year FROM age(params.d0, ${birthDate})) < 13 THEN '6-12'
      WHEN extract(year FROM age(params.d0, ${birthDate})) < 18 THEN '13-17'
      WHEN extract(year FROM age(params.d0, ${birthDate})) < 30 THEN '18-29'
      WHEN extract(year FROM age(params.d0, ${birthDate})) < 65 THEN '30-64'
      ELSE '65+' END`;

type FineRow = { measure: string; activityId: string | null; area: string | null; band: AgeBand; gender: string | null; n: number };

const emptyBreakdown = (): Breakdown => ({ total: 0, byArea: {}, byAge: {}, byGender: {} });

function add(breakdown: Breakdown, row: { area: string | null; band: AgeBand; gender: string | null; n: number }) {
  breakdown.total += row.n;
  const area = row.area ?? UNKNOWN;
  const gender = row.gender ?? UNKNOWN;
  breakdown.byArea[area] = (breakdown.byArea[area] ?? 0) + row.n;
  breakdown.byAge[row.band] = (breakdown.byAge[row.band] ?? 0) + row.n;
  breakdown.byGender[gender] = (breakdown.byGender[gender] ?? 0) + row.n;
}

/** Enrolments, waiting list, cancellations and attendances at the finest grain (activity × area × age × gender). */
export async function additiveCounts(period: Period, scope: Scope): Promise<FineRow[]> {
  return db.$queryRaw<FineRow[]>`
    WITH ${base(period, scope)}
    SELECT 'enrolments' AS measure, e."activityId"::text AS "activityId", e."housingAreaId"::text AS area, ${ageBand(Prisma.sql`p."birthDate"`)} AS band,
           p."gender"::text AS gender, count(*)::int AS n
    FROM enr e JOIN "Person" p ON p."id" = e."personId", params GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'waitingList', e."activityId"::text, e."housingAreaId"::text, ${ageBand(Prisma.sql`p."birthDate"`)}, p."gender"::text, count(*)::int
    FROM "Enrolment" e JOIN sel ON sel."id" = e."activityId" JOIN "Person" p ON p."id" = e."personId", params
    WHERE e."waitlistedAt" >= params.t0 AND e."waitlistedAt" < params.t1 GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'cancellations', e."activityId"::text, e."housingAreaId"::text, ${ageBand(Prisma.sql`p."birthDate"`)}, p."gender"::text, count(*)::int
    FROM "Enrolment" e JOIN sel ON sel."id" = e."activityId" JOIN "Person" p ON p."id" = e."personId", params
    WHERE e."confirmedAt" IS NOT NULL AND e."cancelledAt" >= params.t0 AND e."cancelledAt" < params.t1 GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'attendances', h."activityId"::text, at."housingAreaId"::text, ${ageBand(Prisma.sql`p."birthDate"`)}, p."gender"::text, count(*)::int
    FROM "Attendance" at JOIN held h ON h."id" = at."sessionId" JOIN "Person" p ON p."id" = at."personId", params
    WHERE at."present" GROUP BY 2, 3, 4, 5`;
}

/** Unique people, one row per person (area at first participation), grouped; and households likewise. */
export async function uniqueCounts(period: Period, scope: Scope) {
  const [people, households, moved] = await Promise.all([
    db.$queryRaw<{ area: string | null; band: AgeBand; gender: string | null; n: number }[]>`
      WITH ${base(period, scope)}, ${PARTICIPATION},
      firsts AS (SELECT DISTINCT ON ("personId") "personId", area FROM part ORDER BY "personId", at)
      SELECT f.area::text AS area, ${ageBand(Prisma.sql`p."birthDate"`)} AS band, p."gender"::text AS gender, count(*)::int AS n
      FROM firsts f JOIN "Person" p ON p."id" = f."personId", params GROUP BY 1, 2, 3`,
    db.$queryRaw<{ area: string | null; n: number }[]>`
      WITH ${base(period, scope)}, ${PARTICIPATION},
      firsts AS (SELECT DISTINCT ON ("personId") "personId", area, at FROM part ORDER BY "personId", at),
      homes AS (
        SELECT coalesce((SELECT min(hm."householdId"::text) FROM "HouseholdMember" hm WHERE hm."personId" = f."personId"), f."personId"::text) AS home,
               f.area, f.at
        FROM firsts f
      ),
      home_firsts AS (SELECT DISTINCT ON (home) home, area FROM homes ORDER BY home, at)
      SELECT area::text AS area, count(*)::int AS n FROM home_firsts GROUP BY 1`,
    db.$queryRaw<{ n: number }[]>`
      WITH ${base(period, scope)}, ${PARTICIPATION}
      SELECT count(*)::int AS n FROM (SELECT "personId" FROM part GROUP BY 1 HAVING count(DISTINCT area) > 1) moved`,
  ]);
  return { people, households, moved: moved[0]?.n ?? 0 };
}

/** Unique people per activity, per activity type and per month; sessions held; head-counts. */
async function perGroupCounts(period: Period, scope: Scope) {
  return Promise.all([
    db.$queryRaw<{ activityId: string; typeId: string; n: number }[]>`
      WITH ${base(period, scope)}, ${PARTICIPATION}
      SELECT part."activityId"::text AS "activityId", sel."typeId"::text AS "typeId", count(DISTINCT part."personId")::int AS n
      FROM part JOIN sel ON sel."id" = part."activityId" GROUP BY 1, 2`,
    db.$queryRaw<{ typeId: string; n: number }[]>`
      WITH ${base(period, scope)}, ${PARTICIPATION}
      SELECT sel."typeId"::text AS "typeId", count(DISTINCT part."personId")::int AS n FROM part JOIN sel ON sel."id" = part."activityId" GROUP BY 1`,
    db.$queryRaw<{ month: string; n: number; attendances: number }[]>`
      WITH ${base(period, scope)}, ${PARTICIPATION},
      monthly AS (
        SELECT to_char(at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM') AS month, "personId", 1 AS attended FROM att
        UNION ALL
        SELECT to_char(h."startsAt" AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM'), e."personId", 0
        FROM enr e JOIN held h ON h."activityId" = e."activityId"
        WHERE e."activityId" NOT IN (SELECT "activityId" FROM taken)
          AND h."startsAt" >= e."confirmedAt" AND (e."cancelledAt" IS NULL OR e."cancelledAt" > h."startsAt")
      )
      SELECT month, count(DISTINCT "personId")::int AS n, sum(attended)::int AS attendances FROM monthly GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ activityId: string; sessions: number }[]>`
      WITH ${base(period, scope)}
      SELECT "activityId"::text AS "activityId", count(*)::int AS sessions FROM held WHERE "startsAt" < now() GROUP BY 1`,
    db.$queryRaw<{ activityId: string; area: string | null; adults: number; children: number }[]>`
      WITH ${base(period, scope)}
      SELECT h."activityId"::text AS "activityId", hc."housingAreaId"::text AS area, sum(hc."adults")::int AS adults, sum(hc."children")::int AS children
      FROM "HeadCount" hc JOIN held h ON h."id" = hc."sessionId" GROUP BY 1, 2`,
  ]);
}

/** Sessions held (started, not cancelled) and the activities that held at least one. */
export async function heldCounts(period: Period, scope: Scope): Promise<{ sessions: number; activities: number }> {
  const rows = await db.$queryRaw<{ sessions: number; activities: number }[]>`
    WITH ${base(period, scope)}
    SELECT count(*)::int AS sessions, count(DISTINCT "activityId")::int AS activities FROM held WHERE "startsAt" < now()`;
  return rows[0] ?? { sessions: 0, activities: 0 };
}

/** Every figure of the activity report for a period and a selection of activities. */
export async function countParticipation(period: Period, scope: Scope = {}): Promise<Counts> {
  const [fine, unique, [perActivityUnique, perTypeUnique, perMonth, sessions, headCounts]] = await Promise.all([
    additiveCounts(period, scope),
    uniqueCounts(period, scope),
    perGroupCounts(period, scope),
  ]);
  const counts: Counts = {
    enrolments: emptyBreakdown(),
    waitingList: emptyBreakdown(),
    cancellations: emptyBreakdown(),
    attendances: emptyBreakdown(),
    uniqueParticipants: emptyBreakdown(),
    uniqueHouseholds: { total: 0, byArea: {} },
    sessionsHeld: 0,
    activitiesHeld: 0,
    moved: unique.moved,
    headCounts: { adults: 0, children: 0, byArea: {} },
    perActivity: [],
    perType: [],
    perMonth: perMonth.map((row) => ({ month: row.month, uniqueParticipants: row.n, attendances: row.attendances })),
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
  for (const row of fine) {
    const measure = row.measure as "enrolments" | "waitingList" | "cancellations" | "attendances";
    add(counts[measure], row);
    activity(row.activityId!)[measure] += row.n;
  }
  for (const row of unique.people) add(counts.uniqueParticipants, row);
  for (const row of unique.households) {
    counts.uniqueHouseholds.total += row.n;
    const area = row.area ?? UNKNOWN;
    counts.uniqueHouseholds.byArea[area] = (counts.uniqueHouseholds.byArea[area] ?? 0) + row.n;
  }
  for (const row of perActivityUnique) activity(row.activityId).uniqueParticipants = row.n;
  for (const row of sessions) {
    activity(row.activityId).sessionsHeld = row.sessions;
    counts.sessionsHeld += row.sessions;
    counts.activitiesHeld += 1;
  }
  for (const row of headCounts) {
    const target = activity(row.activityId);
    target.headCountAdults += row.adults;
    target.headCountChildren += row.children;
    counts.headCounts.adults += row.adults;
    counts.headCounts.children += row.children;
    const area = row.area ?? UNKNOWN;
    const cell = (counts.headCounts.byArea[area] ??= { adults: 0, children: 0 });
    cell.adults += row.adults;
    cell.children += row.children;
  }
  const attendancesByType = new Map<string, number>();
  const typeOf = new Map(perActivityUnique.map((row) => [row.activityId, row.typeId]));
  for (const row of activities.values()) {
    const typeId = typeOf.get(row.activityId);
    if (typeId) attendancesByType.set(typeId, (attendancesByType.get(typeId) ?? 0) + row.attendances);
  }
  counts.perType = perTypeUnique.map((row) => ({ typeId: row.typeId, uniqueParticipants: row.n, attendances: attendancesByType.get(row.typeId) ?? 0 }));
  counts.perActivity = [...activities.values()];
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
      who AS (
        SELECT DISTINCT 'applicants' AS measure, ja."personId" FROM "JobApplication" ja, params
        WHERE ja."createdAt" >= params.t0 AND ja."createdAt" < params.t1
        UNION
        SELECT DISTINCT 'employed', em."personId" FROM "Employment" em, params
        WHERE em."startsOn" <= params.d1 AND coalesce(em."endedOn", 'infinity'::date) >= params.d0
      )
      SELECT who.measure, p."housingAreaId"::text AS area, ${ageBand(Prisma.sql`p."birthDate"`)} AS band, p."gender"::text AS gender, count(*)::int AS n
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
