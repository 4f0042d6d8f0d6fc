// Server time under load (issue 8, budget 3): the catalogue and the activity
// page at a steady 100 requests per second, beside a trivial route of the
// same app (/livez: a bare loader returning a constant), on the demo data or
// on the large data set.
//   npm run bench:load                       demo data, fresh database
//   npm run bench:load -- --data large       the reporting issue's large data set
//   npm run bench:load -- --rate 100 --seconds 10 --profile DIR
// One app instance (production build, NODE_ENV=production); requests come from
// this second process, open loop: each is sent at its planned time whether or
// not earlier ones have answered, and its latency counts from that planned
// time, so a slow server cannot hide by slowing the sender down. Each route
// gets 100 requests one at a time first (the "alone" column: a request's cost
// when nothing else runs), a 2-second warm-up at the rate, then the measured run.
import { parseArgs } from "node:util";
import { freshDatabase, largeDatabase, machine, percentiles, productionEnvironment, startApp, startMailSink } from "./lib.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "demo" },
    rate: { type: "string", default: "100" },
    seconds: { type: "string", default: "10" },
    profile: { type: "string" },
  },
});
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const progress = (line: string) => console.error(`[load] ${line}`);

const database = values.data === "large" ? await largeDatabase(progress) : await freshDatabase("portal_load");
const mail = await startMailSink();
const environment = productionEnvironment(database.url, mail.url);
const app = await startApp(environment, { profileDir: values.profile });
Object.assign(process.env, environment);
const { db } = await import("../app/lib/db.server.ts");
const { createUserSession } = await import("../app/lib/session.server.ts");
const { DEMO_ACCOUNTS } = await import("../prisma/seed.ts");

// A parent of the demo data (the Arabic-speaking one, two children), signed in: the activity page then also reads the household and who may join.
const parent = await db.user.findFirstOrThrow({ where: { phone: DEMO_ACCOUNTS.parentArabic.phone }, select: { id: true } });
const cookie = (await createUserSession(parent.id)).split(";")[0]!;
const activitySlug = "sommer-sportscamp";

type Target = { label: string; path: string; headers?: Record<string, string> };
const targets: Target[] = [
  { label: "trivial route GET /livez", path: "/livez" },
  { label: "catalogue GET /activities", path: "/activities" },
  { label: "catalogue, filtered GET /activities?age=9&when=later", path: "/activities?age=9&when=later" },
  { label: `activity page GET /activities/${activitySlug}`, path: `/activities/${activitySlug}` },
  { label: "activity page, parent signed in (sign-up form)", path: `/activities/${activitySlug}`, headers: { Cookie: cookie } },
];

/** Sends `count` requests at RATE per second, open loop; latencies in ms from each planned send time. */
async function run(target: Target, count: number): Promise<{ latencies: number[]; failures: number; bytes: number }> {
  const latencies: number[] = [];
  let failures = 0;
  let bytes = 0;
  const start = performance.now() + 20;
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const planned = start + (i * 1000) / RATE;
      const wait = planned - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        const response = await fetch(app.base + target.path, { headers: { "Accept-Encoding": "gzip", ...target.headers } });
        const size = (await response.arrayBuffer()).byteLength; // (not `bytes += await …`: that reads `bytes` before waiting)
        bytes += size;
        if (response.status !== 200) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - planned);
    }),
  );
  return { latencies, failures, bytes: bytes / count };
}

/** One request at a time: what a request costs when nothing else runs (≈ its CPU time). */
async function sequential(target: Target, count: number): Promise<number> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(app.base + target.path, { headers: { "Accept-Encoding": "gzip", ...target.headers } });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  return percentiles(latencies)(0.5);
}

const rows: { label: string; alone: number; median: number; p95: number; p99: number; max: number; failures: number; kb: number }[] = [];
for (const target of targets) {
  progress(target.label);
  const alone = await sequential(target, 100);
  await run(target, RATE * 2);
  const { latencies, failures, bytes } = await run(target, RATE * SECONDS);
  const at = percentiles(latencies);
  rows.push({ label: target.label, alone, median: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), failures, kb: bytes / 1024 });
}

const size = await db.$queryRaw<{ activities: number; sessions: number; people: number }[]>`
  SELECT (SELECT count(*) FROM "Activity" WHERE "status" = 'PUBLISHED')::int AS "activities", (SELECT count(*) FROM "ActivitySession")::int AS "sessions",
    (SELECT count(*) FROM "Person")::int AS "people"`;
const trivial = rows[0]!;
console.log(
  `\nLoad: ${RATE} requests/s for ${SECONDS} s per route (open loop), ${values.data} data (${size[0]!.activities} published activities, ` +
    `${size[0]!.sessions} sessions, ${size[0]!.people} people), one instance, ${machine()}\n`,
);
console.log("| route | alone, median ms | median ms | p95 ms | p99 ms | max ms | × trivial (median) | × trivial (p99) | page KB | errors |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of rows) {
  const f = (value: number) => value.toFixed(1);
  console.log(
    `| ${row.label} | ${f(row.alone)} | ${f(row.median)} | ${f(row.p95)} | ${f(row.p99)} | ${f(row.max)} | ${f(row.median / trivial.median)} | ${f(row.p99 / trivial.p99)} | ` +
      `${f(row.kb)} | ${row.failures} |`,
  );
}
const pages = rows.slice(1);
const met = pages.every((row) => row.median < 15 && row.p99 < 50 && row.failures === 0);
console.log(`\nBudget (median < 15 ms, p99 < 50 ms, no errors, on every page): ${met ? "met" : "**not met**"}`);

await db.$disconnect();
await app.stop();
await mail.close();
await database.stop();
process.exit(0);
