// Server time of the pages families use most, on the demo data:
//   npm run bench:requests [-- --n 200]
// Starts the production build on a fresh embedded PostgreSQL (temporary
// folder, free ports), warms up, then times sequential requests from this
// process over loopback (so the figure is server time plus ~0.1 ms), and
// prints a table: median, p95, p99 per request kind.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { stopEmbeddedPostgresIn } from "../server/embedded-postgres.ts";
import { freePort } from "../server/net.ts";

const { values } = parseArgs({ options: { n: { type: "string", default: "200" } } });
const N = Number(values.n);
const root = path.resolve(import.meta.dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
fs.chmodSync(dataDir, 0o755);
const [port, pgPort] = [await freePort(), await freePort()];
const base = `http://localhost:${port}`;
const pgData = path.join(dataDir, "pg");

const server = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "server/index.ts"], {
  cwd: root,
  env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_DATA_DIR: pgData, NODE_ENV: "test", SIGNIN_LIMIT_PER_IP: "100000" },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("is ready at") && resolve());
  server.once("exit", () => reject(new Error("server exited")));
});

process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${pgPort}/aktivitetsportalen`;
process.env.NODE_ENV = "test";
const { household, activity } = await import("../tests/setup/fixtures.ts");
const { createUserSession } = await import("../app/lib/session.server.ts");
const { db } = await import("../app/lib/db.server.ts");

async function time(fn: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await fn();
  await response.arrayBuffer();
  if (response.status >= 400) throw new Error(`HTTP ${response.status}`);
  return performance.now() - started;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const results: Record<string, number[]> = {
  "GET /activities": [],
  "GET /activities?age=9&when=later": [],
  "GET /activities/sommer-sportscamp": [],
  "POST sign-up (1 child)": [],
};
for (let i = 0; i < 20; i++) await time(() => fetch(`${base}/activities`)); // warm-up
for (let i = 0; i < N; i++) {
  results["GET /activities"]!.push(await time(() => fetch(`${base}/activities`)));
  results["GET /activities?age=9&when=later"]!.push(await time(() => fetch(`${base}/activities?age=9&when=later`)));
  results["GET /activities/sommer-sportscamp"]!.push(await time(() => fetch(`${base}/activities/sommer-sportscamp`)));
}

// Sign-ups: N parents, each with a session, sign one child up for a 30-place activity.
const target = await activity({ capacity: 30, title: "Benchmark" });
const parents = await Promise.all(Array.from({ length: N }, () => household()));
const cookies = await Promise.all(parents.map(async (parent) => (await createUserSession(parent.user!.id)).split(";")[0]!));
for (const [i, parent] of parents.entries()) {
  const body = new URLSearchParams({ personId: parent.children[0]!.id, consent: "on", idempotencyKey: crypto.randomUUID() });
  results["POST sign-up (1 child)"]!.push(
    await time(() =>
      fetch(`${base}/activities/${target.slug}`, {
        method: "POST",
        body,
        redirect: "manual",
        headers: { Cookie: cookies[i]!, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      }),
    ),
  );
}
const confirmed = await db.enrolment.count({ where: { activityId: target.id, status: "CONFIRMED" } });
const waiting = await db.enrolment.count({ where: { activityId: target.id, status: "WAITING" } });

console.log(`\nServer time on the demo data (${N} sequential requests each, loopback, ${os.cpus().length} cores, Node ${process.version})\n`);
console.log("| request | median ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: |");
for (const [name, samples] of Object.entries(results)) {
  const { median, p95, p99 } = stats(samples);
  console.log(`| ${name} | ${median.toFixed(1)} | ${p95.toFixed(1)} | ${p99.toFixed(1)} |`);
}
console.log(`\nSign-up outcome: ${confirmed} confirmed, ${waiting} waiting (capacity 30).`);

await db.$disconnect();
server.kill("SIGINT");
await new Promise((resolve) => server.once("exit", resolve));
await stopEmbeddedPostgresIn(pgData);
fs.rmSync(dataDir, { recursive: true, force: true });
