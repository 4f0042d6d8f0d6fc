// What the benchmarks share: a database (a fresh one, or the large data set),
// app instances of the production build in production mode started as
// separate processes, a mail sink, and percentiles.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import postgres from "pg";
import { ensureDatabaseExists, ensureDatabaseOf } from "../server/database.ts";
import { startEmbeddedPostgres } from "../server/embedded-postgres.ts";
import { migrate } from "../server/migrate.ts";
import { freePort } from "../server/net.ts";
import { addLargeDataSet } from "./large-data.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");

export type BenchDatabase = { url: string; stop(): Promise<void> };

/**
 * An empty database (the first app instance migrates and seeds it): on the server of DATABASE_URL when set (a
 * separately run PostgreSQL, e.g. Debian's: the database is dropped and made anew, so the role needs CREATEDB),
 * else on a fresh embedded PostgreSQL in a temporary folder.
 */
export async function freshDatabase(name: string): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    const admin = new postgres.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url.pathname = `/${name}`;
    return { url: url.toString(), stop: async () => {} };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${name}-`));
  fs.chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: await freePort() });
  await ensureDatabaseExists(pg.adminUrl, name);
  return {
    url: pg.urlFor(name),
    async stop() {
      await pg.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The large data set of the reporting issue (bench/large-data.ts) on top of
 * the demo data, in the database "portal_bench": of DATABASE_URL's server,
 * or of an embedded server kept in .data/bench-postgres (made once, ~25 s).
 * At a scale other than 1 the database is "portal_bench_x<scale>" (on the
 * embedded server; with DATABASE_URL, that URL's database as given).
 */
export async function largeDatabase(log: (line: string) => void = console.error, scale = 1): Promise<BenchDatabase> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const name = scale === 1 ? "portal_bench" : `portal_bench_x${scale}`;
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data/bench-postgres"), port: await freePort() });
    await ensureDatabaseExists(embedded.adminUrl, name);
    url = embedded.urlFor(name);
    stop = () => embedded.stop();
  } else {
    await ensureDatabaseOf(url, log);
  }
  await migrate(url);
  const { createDb } = await import("../app/lib/db-client.ts");
  const seeding = createDb(url, 2);
  if ((await seeding.housingArea.count()) === 0) {
    const { seedDemoData } = await import("../prisma/seed.ts");
    await seedDemoData(seeding);
  }
  await seeding.$disconnect();
  const started = performance.now();
  if (await addLargeDataSet(url, log, scale)) log(`large data set added in ${Math.round((performance.now() - started) / 1000)} s`);
  return { url, stop };
}

/** An SMTP server that accepts every e-mail and keeps none (production mode needs somewhere to send). */
export async function startMailSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => callback());
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The environment of a production installation (NODE_ENV=production: React's
 * production build, Remix in production mode) pointed at the bench's
 * database and mail sink. Set in this process too before importing app
 * modules, so that sessions made here have the production cookie name.
 */
export function productionEnvironment(databaseUrl: string, smtpUrl: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    SMS_GATEWAY_URL: "http://127.0.0.1:9/sms",
    APP_URL: "http://localhost", // each instance gets its own address (startApp)
    SESSION_SECRET: randomBytes(32).toString("hex"),
    CONTACT_PHONE: "+45 00 00 00 00",
    SIGNIN_LIMIT_PER_IP: "100000",
    SEED_DEMO_DATA: "1", // the benchmarks measure the demo data (production seeds nothing by itself)
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "1", // one process per instance unless asked (production's default: one per core)
  };
}

export type AppInstance = { base: string; process: ChildProcess; stop(): Promise<void> };

/** Starts `server/index.ts` (the production build, which `npm start` makes) as its own process and waits until it serves. */
export async function startApp(environment: Record<string, string>, options: { profileDir?: string; quiet?: boolean } = {}): Promise<AppInstance> {
  const port = await freePort();
  const profiling = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.profileDir)}`] : [];
  const child = spawn(process.execPath, [...profiling, "--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    // Its own address: the cross-site check compares a form's Origin with APP_URL.
    env: { ...process.env, ...environment, PORT: String(port), APP_URL: `http://localhost:${port}` },
    // quiet: the app's error log stays out of the output (a test that provokes errors on purpose).
    stdio: ["ignore", "pipe", options.quiet ? "ignore" : "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("is ready at") && resolve());
    child.once("exit", () => reject(new Error("an app instance exited")));
  });
  return {
    base: `http://localhost:${port}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGINT");
      }),
  };
}

/** The q-quantile (0..1) of samples, nearest rank. */
export function percentiles(samples: number[]): (q: number) => number {
  const sorted = [...samples].sort((a, b) => a - b);
  return (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export const machine = () => `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
