// The report's pre-aggregated attendance (ReportAttendanceMonth, docs/decisions/022-report-facts.md) against the
// definition: on randomised messy data — attendance marked late and corrected, dated moves and corrections of the
// area history, merges of two people, imports of past lists in bulk, sessions cancelled, restored and moved, rows
// deleted — the facts equal a rebuild from the rows, and the report read from them equals the report read from the
// rows, figure for figure, for whole and partial months.
import { beforeAll, describe, expect, it } from "vitest";
import { markAttendance } from "../../app/domain/attendance/attendance.server.ts";
import { addDaysToDay, copenhagenInstant } from "../../app/domain/dates.ts";
import { recordMove } from "../../app/domain/households/area-history.server.ts";
import { mergePeople } from "../../app/domain/register/merge.server.ts";
import { countParticipation, type Scope } from "../../app/domain/reporting/report.server.ts";
import { db } from "../../app/lib/db.server.ts";
import * as fixtures from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

const FACT_COLUMNS = `"personId", "activityId", "month", "housingAreaId", "firstPresentAt", "presentCount", "markedCount"`;

/** Facts of these activities that differ from a rebuild from the rows (either way round). */
async function factsDifferingFromRows(activityIds: string[]) {
  return db.$queryRawUnsafe<unknown[]>(
    `WITH rebuilt AS (
       SELECT at."personId", s."activityId", report_month(s."startsAt") AS "month", ap."housingAreaId",
              min(s."startsAt") FILTER (WHERE at."present") AS "firstPresentAt", (count(*) FILTER (WHERE at."present"))::int AS "presentCount",
              count(*)::int AS "markedCount"
       FROM "Attendance" at JOIN "ActivitySession" s ON s."id" = at."sessionId" AND s."cancelledAt" IS NULL
       LEFT JOIN "PersonAreaPeriod" ap ON ap."personId" = at."personId"
         AND (ap."validFrom" IS NULL OR ap."validFrom" <= (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date)
         AND (ap."validTo" IS NULL OR ap."validTo" > (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date)
       WHERE s."activityId" = ANY ($1::uuid[]) GROUP BY 1, 2, 3, 4),
     kept AS (SELECT ${FACT_COLUMNS} FROM "ReportAttendanceMonth" WHERE "activityId" = ANY ($1::uuid[]))
     (SELECT 'kept only' AS side, * FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM rebuilt) a)
     UNION ALL (SELECT 'rows only', * FROM (SELECT * FROM rebuilt EXCEPT ALL SELECT * FROM kept) b)
     -- The years and the activity × month sums, against the month facts.
     UNION ALL (SELECT 'year', "personId", "activityId", NULL, "housingAreaId", NULL, NULL, NULL FROM (
       SELECT "personId", "activityId", "year", "housingAreaId", "firstPresentAt", "presentCount", "markedCount", "months"
       FROM "ReportAttendanceYear" WHERE "activityId" = ANY ($1::uuid[])
       EXCEPT ALL
       SELECT "personId", "activityId", extract(year FROM "month")::int, "housingAreaId", min("firstPresentAt"), sum("presentCount")::int,
              sum("markedCount")::int, coalesce(bit_or(1 << (12 - extract(month FROM "month")::int)) FILTER (WHERE "presentCount" > 0), 0)
       FROM rebuilt GROUP BY 1, 2, 3, 4) y)
     UNION ALL (SELECT 'activity month', NULL, "activityId", "month", NULL, NULL, NULL, NULL FROM (
       (SELECT "activityId", "month", "presentCount" FROM "ReportActivityMonth" WHERE "activityId" = ANY ($1::uuid[])
        EXCEPT ALL SELECT "activityId", "month", sum("presentCount")::int FROM rebuilt GROUP BY 1, 2)
       UNION ALL
       (SELECT "activityId", "month", sum("presentCount")::int FROM rebuilt GROUP BY 1, 2
        EXCEPT ALL SELECT "activityId", "month", "presentCount" FROM "ReportActivityMonth" WHERE "activityId" = ANY ($1::uuid[]))) am)`,
    activityIds,
  );
}

