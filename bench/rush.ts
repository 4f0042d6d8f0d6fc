// The sign-up rush (issue 8, budgets 4 and 6): 500 signed-in parents each
// submit the sign-up for one child twice (a double tap, same form) within
// 10 seconds — 1,000 requests — for an activity with 30 places, against the
// production build (NODE_ENV=production) on real PostgreSQL, from this second process.
//   npm run bench:rush                   one app instance
//   npm run bench:rush -- --instances 2  two instances on one database, requests alternating
// Prints throughput and latency, and checks the invariants: exactly 500
// enrolments, 30 confirmed (the first 30 to arrive), 470 waiting in arrival
// order, no 5xx. Exits 1 when an invariant fails.
import os from "node:os";
import { parseArgs } from "node:util";
import { freshDatabase, productionEnvironment, startApp, startMailSink } from "./lib.ts";

const { values } = parseArgs({
  options: {
    instances: { type: "string", default: "1" },
    parents: { type: "string", default: "500" },
    seconds: { type: "string", default: "10" },
    /** Places of the activity (issue 21's rush: --parents 300 --seconds 2 --capacity 25). */
    capacity: { type: "string", default: "30" },
    /** A folder: each app instance writes a V8 CPU profile there when it stops (open in Chrome's DevTools). */
    profile: { type: "string" },
  },
});
const INSTANCES = Number(values.instances);
const PARENTS = Number(values.parents);
const SPREAD_MS = Number(values.seconds) * 1000;
const CAPACITY = Number(values.capacity);

const database = await freshDatabase("portal_rush");
const mail = await startMailSink();
const environment = productionEnvironment(database.url, mail.url);
// One after the other: the first migrates and seeds, the others find the database ready.
const instances = [];
for (let i = 0; i < INSTANCES; i++) instances.push(await startApp(environment, { profileDir: values.profile }));
Object.assign(process.env, environment);
const { household, activity } = await import("../tests/setup/fixtures.ts");
const { createUserSession } = await import("../app/lib/session.server.ts");
const { db } = await import("../app/lib/db.server.ts");

const progress = (line: string) => console.error(`[rush] ${line}`);
progress(`${instances.length} instance(s) ready; creating ${PARENTS} parents`);
const target = await activity({ capacity: CAPACITY, title: "Sommercamp – rush" });
const parents: Awaited<ReturnType<typeof household>>[] = [];
for (let i = 0; i < PARENTS; i += 25) parents.push(...(await Promise.all(Array.from({ length: Math.min(25, PARENTS - i) }, () => household()))));
const cookies = await Promise.all(parents.map(async (parent) => (await createUserSession(parent.user!.id)).split(";")[0]!));
progress("parents and sessions ready; warming up");
// Warm each instance up (compile paths, fill pools) with reads of the page.
for (const instance of instances) for (let i = 0; i < 20; i++) await (await fetch(`${instance.base}/activities/${target.slug}`)).arrayBuffer();

progress("sending");
type Result = { parent: number; status: number; ms: number; sentAt: number };
const results: Result[] = [];
let request = 0;
const startedAt = performance.now();
const sends: Promise<void>[] = [];
for (const [i, parent] of parents.entries()) {
  const body = new URLSearchParams({ personId: parent.children[0]!.id, consent: "on", idempotencyKey: crypto.randomUUID() }).toString();
  // The second tap 60 ms after the first, to the other instance when there are two.
  for (const delay of [0, 60]) {
    const instance = instances[request++ % instances.length]!;
    const due = (i * SPREAD_MS) / PARENTS + delay;
    sends.push(
      new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, due - (performance.now() - startedAt)))).then(async () => {
        const sentAt = performance.now();
        try {
          const response = await fetch(`${instance.base}/activities/${target.slug}`, {
            method: "POST",
            body,
            redirect: "manual",
            headers: { Cookie: cookies[i]!, Origin: instance.base, "Content-Type": "application/x-www-form-urlencoded" },
          });
          await response.arrayBuffer();
          results.push({ parent: i, status: response.status, ms: performance.now() - sentAt, sentAt });
        } catch {
          results.push({ parent: i, status: 0, ms: performance.now() - sentAt, sentAt });
        }
      }),
    );
  }
}
await Promise.all(sends);
const elapsed = (performance.now() - startedAt) / 1000;

const sorted = results.map((result) => result.ms).sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const statuses = Object.entries(
  results.reduce<Record<number, number>>((counts, result) => ({ ...counts, [result.status]: (counts[result.status] ?? 0) + 1 }), {}),
);
const enrolments = await db.enrolment.findMany({
  where: { activityId: target.id },
  select: { status: true, signUp: { select: { seq: true } } },
  orderBy: { signUp: { seq: "asc" } },
});
const confirmedSeqs = enrolments.filter((row) => row.status === "CONFIRMED").map((row) => String(row.signUp.seq));
const firstThirty = enrolments.slice(0, CAPACITY).map((row) => String(row.signUp.seq));
const checks: [string, boolean][] = [
  [`${PARENTS} enrolments (one per parent, double taps merged)`, enrolments.length === PARENTS],
  [`${CAPACITY} confirmed`, confirmedSeqs.length === CAPACITY],
  [`${PARENTS - CAPACITY} waiting`, enrolments.filter((row) => row.status === "WAITING").length === PARENTS - CAPACITY],
  ["the confirmed are the first to arrive", JSON.stringify(confirmedSeqs) === JSON.stringify(firstThirty)],
  ["no 5xx and no failed connection", results.every((result) => result.status > 0 && result.status < 500)],
];

console.log(
  `\nSign-up rush: ${PARENTS} parents × 2 taps = ${results.length} requests over ${SPREAD_MS / 1000} s, ${INSTANCES} instance(s), ${os.cpus().length} cores, Node ${process.version}\n`,
);
console.log("| measure | value |\n| --- | ---: |");
console.log(`| wall time, first send to last answer | ${elapsed.toFixed(1)} s |`);
console.log(`| sign-ups per second (distinct parents / wall time) | ${(PARENTS / elapsed).toFixed(1)} |`);
console.log(`| p50 / p95 / p99 latency | ${at(0.5).toFixed(0)} / ${at(0.95).toFixed(0)} / ${at(0.99).toFixed(0)} ms |`);
console.log(`| max latency | ${sorted.at(-1)!.toFixed(0)} ms |`);
console.log(`| HTTP statuses | ${statuses.map(([status, count]) => `${status}: ${count}`).join(", ")} |`);
console.log("\n| invariant | holds |\n| --- | --- |");
for (const [label, ok] of checks) console.log(`| ${label} | ${ok ? "yes" : "**NO**"} |`);

await db.$disconnect();
await Promise.all(instances.map((instance) => instance.stop()));
await mail.close();
await database.stop();
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
