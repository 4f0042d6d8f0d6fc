// /metrics for Prometheus (text exposition format 0.0.4), written by hand:
// prom-client is not part of the offline stack (docs/deployment.md). What an
// operator watches: requests and their latency per route (ids folded into
// ":id" so the label set stays small), the outbox (messages queued, due,
// failed), pg-boss's jobs by queue and state, the last nightly backup, and this process. Answered only
// with METRICS_TOKEN as a bearer token, or without one to a client on this
// machine (req.ip: behind a trusted proxy, the visitor's address) — else 404.
// Counters are per worker process; Prometheus sums what it scrapes.
import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import pg from "pg";
import { replaceIds } from "../app/lib/ids.ts";

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** More distinct routes than this (a scan of made-up paths) are counted as "other". */
const MAX_ROUTES = 300;
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

type Histogram = { counts: number[]; sum: number; count: number };
const requests = new Map<string, number>();
const latency = new Map<string, Histogram>();
const routes = new Set<string>();

/** A path as a route label: ids, numbers and long tokens folded, unknown pages ("404") one label. */
export function routeLabel(path: string, status: number): string {
  if (status === 404) return "(not found)";
  if (path.startsWith("/build/")) return "/build/*";
  const label = replaceIds(path.replace(/\.data$/, ""), ":id")
    .replace(/\/\d+(?=\/|$|\.)/g, "/:n")
    .replace(/\/[A-Za-z0-9_-]{20,}(?=\/|$|\.)/g, "/:token");
  if (routes.has(label) || routes.size < MAX_ROUTES) {
    routes.add(label);
    return label;
  }
  return "(other)";
}

const escape = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

function record(method: string, route: string, status: number, seconds: number) {
  const key = `method="${method}",route="${escape(route)}",status="${status}"`;
  requests.set(key, (requests.get(key) ?? 0) + 1);
  const series = `method="${method}",route="${escape(route)}"`;
  const histogram = latency.get(series) ?? { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
  BUCKETS.forEach((bound, i) => {
    if (seconds <= bound) histogram.counts[i]!++;
  });
  histogram.sum += seconds;
  histogram.count++;
  latency.set(series, histogram);
}

let pool: pg.Pool | undefined;
/** One connection, opened on the first scrape and closed when idle: the app's pools stay as sized. */
/**
 * An idle connection that PostgreSQL ends (a restart, a dropped database) makes the pool emit "error": without a
 * listener that is an uncaught exception that takes the worker down. The next scrape opens a new connection.
 */
function database(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, idleTimeoutMillis: 10_000 });
    pool.on("error", () => {});
  }
  return pool;
}

async function databaseLines(): Promise<string[]> {
  const lines: string[] = [];
  try {
    const messages = await database().query<{ status: string; channel: string; n: string; due: string }>(
      `SELECT "status"::text AS status, "channel"::text AS channel, count(*)::text AS n,
              count(*) FILTER (WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= now())::text AS due
       FROM "Message" GROUP BY 1, 2`,
    );
    lines.push("# HELP portal_messages Messages in the outbox by status and channel.", "# TYPE portal_messages gauge");
    for (const row of messages.rows) lines.push(`portal_messages{status="${row.status}",channel="${row.channel}"} ${row.n}`);
    lines.push("# HELP portal_messages_due Queued messages whose time has come (the delivery backlog).", "# TYPE portal_messages_due gauge");
    lines.push(`portal_messages_due ${messages.rows.reduce((sum, row) => sum + Number(row.due), 0)}`);
    const jobs = await database()
      .query<{ name: string; state: string; n: string }>(`SELECT name, state::text AS state, count(*)::text AS n FROM pgboss.job GROUP BY 1, 2`)
      .catch(() => ({ rows: [] as { name: string; state: string; n: string }[] }));
    lines.push("# HELP portal_jobs Background jobs (pg-boss) by queue and state.", "# TYPE portal_jobs gauge");
    for (const row of jobs.rows) lines.push(`portal_jobs{queue="${escape(row.name)}",state="${row.state}"} ${row.n}`);
    const backups = await database()
      .query<{ ok: boolean; last: string }>(`SELECT ok, max(extract(epoch FROM "startedAt"))::text AS last FROM "BackupRun" GROUP BY ok`)
      .catch(() => ({ rows: [] as { ok: boolean; last: string }[] }));
    const lastBackup = (ok: boolean) => backups.rows.find((row) => row.ok === ok)?.last;
    lines.push("# HELP portal_backup_last_success_seconds When the last nightly backup that succeeded started (Unix time; 0: none).");
    lines.push("# TYPE portal_backup_last_success_seconds gauge", `portal_backup_last_success_seconds ${Math.floor(Number(lastBackup(true) ?? 0))}`);
    lines.push("# HELP portal_backup_last_failure_seconds When the last nightly backup that failed started (Unix time; 0: none).");
    lines.push("# TYPE portal_backup_last_failure_seconds gauge", `portal_backup_last_failure_seconds ${Math.floor(Number(lastBackup(false) ?? 0))}`);
    lines.push("# HELP portal_database_up Whether PostgreSQL answered this scrape.", "# TYPE portal_database_up gauge", "portal_database_up 1");
  } catch {
    lines.push("# HELP portal_database_up Whether PostgreSQL answered this scrape.", "# TYPE portal_database_up gauge", "portal_database_up 0");
  }
  return lines;
}

export async function exposition(): Promise<string> {
  const lines = ["# HELP portal_http_requests_total HTTP requests answered, by route and status.", "# TYPE portal_http_requests_total counter"];
  for (const [labels, n] of requests) lines.push(`portal_http_requests_total{${labels}} ${n}`);
  lines.push("# HELP portal_http_request_duration_seconds Time to answer, by route.", "# TYPE portal_http_request_duration_seconds histogram");
  for (const [labels, histogram] of latency) {
    BUCKETS.forEach((bound, i) => lines.push(`portal_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${histogram.counts[i]}`));
    lines.push(`portal_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${histogram.count}`);
    lines.push(`portal_http_request_duration_seconds_sum{${labels}} ${histogram.sum}`);
    lines.push(`portal_http_request_duration_seconds_count{${labels}} ${histogram.count}`);
  }
  const memory = process.memoryUsage();
  lines.push(
    "# HELP process_resident_memory_bytes Resident memory of this worker.",
    "# TYPE process_resident_memory_bytes gauge",
    `process_resident_memory_bytes ${memory.rss}`,
    "# HELP process_start_time_seconds When this worker started.",
    "# TYPE process_start_time_seconds gauge",
    `process_start_time_seconds ${Math.round(Date.now() / 1000 - process.uptime())}`,
  );
  lines.push(...(await databaseLines()));
  return `${lines.join("\n")}\n`;
}

function allowed(req: Request): boolean {
  const token = process.env.METRICS_TOKEN;
  if (token) {
    const given = Buffer.from(req.get("authorization") ?? "");
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  return LOOPBACK.has(req.ip ?? "");
}

/** Counts every request, and answers GET /metrics (only as said above). */
export function metrics() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === "/metrics" && (req.method === "GET" || req.method === "HEAD")) {
      if (!allowed(req)) return next(); // the ordinary 404 page: nothing says metrics are here
      exposition()
        .then((text) => res.status(200).set({ "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" }).send(text))
        .catch(next);
      return;
    }
    const started = process.hrtime.bigint();
    res.once("finish", () => record(req.method, routeLabel(req.path, res.statusCode), res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    next();
  };
}
