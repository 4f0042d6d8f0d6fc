// Page budgets as ratios (issue 21): each page of the table costs at most so many times the trivial route
// (/livez: a bare loader through the same Express + Remix stack), measured in the same run, so the figure means
// the same on a busy shared machine as on an idle one. Exits 1 when a page's ratio exceeds its budget by more than
// the margin (default 1.5×): a wide net for regressions, not a stopwatch.
//   npm run bench:budget                       demo data and a 50-person roster, fresh database
//   npm run bench:budget -- --data large       the reporting issue's large data set (216 activities)
//   npm run bench:budget -- --rounds 7 --requests 30 --margin 1.5
// How: the production build (NODE_ENV=production) as its own process; after a warm-up, `rounds` rounds, each
// asking every route `requests` times one at a time (gzip, as a browser) with /livez measured in the same round;
// a round's ratio is the page's median ÷ /livez's median, and the result is the median of the rounds' ratios —
// load that comes and goes between rounds moves both sides of a ratio or drops out in the median.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import { freshDatabase, largeDatabase, machine, percentiles, productionEnvironment, startApp, startMailSink } from "./lib.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "demo" },
    rounds: { type: "string", default: "7" },
    requests: { type: "string", default: "30" },
    margin: { type: "string", default: "1.5" },
  },
});
const ROUNDS = Number(values.rounds);
const REQUESTS = Number(values.requests);
const MARGIN = Number(values.margin);
const progress = (line: string) => console.error(`[budget] ${line}`);

const database = values.data === "large" ? await largeDatabase(progress) : await freshDatabase("portal_budget");
const mail = await startMailSink();
const environment = productionEnvironment(database.url, mail.url);
const app = await startApp(environment);
Object.assign(process.env, environment);
const { db } = await import("../app/lib/db.server.ts");
const { createUserSession } = await import("../app/lib/session.server.ts");
const { DEMO_ACCOUNTS } = await import("../prisma/seed.ts");
const fixtures = await import("../tests/setup/fixtures.ts");

const sessionOf = async (where: { phone: string } | { email: string }) => {
  const user = await db.user.findFirstOrThrow({ where, select: { id: true } });
  return (await createUserSession(user.id)).split(";")[0]!;
};
const parent = await sessionOf({ phone: DEMO_ACCOUNTS.parentArabic.phone });
const staff = await sessionOf({ email: DEMO_ACCOUNTS.staff.email });

// The staff roster of a 50-person activity: made once per database (the large data set is kept between runs).
const ROSTER_TITLE = "Bench: roster of 50";
let roster = await db.activity.findFirst({ where: { title: { path: ["da"], equals: ROSTER_TITLE } }, select: { id: true } });
if (!roster) {
  progress("making a 50-person activity");
  const made = await fixtures.activity({ capacity: 50, title: ROSTER_TITLE });
  for (let i = 0; i < 50; i += 10) {
    await Promise.all(Array.from({ length: 10 }, async () => fixtures.signUpFamily(made.id, await fixtures.household())));
  }
  roster = { id: made.id };
}
const activitySlug = "sommer-sportscamp";

type Target = { label: string; path: string; cookie?: string; budget: number };
const trivial: Target = { label: "trivial route /livez", path: "/livez", budget: 1 };
const targets: Target[] = [
  { label: "catalogue /activities", path: "/activities", budget: 3 },
  { label: "activity page, anonymous", path: `/activities/${activitySlug}`, budget: 3 },
  { label: "activity page, parent signed in", path: `/activities/${activitySlug}`, cookie: parent, budget: 3 },
  { label: "/my (parent)", path: "/my", cookie: parent, budget: 3 },
  { label: "staff roster, 50 people", path: `/staff/activities/${roster.id}`, cookie: staff, budget: 4 },
];

async function once(target: Target): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(app.base + target.path, { headers: { "Accept-Encoding": "gzip", ...(target.cookie ? { Cookie: target.cookie } : {}) } });
  const bytes = (await response.arrayBuffer()).byteLength;
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
  return { ms, bytes };
}

