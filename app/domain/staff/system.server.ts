// The system page for staff (issue 20): what an operator — or a staff member
// asked "is the portal all right?" — checks first. Which version runs, the
// last nightly backup, the job queue, messages that did not arrive in the
// last week, and whether the database answers. Counts and times only: no
// personal data, no message text, no addresses.
import { JOBS } from "~/lib/job-queue.server.ts";
import { db } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { UNDELIVERED } from "~/lib/messages/delivery-reports.server.ts";
import { appVersion } from "~/lib/version.server.ts";

/** The window of "recent" failures on the page. */
export const SYSTEM_WINDOW_DAYS = 7;

export type BackupRunView = { startedAt: string; finishedAt: string; ok: boolean; bytes: number | null; fileName: string | null; pruned: number };
export type QueueView = { name: string; waiting: number; active: number; failed: number };

export type SystemStatus = {
  checkedAt: string;
  version: string | null;
  commit: string | null;
  databaseUp: boolean;
  backups: { enabled: boolean; keepDays: number; last: BackupRunView | null; lastSuccessful: BackupRunView | null };
  /** Null when the job queue's tables cannot be read (not started yet). */
  jobs: { queues: QueueView[]; waiting: number; active: number; failed: number } | null;
  messages: { failed: number; undelivered: number; waiting: number } | null;
};

const view = (run: { startedAt: Date; finishedAt: Date; ok: boolean; bytes: bigint | null; fileName: string | null; pruned: number }): BackupRunView => ({
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt.toISOString(),
  ok: run.ok,
  bytes: run.bytes === null ? null : Number(run.bytes),
  fileName: run.fileName,
  pruned: run.pruned,
});

async function jobCounts(since: Date): Promise<SystemStatus["jobs"]> {
  // pg-boss 10: live jobs in pgboss.job, finished ones moved to pgboss.archive after a while; "retry" waits to run again.
  const rows = await db.$queryRaw<{ name: string; waiting: number; active: number; failed: number }[]>`
    SELECT name,
           count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS waiting,
           count(*) FILTER (WHERE state = 'active')::int AS active,
           count(*) FILTER (WHERE state = 'failed' AND completed_on >= ${since})::int AS failed
      FROM (SELECT name, state::text AS state, completed_on FROM pgboss.job
            UNION ALL SELECT name, state::text, completed_on FROM pgboss.archive WHERE state = 'failed') AS jobs
     WHERE name = ANY(${Object.values(JOBS)}::text[])
     GROUP BY name`;
  const byName = new Map(rows.map((row) => [row.name, row]));
  const queues = Object.values(JOBS).map((name) => ({ name, waiting: 0, active: 0, failed: 0, ...byName.get(name) }));
  const sum = (key: "waiting" | "active" | "failed") => queues.reduce((total, queue) => total + queue[key], 0);
  return { queues, waiting: sum("waiting"), active: sum("active"), failed: sum("failed") };
}

async function messageCounts(since: Date, now: Date): Promise<SystemStatus["messages"]> {
  const [failed, undelivered, waiting] = await Promise.all([
    db.message.count({ where: { status: "FAILED", createdAt: { gte: since } } }),
    db.message.count({ where: { createdAt: { gte: since }, deliveryStatus: { in: [...UNDELIVERED] } } }),
    db.message.count({ where: { status: "QUEUED", nextAttemptAt: { lte: now } } }),
  ]);
  return { failed, undelivered, waiting };
}

/** The page's figures. Each part that cannot be read is null (the page says so) rather than failing the page. */
export async function systemStatus(now = new Date()): Promise<SystemStatus> {
  const since = new Date(now.getTime() - SYSTEM_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const { version, commit } = appVersion();
  const databaseUp = await db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  const [last, lastSuccessful, jobs, messages] = databaseUp
    ? await Promise.all([
        db.backupRun.findFirst({ orderBy: { startedAt: "desc" } }).catch(() => null),
        db.backupRun.findFirst({ where: { ok: true }, orderBy: { startedAt: "desc" } }).catch(() => null),
        jobCounts(since).catch(() => null),
        messageCounts(since, now).catch(() => null),
      ])
    : [null, null, null, null];
  return {
    checkedAt: now.toISOString(),
    version,
    commit,
    databaseUp,
    backups: {
      enabled: Boolean(env().BACKUP_DIR),
      keepDays: env().BACKUP_KEEP_DAYS,
      last: last ? view(last) : null,
      lastSuccessful: lastSuccessful ? view(lastSuccessful) : null,
    },
    jobs,
    messages,
  };
}