/** The report's figures in a comparable form (the order of rows is not a figure). */
function figures(counts: Awaited<ReturnType<typeof countParticipation>>) {
  const byKey = <T extends Record<string, unknown>>(rows: T[], key: keyof T) => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
  return {
    ...counts,
    perActivity: byKey(counts.perActivity, "activityId"),
    perType: byKey(counts.perType, "typeId"),
    perProgramme: byKey(counts.perProgramme, "programmeId"),
    perMonth: byKey(counts.perMonth, "month"),
  };
}

const PERIODS = [
  { from: "2025-01-01", to: "2029-12-31" }, // the plan period: year facts only
  { from: "2025-11-01", to: "2026-12-31" }, // a whole year and two months
  { from: "2025-12-15", to: "2027-01-10" }, // rows, a month, a whole year, rows
  { from: "2026-01-01", to: "2026-06-30" },
  { from: "2026-02-01", to: "2026-02-28" },
  { from: "2026-01-15", to: "2026-04-10" }, // partial first and last month: rows at the edges
  { from: "2026-03-03", to: "2026-03-20" }, // inside one month: rows only
  { from: "2026-02-10", to: "2026-09-30" },
];

describe("the report's pre-aggregated attendance on randomised messy data", () => {
  const areas: string[] = [];
  const people: string[] = [];
  const activities: { id: string; sessions: { id: string; startsAt: Date }[] }[] = [];
  let programme = "";
  let staff = "";

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) areas.push((await fixtures.area({ name: `Facts area ${i}` })).id);
    staff = (await createUser({ role: "STAFF", email: "facts-staff@example.dk" })).id;
    for (let i = 0; i < 6; i++) {
      const family = await fixtures.household({ children: [0, 1].map((k) => ({ birthDate: `201${i}-0${k + 3}-15`, areaId: areas[i % 3]! })) });
      people.push(...family.children.map((child) => child.id));
    }
    programme = (await db.programme.create({ data: { name: `Facts programme ${fixtures.key()}` } })).id;
    for (let a = 0; a < 3; a++) {
      // Sessions from December 2025 to October 2026, every 9–12 days, at 15:00 and near midnight (month edges in
      // Copenhagen time are not UTC's).
      const sessions: { startsAt: Date; endsAt: Date }[] = [];
      for (let day = `2025-12-0${a + 1}`, k = 0; day < "2026-11-01"; day = addDaysToDay(day, 9 + ((k + a) % 4)), k++) {
        const startsAt = copenhagenInstant(day, k % 5 === 0 ? "23:30" : "15:00");
        sessions.push({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
      }
      const activity = await fixtures.activity({ sessions, requiresSignUp: false });
      if (a < 2) await db.activity.update({ where: { id: activity.id }, data: { programmeId: programme } });
      activities.push({ id: activity.id, sessions: activity.sessions.map((s) => ({ id: s.id, startsAt: s.startsAt })) });
    }
  });

  const allSessions = () => activities.flatMap((a) => a.sessions);
  const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

  async function messUp(seed: number) {
    const rng = random(seed);
    const live = () => people.filter((id) => id !== "");
    // Attendance in bulk, as an import of past lists writes it (one statement, many sessions).
    const imported = allSessions()
      .filter(() => rng.next() < 0.4)
      .flatMap((session) =>
        live()
          .filter(() => rng.next() < 0.3)
          .map((personId) => ({ sessionId: session.id, personId, present: rng.next() < 0.85 })),
      );
    await db.attendance.createMany({ data: imported, skipDuplicates: true });
    for (let step = 0; step < 25; step++) {
      const choice = rng.int(8);
      const session = rng.pick(allSessions());
      const person = rng.pick(live());
      if (choice <= 2) {
        // Marked (or corrected) late, through the attendance page's own function.
        await db.attendance.upsert({
          where: { sessionId_personId: { sessionId: session.id, personId: person } },
          create: { sessionId: session.id, personId: person, present: false },
          update: {},
        });
        await markAttendance({ sessionId: session.id, personId: person, present: rng.next() < 0.7, actorUserId: staff });
      } else if (choice === 3) {
        // A dated move (or a correction of one) back in time, for a child or the whole family.
        await recordMove({ personIds: [person], areaId: rng.pick(areas), from: dayOf(rng.pick(allSessions()).startsAt), actorUserId: staff });
      } else if (choice === 4) {
        // An undated change of area (a form): ADR 016's trigger makes it a move today.
        await db.person.update({ where: { id: person }, data: { housingAreaId: rng.pick(areas) } });
      } else if (choice === 5 && live().length > 4) {
        const other = rng.pick(live().filter((id) => id !== person));
        await mergePeople({ keepId: person, removeId: other, actorUserId: staff });
        people[people.indexOf(other)] = "";
      } else if (choice === 6) {
        // Cancelled, restored or moved to another day (perhaps another month).
        const what = rng.int(3);
        await db.activitySession.update({
          where: { id: session.id },
          data:
            what === 0
              ? { cancelledAt: new Date("2026-11-15T10:00:00Z") }
              : what === 1
                ? { cancelledAt: null }
                : { startsAt: new Date(session.startsAt.getTime() + (rng.int(40) - 20) * 86_400_000) },
        });
        if (what === 2) session.startsAt = (await db.activitySession.findUniqueOrThrow({ where: { id: session.id } })).startsAt;
      } else {
        await db.attendance.deleteMany({ where: { sessionId: session.id, personId: person } });
      }
    }
  }

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the report from the facts equals the report from the rows, and the facts a rebuild from the rows`, async () => {
      await messUp(seed);
      const scopes: Scope[] = [{}, { programmeId: programme }, { activityId: activities[2]!.id }];
      for (const scope of scopes) {
        for (const period of PERIODS) {
          const [fromFacts, fromRows] = await Promise.all([countParticipation(period, scope, "facts"), countParticipation(period, scope, "rows")]);
          expect(figures(fromFacts), `${JSON.stringify(scope)} ${period.from}–${period.to}`).toEqual(figures(fromRows));
        }
      }
      expect(await factsDifferingFromRows(activities.map((a) => a.id))).toEqual([]);
      // The data is messy enough to matter: people moved, and attendance is there to count.
      const plan = await countParticipation(PERIODS[0]!, { programmeId: programme }, "facts");
      expect(plan.attendances.total).toBeGreaterThan(50);
      expect(Object.keys(plan.attendances.byArea).length).toBeGreaterThan(1);
    });
  }

  it("a late move and a merge change the facts (not only the rows)", async () => {
    const [keep, remove] = people.filter((id) => id !== "");
    const session = activities[0]!.sessions[3]!;
    for (const personId of [keep!, remove!])
      await db.attendance.upsert({
        where: { sessionId_personId: { sessionId: session.id, personId } },
        create: { sessionId: session.id, personId, present: true },
        update: { present: true },
      });
    const today = (await db.person.findUniqueOrThrow({ where: { id: keep! } })).housingAreaId;
    const target = areas.find((area) => area !== today)!;
    await recordMove({ personIds: [keep!], areaId: target, from: "2025-11-01", actorUserId: staff });
    const facts = () =>
      db.reportAttendanceMonth.findMany({
        where: { activityId: activities[0]!.id, personId: { in: [keep!, remove!] } },
        orderBy: [{ personId: "asc" }, { month: "asc" }],
      });
    expect((await facts()).filter((f) => f.personId === keep).every((f) => f.housingAreaId === target)).toBe(true);
    await mergePeople({ keepId: keep!, removeId: remove!, actorUserId: staff });
    people[people.indexOf(remove!)] = "";
    const after = await facts();
    expect(after.some((f) => f.personId === remove)).toBe(false);
    expect(after.filter((f) => f.personId === keep).length).toBeGreaterThan(0);
    expect(await factsDifferingFromRows(activities.map((a) => a.id))).toEqual([]);
  });
});
