// Time of matching on the large data set (issue 17, ADR 015):
//   npm run bench:matching [-- --runs 10]
// The same database as bench:report (bench/lib.ts: the large data set, ~6,000 people). Times the look-up a form
// makes before it creates a person (a child with a birth year; an adult without one, through pg_trgm/fuzzystrmatch)
// and the staff list of possible duplicates, after a warm-up; prints median and worst.
import { parseArgs } from "node:util";
import { largeDatabase } from "./lib.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "10" } } });
const RUNS = Number(values.runs);

const database = await largeDatabase();
process.env.DATABASE_URL = database.url;
process.env.NODE_ENV ??= "test";

const { findMatches } = await import("../app/domain/register/matching.server.ts");
const { possibleDuplicates } = await import("../app/domain/register/merge.server.ts");
const { db } = await import("../app/lib/db.server.ts");

console.log("People:", await db.person.count());
const cases: [string, () => Promise<unknown>][] = [
  ["walk-in: a child with a birth year (staff)", () => findMatches({ firstName: "Bench1234", lastName: "Resident", birthYear: 2014 }, { kind: "staff" })],
  ["an adult without a birth year (pg_trgm + dmetaphone)", () => findMatches({ firstName: "Bench1233", lastName: "Resident" }, { kind: "staff" })],
  ["staff list of possible duplicates", () => possibleDuplicates()],
];
const rows: string[] = ["| matching | median ms | worst ms |", "| --- | ---: | ---: |"];
for (const [label, run] of cases) {
  await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  rows.push(`| ${label} | ${samples[Math.floor(samples.length / 2)]!.toFixed(0)} | ${samples.at(-1)!.toFixed(0)} |`);
}
console.log(rows.join("\n"));
await db.$disconnect();
await database.stop();
