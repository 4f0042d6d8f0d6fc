// The nightly backup (issue 20): the job writes a backup of the database into
// BACKUP_DIR, deletes that folder's own backups older than BACKUP_KEEP_DAYS —
// never a file the backup did not name, nor anything after a failed run — and
// records each run for the system page. Scheduled once a night, Copenhagen
// time, on the shared job queue.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it, vi } from "vitest";

const dir = vi.hoisted(() => {
  // Read by the job handler through env(): set before the app's modules load.
  const made = `${process.env.TMPDIR ?? "/tmp"}/portal-nightly-${Math.random().toString(36).slice(2)}`;
  process.env.BACKUP_DIR = made;
  process.env.BACKUP_KEEP_DAYS = "14";
  return made;
});

const { JOB_HANDLERS } = await import("../../app/job-handlers.server.ts");
const { runNightlyBackup } = await import("../../app/lib/backups.server.ts");
const { backupFileName, listBackups } = await import("../../server/backup-files.ts");
const { db } = await import("../../app/lib/db.server.ts");
const { JOBS, startJobs, stopJobs } = await import("../../app/lib/job-queue.server.ts");

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-12-07T01:47:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.BACKUP_DIR;
  delete process.env.BACKUP_KEEP_DAYS;
});

function put(name: string, content = "x") {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), content);
  // An old modification time on every file: the age that counts is the one in a backup's name.
  const old = daysAgo(400);
  fs.utimesSync(path.join(dir, name), old, old);
}

const names = () => fs.readdirSync(dir).sort();

describe("the nightly backup", () => {
  it("writes a backup into BACKUP_DIR, prunes the backups older than BACKUP_KEEP_DAYS, keeps everything else, and records the run", async () => {
    const old = backupFileName(daysAgo(20));
    const oldPartial = `${backupFileName(daysAgo(15))}.partial`;
    const recent = backupFileName(daysAgo(13));
    const foreign = [
      "README.txt",
      "aktivitetsportalen-manual.jsonl.gz",
      "other-2020-01-01T000000Z.jsonl.gz",
      `${backupFileName(daysAgo(30))}.bak`,
      `copy-${backupFileName(daysAgo(30))}`,
    ];
    for (const name of [old, oldPartial, recent, ...foreign]) put(name);
    fs.mkdirSync(path.join(dir, backupFileName(daysAgo(40)))); // a folder with a backup's name: not a file of ours

    const result = await runNightlyBackup({ dir, keepDays: 14, now });
    expect(result).toMatchObject({ skipped: false, fileName: backupFileName(now), pruned: [old, oldPartial].sort() });
    expect(names()).toEqual([backupFileName(daysAgo(40)), backupFileName(now), recent, ...foreign].sort());

    // The new file is a real backup of this database.
    const written = path.join(dir, backupFileName(now));
    const header = JSON.parse(zlib.gunzipSync(fs.readFileSync(written)).toString("utf8").split("\n")[0]!) as { format: string; migrations: string[] };
    expect(header.format).toBe("aktivitetsportalen-backup");
    expect(header.migrations.length).toBeGreaterThan(0);
    expect(listBackups(dir)[0]!.name).toBe(backupFileName(now));

    const run = await db.backupRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    expect(run).toMatchObject({ ok: true, fileName: backupFileName(now), pruned: 2, error: null });
    expect(Number(run.bytes)).toBe(fs.statSync(written).size);
    expect(run.startedAt.toISOString()).toBe(now.toISOString());
  });

  it("after a failed backup it deletes nothing and records the failure", async () => {
    const old = backupFileName(daysAgo(60));
    put(old);
    const before = names();
    const broken = new URL(process.env.DATABASE_URL!);
    broken.pathname = "/no_such_database_for_the_backup";
    // Thrown, so that the job counts as failed (and is tried again).
    await expect(runNightlyBackup({ dir, keepDays: 14, now: daysAgo(-1), databaseUrl: broken.toString() })).rejects.toThrow(
      /The nightly backup failed: .*no_such_database_for_the_backup/,
    );
    expect(names()).toEqual(before);
    const run = await db.backupRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    expect(run).toMatchObject({ ok: false, fileName: null, bytes: null });
    expect(run.error).toMatch(/no_such_database_for_the_backup/);
    fs.rmSync(path.join(dir, old));
  });

  it("shows the last good and the last failed backup on /metrics", async () => {
    const { exposition } = await import("../../server/metrics.ts");
    const text = await exposition();
    // The first test's run succeeded at `now`, the second's failed a day later.
    expect(text).toMatch(new RegExp(`^portal_backup_last_success_seconds ${Math.floor(now.getTime() / 1000)}$`, "m"));
    expect(text).toMatch(new RegExp(`^portal_backup_last_failure_seconds ${Math.floor(daysAgo(-1).getTime() / 1000)}$`, "m"));
  });

  it("does nothing while BACKUP_DIR is unset", async () => {
    const runs = await db.backupRun.count();
    expect(await runNightlyBackup({ dir: null })).toEqual({ skipped: true });
    expect(await db.backupRun.count()).toBe(runs);
  });

  it("runs on the job queue, scheduled once a night in Copenhagen time, into BACKUP_DIR", async () => {
    const boss = await startJobs(JOB_HANDLERS);
    try {
      const [schedule] = await db.$queryRaw<{ cron: string; timezone: string }[]>`
        SELECT cron, timezone FROM pgboss.schedule WHERE name = ${JOBS.nightlyBackup}`;
      expect(schedule).toEqual({ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/), timezone: "Europe/Copenhagen" });

      const before = listBackups(dir).length;
      const runs = await db.backupRun.count({ where: { ok: true } });
      await boss.send(JOBS.nightlyBackup, {});
      await expect.poll(() => db.backupRun.count({ where: { ok: true } }), { timeout: 15_000, interval: 200 }).toBe(runs + 1);
      expect(listBackups(dir).length).toBe(before + 1);
    } finally {
      await stopJobs();
    }
  });
});
