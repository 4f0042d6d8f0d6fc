// `npm start`: build if needed, get the database ready (embedded PostgreSQL
// unless DATABASE_URL is set), start the dev mail catcher outside
// production, start the background jobs, and serve the portal.
// Ctrl-C / SIGTERM: finish requests in flight, stop the jobs, then the
// server and the embedded database. A second Ctrl-C stops at once.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "./app.ts";
import { createHttpServer } from "./http-server.ts";
import { BUILD_PATH, ensureBuild } from "./build.ts";
import { prepareDatabase, seedIfEmpty } from "./database.ts";
import { errorFields, log as logEvent } from "../app/lib/log.server.ts";
import { portIsFree } from "./net.ts";
import { watchDatabase } from "./database-watch.ts";

const started = performance.now();
const log = (line: string) => console.log(`[portal] ${line}`);

if (process.env.DATABASE_URL && !process.env.NODE_ENV) {
  // A real database without a stated mode is most likely a production
  // install that forgot NODE_ENV: never fall into development there.
  console.error("[portal] DATABASE_URL is set but NODE_ENV is not. Set NODE_ENV=production for a real installation (or NODE_ENV=development).");
  process.exit(1);
}
process.env.NODE_ENV ??= "development";
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const cleanups: (() => Promise<unknown>)[] = [];

async function cleanUp() {
  for (const cleanup of cleanups.splice(0)) await cleanup().catch((error: unknown) => console.error("[portal] cleanup:", error));
}

/**
 * Worker processes (node:cluster), each with the whole server: WEB_CONCURRENCY, else one per core in production
 * and one (no cluster) in development.
 */
function workerCount(value = process.env.WEB_CONCURRENCY, isProduction = production, cores = os.availableParallelism()): number {
  if (value && /^\d+$/.test(value) && Number(value) > 0) return Number(value);
  return isProduction ? cores : 1;
}

const isWorker = cluster.isWorker;

/** The database ready (embedded started, created, migrated, seeded): once, in the primary. */
async function prepare(): Promise<{ url: string }> {
  if (!(await portIsFree(port))) {
    throw new Error(`Port ${port} is already in use. Stop the program using it, or start on another port: PORT=${port + 1} npm start`);
  }
  ensureBuild(log);
  const database = await prepareDatabase(log);
  if (database.embedded) cleanups.push(() => database.embedded!.stop());

  // Demo families and accounts (an admin among them) never go into a production database unless asked for.
  const seedDemoData = process.env.SEED_DEMO_DATA ? process.env.SEED_DEMO_DATA === "1" : !production;
  if (seedDemoData) await seedIfEmpty(database.url, log);
  return { url: database.url };
}

/**
 * The primary of a cluster: prepares the database, forks the workers (they share the port: node:cluster hands
 * connections round-robin), replaces a worker that dies, restarts them one by one on SIGHUP (the new one listening
 * before the old one is told to stop), and on SIGTERM/SIGINT stops them all and then the embedded database.
 */
async function primary(count: number) {
  await prepare();
  let stopping = false;
  let respawns = 0;
  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork();
      worker.once("listening", () => resolve(worker));
      worker.once("exit", (code) => reject(new Error(`worker exited with ${code} before listening`)));
    });
  const replaced = new Set<Worker>();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping || replaced.has(worker)) return;
    log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    if (++respawns > count * 5) {
      log("workers keep exiting: stopping");
      void stopAll("workers failing", 1);
      return;
    }
    fork().catch((error: unknown) => log(`a replacement worker failed: ${String(error)}`));
  });
  const exited = (worker: Worker) => new Promise<void>((resolve) => (worker.isDead() ? resolve() : worker.once("exit", () => resolve())));
  const stopAll = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the workers …`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker));
    for (const worker of workers) worker.process.kill("SIGTERM");
    const force = setTimeout(() => workers.forEach((worker) => worker.process.kill("SIGKILL")), 9_000);
    await Promise.all(workers.map(exited));
    clearTimeout(force);
    await cleanUp();
    log("Stopped.");
    process.exit(code);
  };
  let restarting = false;
  process.on("SIGHUP", () => {
    if (restarting || stopping) return;
    restarting = true;
    void (async () => {
      log("SIGHUP: restarting the workers one by one");
      for (const old of Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker))) {
        if (stopping) break;
        await fork();
        replaced.add(old);
        old.process.kill("SIGTERM");
        await exited(old);
      }
      restarting = false;
      log("workers restarted");
    })().catch((error: unknown) => {
      restarting = false;
      log(`restart failed: ${String(error)}`);
    });
  });
  // Listening before the first fork: a stop may come while the workers are still starting (a unit stopped at once,
  // a deploy cancelled), and it must be as graceful as any other.
  process.on("SIGINT", () => void stopAll("SIGINT"));
  process.on("SIGTERM", () => void stopAll("SIGTERM"));

  // One after the other: pg-boss's start-up (queues, schedules) in two processes at once deadlocks in PostgreSQL.
  for (let i = 0; i < count && !stopping; i++) {
    try {
      await fork();
    } catch (error) {
      if (stopping) break; // told to stop while this worker was starting: stopAll takes it from here
      throw error;
    }
  }
  if (!stopping) log(`Aktivitetsportalen is ready at http://localhost:${port} (${count} workers, ${Math.round(performance.now() - started)} ms)`);
}

