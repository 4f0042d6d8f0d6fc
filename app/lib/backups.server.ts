// The nightly backup (issue 20): the background job "nightly-backup" writes
// the existing backup (server/backup.ts, the same file `npm run backup`
// writes) into BACKUP_DIR, then deletes that folder's backups older than
// BACKUP_KEEP_DAYS, and records the run in BackupRun for the system page.
// Off while BACKUP_DIR is unset. The job queue runs it once a night for the
// whole installation, however many workers or instances (pg-boss: one
// schedule in PostgreSQL, one run at a time per queue).
//
// Pruning touches only files the backup names itself
// (aktivitetsportalen-<UTC time>.jsonl.gz and a crashed run's .partial,
// server/backup-files.ts), dated by the time in that name — never anything
// else in the folder, and nothing at all after a failed run (the old backups
// are then all there is).
import fs from "node:fs";
import path from "node:path";
import { backupFileName, pruneBackups } from "../../server/backup-files.ts";
import { backupDatabase } from "../../server/backup.ts";
import { db } from "./db.server.ts";
import { env } from "./env.server.ts";
import { errorFields, log } from "./log.server.ts";

export type BackupRunResult = { skipped: true } | { skipped: false; fileName: string; bytes: number; rows: number; pruned: string[] };

/**
 * One nightly backup: the backup into `dir`, then the pruning, then a BackupRun row. A failure is recorded (and
 * logged) and then thrown, so the job counts as failed (pg-boss tries again 3 times, 30 s apart; /metrics and the
 * system page show failed jobs). Options default to the environment (BACKUP_DIR, BACKUP_KEEP_DAYS, DATABASE_URL).
 */
export async function runNightlyBackup(options: { dir?: string | null; keepDays?: number; databaseUrl?: string; now?: Date } = {}): Promise<BackupRunResult> {
  const dir = options.dir === undefined ? env().BACKUP_DIR : options.dir;
  if (!dir) return { skipped: true };
  const keepDays = options.keepDays ?? env().BACKUP_KEEP_DAYS;
  const startedAt = options.now ?? new Date();
  const fileName = backupFileName(startedAt);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const summary = await backupDatabase(options.databaseUrl ?? env().DATABASE_URL, path.join(dir, fileName));
    const pruned = pruneBackups(dir, keepDays, startedAt);
    await db.backupRun.create({
      data: { startedAt, finishedAt: new Date(), ok: true, fileName, bytes: BigInt(summary.bytes), rows: summary.rows, pruned: pruned.length },
    });
    log("info", "backup.done", { file: fileName, bytes: summary.bytes, rows: summary.rows, pruned: pruned.length, ms: summary.ms });
    return { skipped: false, fileName, bytes: summary.bytes, rows: summary.rows, pruned };
  } catch (error) {
    // The backup's own messages name tables, files and PostgreSQL error codes, never row values.
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    log("error", "backup.failed", errorFields(error));
    await db.backupRun
      .create({ data: { startedAt, finishedAt: new Date(), ok: false, error: message } })
      .catch((recordError: unknown) => log("error", "backup.recordFailed", errorFields(recordError)));
    throw new Error(`The nightly backup failed: ${message}`);
  }
}