/** The app process's CPU time so far, ms (Linux: /proc; 10 ms ticks, so only sums over many requests mean much). */
function cpuMs(): number {
  const fields = fs.readFileSync(`/proc/${app.process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
}
const cpu = new Map<Target, { ms: number; requests: number }>();

async function median(target: Target): Promise<number> {
  const samples: number[] = [];
  const cpuBefore = cpuMs();
  for (let i = 0; i < REQUESTS; i++) samples.push((await once(target)).ms);
  const used = cpu.get(target) ?? { ms: 0, requests: 0 };
  cpu.set(target, { ms: used.ms + cpuMs() - cpuBefore, requests: used.requests + REQUESTS });
  return percentiles(samples)(0.5);
}
const cpuPerRequest = (target: Target) => cpu.get(target)!.ms / cpu.get(target)!.requests;

/** The page as sent: gzip bytes on the wire (fetch would unpack them) and how many pieces they came in. */
function onTheWire(target: Target): Promise<{ bytes: number; chunks: number }> {
  return new Promise((resolve, reject) => {
    const headers = { "Accept-Encoding": "gzip", ...(target.cookie ? { Cookie: target.cookie } : {}) };
    http
      .get(app.base + target.path, { headers }, (response) => {
        let bytes = 0;
        let chunks = 0;
        response.on("data", (chunk: Buffer) => ((bytes += chunk.length), chunks++));
        response.on("end", () => resolve({ bytes, chunks }));
      })
      .on("error", reject);
  });
}

progress("warming up");
const weight = new Map<Target, number>();
for (const target of [trivial, ...targets]) for (let i = 0; i < 20; i++) weight.set(target, (await once(target)).bytes);
const wire = new Map<Target, { bytes: number; chunks: number }>();
for (const target of targets) wire.set(target, await onTheWire(target));

const loadBefore = os.loadavg();
const ratios = new Map<Target, number[]>(targets.map((target) => [target, []]));
const trivialMs: number[] = [];
const pageMs = new Map<Target, number[]>(targets.map((target) => [target, []]));
for (let round = 0; round < ROUNDS; round++) {
  progress(`round ${round + 1} of ${ROUNDS} (load ${os.loadavg()[0]!.toFixed(1)})`);
  for (const target of targets) {
    // The trivial route right before each page: both halves of a ratio see the same load.
    const floor = await median(trivial);
    const page = await median(target);
    trivialMs.push(floor);
    pageMs.get(target)!.push(page);
    ratios.get(target)!.push(page / floor);
  }
}
const loadAfter = os.loadavg();

const mid = (samples: number[]) => percentiles(samples)(0.5);
console.log(
  `\nPage budgets (× /livez): ${values.data} data, ${ROUNDS} rounds × ${REQUESTS} sequential requests, median of the rounds' ratios; ` +
    `${machine()}; load average ${loadBefore.map((x) => x.toFixed(1)).join(" ")} → ${loadAfter.map((x) => x.toFixed(1)).join(" ")}; ${new Date().toISOString()}\n`,
);
console.log(
  "| route | median ms | × /livez | rounds' ratios (min–max) | budget | fails above | app CPU ms | CPU × /livez | HTML KB | gzip KB (pieces) | result |",
);
console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
console.log(`| ${trivial.label} | ${mid(trivialMs).toFixed(1)} | 1.0 | | | | ${cpuPerRequest(trivial).toFixed(1)} | 1.0 | | | |`);
let failed = 0;
for (const target of targets) {
  const ratio = mid(ratios.get(target)!);
  const sorted = [...ratios.get(target)!].sort((a, b) => a - b);
  const limit = target.budget * MARGIN;
  const verdict = ratio > limit ? "**FAIL**" : ratio > target.budget ? "over budget, within margin" : "within budget";
  if (ratio > limit) failed++;
  console.log(
    `| ${target.label} | ${mid(pageMs.get(target)!).toFixed(1)} | ${ratio.toFixed(1)} | ${sorted[0]!.toFixed(1)}–${sorted.at(-1)!.toFixed(1)} | ≤ ${target.budget} | ${limit.toFixed(1)} | ` +
      `${cpuPerRequest(target).toFixed(1)} | ${(cpuPerRequest(target) / cpuPerRequest(trivial)).toFixed(1)} | ` +
      `${((weight.get(target) ?? 0) / 1024).toFixed(1)} | ${(wire.get(target)!.bytes / 1024).toFixed(1)} (${wire.get(target)!.chunks}) | ${verdict} |`,
  );
}
console.log(failed ? `\n${failed} page(s) over budget by more than ${MARGIN}×` : `\nEvery page within ${MARGIN}× its budget`);

await db.$disconnect();
await app.stop();
await mail.close();
await database.stop();
process.exit(failed ? 1 : 0);