async function main() {
  const count = isWorker ? 1 : workerCount();
  if (!isWorker && count > 1) return primary(count);
  const database = isWorker ? { url: process.env.DATABASE_URL! } : await prepare();

  const { devOutboxEnabled, env } = await import("../app/lib/env.server.ts");
  if (devOutboxEnabled() && !process.env.SMTP_URL) {
    const { startSmtpCatcher } = await import("../app/lib/messages/smtp-catcher.server.ts");
    const { createDb } = await import("../app/lib/db-client.ts");
    const catcherDb = createDb(database.url, 2);
    const catcher = await startSmtpCatcher(catcherDb, Number(process.env.DEV_SMTP_PORT ?? 0));
    process.env.SMTP_URL = catcher.url;
    cleanups.unshift(async () => {
      await catcher.close();
      await catcherDb.$disconnect();
    });
  }
  env(); // validate the whole environment now, not on the first request

  const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  const jobs = build.entry.module as unknown as { startBackgroundJobs(): Promise<unknown>; stopJobs(): Promise<void> };
  await jobs.startBackgroundJobs();
  let jobsStopped: Promise<void> | null = null;
  const stopJobs = () => (jobsStopped ??= jobs.stopJobs());
  cleanups.unshift(stopJobs);

  const database503 = watchDatabase(database.url);
  cleanups.unshift(() => database503.stop());
  const app = createApp({ build, mode: production ? "production" : "development", database: database503 });
  const server = createHttpServer(app).listen(port);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  if (isWorker) log(`worker ${process.pid} listening`);
  else log(`Aktivitetsportalen is ready at http://localhost:${port} (${Math.round(performance.now() - started)} ms)`);
  if (!isWorker && devOutboxEnabled()) log(`Sign-in codes and e-mails: http://localhost:${port}/dev/outbox`);

  let stopping = 0;
  const stop = async (signal: string) => {
    // Ctrl-C reaches npm, tsx and this process, and tsx passes it on too: the
    // same key press arrives twice within moments. Only a later one forces.
    if (stopping && Date.now() - stopping < 2_000) return;
    if (stopping) {
      log(`${signal} again: stopping now.`);
      server.closeAllConnections();
      await cleanUp();
      process.exit(1);
    }
    stopping = Date.now();
    log(`${signal}: finishing requests and stopping …`);
    // The jobs stop alongside the requests (they take no more work at once and hand back what they claimed), so
    // that both fit in 8 s and the whole stop in a container's or systemd's 10 s before SIGKILL.
    void stopJobs();
    const force = setTimeout(() => server.closeAllConnections(), 8_000);
    // A keep-alive connection turns idle when its last request is answered: close it then, not after the client's timeout.
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    clearInterval(idle);
    await cleanUp();
    log(isWorker ? `worker ${process.pid} stopped` : "Stopped.");
    process.exit(0);
  };
  // A promise nobody awaited that fails must not take the portal down: pg-boss lets the "mark job failed" query
  // reject unawaited when the database restarts (tests/integration/database-restart.test.ts). Log it and go on;
  // what the failed work was about is retried by its job.
  process.on("unhandledRejection", (reason) => logEvent("error", "unhandledRejection", errorFields(reason)));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch(async (error: unknown) => {
  console.error(`[portal] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && !production) console.error(error.stack);
  await cleanUp();
  process.exit(1);
});
