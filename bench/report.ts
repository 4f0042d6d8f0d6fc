// Time of the participation report on the large data set (issue 7):
//   npm run bench:report [-- --runs 10] [--scale 2|10]
// --scale: the large data set × scale (2 ≈ 1M attendances, 10 ≈ 5M; issue 21).
// Uses its own embedded PostgreSQL in .data/bench-postgres (or DATABASE_URL):
// creates the database "portal_bench", migrates, seeds the demo data and adds
// the large data set once (bench/large-data.ts, ~1 minute), then times each
// report several times after a warm-up and prints median and worst.
import { parseArgs } from "node:util";
import pg from "pg";
import os from "node:os";
import { largeDatabase, machine } from "./lib.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "10" }, scale: { type: "string", default: "1" } } });
const RUNS = Number(values.runs);
const SCALE = Number(values.scale);
if (!Number.isInteger(SCALE) || SCALE < 1) throw new Error("--scale takes a whole number ≥ 1");

const database = await largeDatabase(console.error, SCALE);
const url = database.url;
process.env.DATABASE_URL = url;
process.env.NODE_ENV ??= "test";

const { countParticipation, countJobs } = await import("../app/domain/reporting/report.server.ts");
const { listMilestones } = await import("../app/domain/reporting/milestones.server.ts");
const { PLAN_PERIOD, previousPeriod } = await import("../app/domain/reporting/period.ts");
const { db } = await import("../app/lib/db.server.ts");

const client = new pg.Client({ connectionString: url });
await client.connect();
const size = (
  await client.query(`SELECT (SELECT count(*) FROM "Person")::int AS people, (SELECT count(*) FROM "Household")::int AS households,
  (SELECT count(*) FROM "Activity")::int AS activities, (SELECT count(*) FROM "ActivitySession")::int AS sessions,
  (SELECT count(*) FROM "Attendance")::int AS attendances, (SELECT count(*) FROM "Enrolment")::int AS enrolments`)
).rows[0];
await client.end();
console.log(
  "Data:",
  size,
  `· load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ")} (at the start)`,
);

const effort = await db.effortArea.findUniqueOrThrow({ where: { code: "uddannelse" } });
const oneActivity = await db.activity.findUniqueOrThrow({ where: { slug: "bench-7" } });
// Each report from the rows (the statement before the pre-aggregation, kept as the definition) and from the facts
// (ReportAttendanceMonth, ADR 022), interleaved so both see the same load.
type Source = "rows" | "facts";
const cases: [string, (source: Source) => Promise<unknown>][] = [
  ["plan period 2025–2029, all activities", (source) => Promise.all([countParticipation(PLAN_PERIOD, {}, source), countJobs(PLAN_PERIOD)])],
  ["plan period, one effort area", (source) => countParticipation(PLAN_PERIOD, { effortAreaId: effort.id }, source)],
  ["one quarter, all activities", (source) => countParticipation(previousPeriod("quarter", "2027-05-15"), {}, source)],
  ["15 Jan–10 Apr 2027 (partial months), all activities", (source) => countParticipation({ from: "2027-01-15", to: "2027-04-10" }, {}, source)],
  ["plan period, one activity", (source) => countParticipation(PLAN_PERIOD, { activityId: oneActivity.id }, source)],
];

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const worst = (samples: number[]) => Math.max(...samples);
const rows: string[] = ["| report | rows: median / worst ms | facts: median / worst ms |", "| --- | ---: | ---: |"];
for (const [label, run] of cases) {
  await run("rows"); // warm-up
  await run("facts");
  const samples: Record<Source, number[]> = { rows: [], facts: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const source of ["rows", "facts"] as const) {
      const t0 = performance.now();
      await run(source);
      samples[source].push(performance.now() - t0);
    }
  }
  const cell = (source: Source) => `${median(samples[source]).toFixed(0)} / ${worst(samples[source]).toFixed(0)}`;
  rows.push(`| ${label} | ${cell("rows")} | ${cell("facts")} |`);
  console.error(rows.at(-1));
}
{
  await listMilestones(new Date("2027-06-01T12:00:00Z"));
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await listMilestones(new Date("2027-06-01T12:00:00Z"));
    samples.push(performance.now() - t0);
  }
  rows.push(`| milestones page (demo milestones) | — | ${median(samples).toFixed(0)} / ${worst(samples).toFixed(0)} |`);
}
console.log(
  `${new Date().toISOString()} · ${machine()} · load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ")} (at the end)`,
);
console.log(rows.join("\n"));
await db.$disconnect();
await database.stop();
