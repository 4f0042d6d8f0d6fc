// The job queue: background work on PostgreSQL (pg-boss): recurring jobs that sweep the
// database for work that is due, plus an immediate nudge after a request
// queued a message. Each job is idempotent (it acts on rows that are due,
// claiming them with SKIP LOCKED), so a missed nudge, a restart or two
// instances running the same schedule never lose or double any work.
// No in-memory timers: the schedule lives in PostgreSQL.
import PgBoss from "pg-boss";
import { env } from "./env.server.ts";
import { errorFields, log } from "./log.server.ts";

export const JOBS = {
  deliverMessages: "deliver-messages",
  expireOffers: "expire-offers",
  sendReminders: "send-reminders",
  deleteExpiredData: "delete-expired-data",
  anonymiseInactive: "anonymise-inactive",
  nightlyBackup: "nightly-backup",
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** When each job runs by itself (cron, Europe/Copenhagen). */
const SCHEDULE: Record<JobName, string> = {
  [JOBS.deliverMessages]: "* * * * *",
  [JOBS.expireOffers]: "* * * * *",
  [JOBS.sendReminders]: "*/15 * * * *",
  [JOBS.deleteExpiredData]: "17 3 * * *",
  [JOBS.anonymiseInactive]: "37 3 * * *",
  // Before the night's deletions, so the backup still holds what they remove (a mistaken deletion can be undone).
  [JOBS.nightlyBackup]: "47 2 * * *",
};

/**
 * How long one run may take before pg-boss counts it as lost (the app died
 * under it) and lets the next run of that job start: each queue runs one job
 * at a time ("stately"), so a crash would otherwise hold the job back for
 * pg-boss's default of 15 minutes. Well above a normal run; a run that
 * overlaps a slow one is harmless, since every job claims its rows (message
 * delivery by a lease longer than any batch can take, send.server.ts).
 */
const EXPIRE_SECONDS: Record<JobName, number> = {
  // A run claims for 30 s at most (send.server.ts), so a crashed one holds delivery back for well under a minute.
  [JOBS.deliverMessages]: 45,
  [JOBS.expireOffers]: 120,
  [JOBS.sendReminders]: 600,
  [JOBS.deleteExpiredData]: 1800,
  [JOBS.anonymiseInactive]: 3600,
  [JOBS.nightlyBackup]: 3600,
};

// On globalThis: server start-up and the request handlers must see the same instance.
const state = globalThis as unknown as { __jobs?: PgBoss | null; __jobsStopping?: boolean };

/** True once the process is stopping (SIGTERM): jobs take no new work and hand back what they claimed. */
export const jobsStopping = () => state.__jobsStopping === true;

export type JobHandlers = Record<JobName, () => Promise<unknown>>;

/** Starts pg-boss and the workers in this process (server start-up). */
/** `schedule: false` runs jobs only when nudged (tests that must see a nudge work); `expireInSeconds` shortens every queue's (tests of a crash). */
export async function startJobs(handlers: JobHandlers, options: { databaseUrl?: string; schedule?: boolean; expireInSeconds?: number } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl ?? env().DATABASE_URL,
    max: 3,
    application_name: "aktivitetsportalen-jobs",
    deleteAfterDays: 7,
    // Maintenance is what notices a lost run; every 10 s instead of 2 minutes.
    maintenanceIntervalSeconds: options.expireInSeconds ? 1 : 10,
  });
  boss.on("error", (error) => log("error", "jobs.error", errorFields(error)));
  state.__jobsStopping = false;
  await boss.start();
  for (const name of Object.values(JOBS)) {
    const queue = { name, policy: "stately", retryLimit: 3, retryDelay: 30, expireInSeconds: options.expireInSeconds ?? EXPIRE_SECONDS[name] } as const;
    // Settings of an existing queue are brought up to date too (an installation from before a change here).
    if (!(await boss.getQueue(name))) await boss.createQueue(name, queue);
    else await boss.updateQueue(name, queue);
    await boss.work(name, { pollingIntervalSeconds: 1 }, async () => {
      await handlers[name]();
    });
    if (options.schedule !== false) await boss.schedule(name, SCHEDULE[name], {}, { tz: "Europe/Copenhagen" });
    else await boss.unschedule(name);
  }
  state.__jobs = boss;
  return boss;
}

/**
 * Stops the workers: first tells the running jobs to take no more work (message delivery finishes the send in
 * flight and hands back the rest of its batch), then waits for them, at most 8 s — inside a container's or
 * systemd's 10 s before SIGKILL, with the HTTP server's own stop before it.
 */
export async function stopJobs(): Promise<void> {
  state.__jobsStopping = true;
  await state.__jobs?.stop({ graceful: true, wait: true, timeout: 8_000 });
  state.__jobs = null;
}

// Nudges in flight, per job. Only an optimisation: losing it loses nothing (the schedule runs anyway).
const nudging = new Map<JobName, { again: boolean }>();

/**
 * Asks for a job to run now (e.g. deliver the message just queued) instead of
 * at its next scheduled minute. A no-op where no workers run: the schedule
 * picks the work up anyway. Nudges that come while one is being sent are
 * folded into one more send after it (a sign-up rush sends a handful, not one
 * per sign-up); every nudge is still followed by a send that starts after it,
 * so the job sees what the caller committed. The caller does not wait for the
 * send: its answer is ready when its transaction commits (issue 21: during a
 * rush the folded sends ran back to back, and every sign-up's answer waited
 * for the whole run of them).
 */
export function nudge(name: JobName): Promise<void> {
  const boss = state.__jobs;
  if (!boss) return Promise.resolve();
  const running = nudging.get(name);
  if (running) {
    running.again = true;
    return Promise.resolve();
  }
  const entry = { again: false };
  void (async () => {
    try {
      do {
        entry.again = false;
        await boss.send(name, {}).catch((error: Error) => log("warn", "jobs.nudgeFailed", { job: name, ...errorFields(error) }));
      } while (entry.again);
    } finally {
      nudging.delete(name);
    }
  })();
  nudging.set(name, entry);
  return Promise.resolve();
}
