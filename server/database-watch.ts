// Knows whether PostgreSQL answers, so that while it is away (a restart, a
// crash, a network cut) every page answers 503 with the translated "try again
// in a minute" page instead of each route's own failure (a 500 on a sign-up).
// A probe every 2 s on one connection of its own; a page that failed with a
// 5xx asks again at once (server/app.ts), so the first visitors after an
// outage starts get the 503 page too, not only those after the next probe.
import pg from "pg";
import { log } from "../app/lib/log.server.ts";

export type DatabaseWatch = {
  /** As of the last probe. */
  up(): boolean;
  /** Away now, or was within the last few seconds (a page that failed just as it came back failed because of it). */
  awayRecently(): boolean;
  /** Probes now (at most one probe at a time) and returns the answer. */
  check(): Promise<boolean>;
  stop(): Promise<void>;
};

export function watchDatabase(databaseUrl: string, intervalMs = 2_000): DatabaseWatch {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    connectionTimeoutMillis: 1_500,
    idleTimeoutMillis: 10_000,
    application_name: "aktivitetsportalen-watch",
  });
  pool.on("error", () => {}); // an idle connection dropped by a restarting server: the next probe says so
  let up = true;
  let lastAway = 0;
  let probing: Promise<boolean> | null = null;
  const check = () =>
    (probing ??= pool
      .query({ text: "SELECT 1", query_timeout: 1_500 } as pg.QueryConfig)
      .then(
        () => true,
        () => false,
      )
      .then((now) => {
        if (now !== up) log(now ? "info" : "warn", now ? "database.back" : "database.away", {});
        up = now;
        if (!now) lastAway = Date.now();
        probing = null;
        return now;
      }));
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return {
    up: () => up,
    awayRecently: () => !up || Date.now() - lastAway < 5_000,
    check,
    async stop() {
      clearInterval(timer);
      await pool.end().catch(() => {});
    },
  };
}
