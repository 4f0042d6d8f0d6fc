// The names of backup files, and the folder of nightly backups: which files a
// backup made (aktivitetsportalen-<UTC time>.jsonl.gz, the name `npm run
// backup` and the nightly job give), the newest, and pruning by the time in
// the name. Plain file work, shared by the job (app/lib/backups.server.ts),
// `npm run backup` and the restore drill.
import fs from "node:fs";
import path from "node:path";

const PREFIX = "aktivitetsportalen-";
/** A backup's file name: its creation time (UTC, ISO without colons or fractions), optionally a crashed run's ".partial". */
const BACKUP_NAME = /^aktivitetsportalen-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z\.jsonl\.gz(\.partial)?$/;

/** The file name of a backup made at `at`: the one `npm run backup` gives too. */
export function backupFileName(at: Date): string {
  return `${PREFIX}${at
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "")}.jsonl.gz`;
}

/** When the backup of this file name was made, or null for a name the backup does not give (not ours: never touched). */
export function backupTime(name: string): { at: Date; partial: boolean } | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const at = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  return Number.isNaN(at.getTime()) ? null : { at, partial: Boolean(match[5]) };
}

/** The complete backups in a folder, newest first. */
export function listBackups(dir: string): { name: string; file: string; at: Date }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const time = backupTime(entry.name);
      return time && !time.partial ? [{ name: entry.name, file: path.join(dir, entry.name), at: time.at }] : [];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Deletes the backups (and crashed runs' leftovers) in `dir` made more than `keepDays` days before `now`; returns their names. */
export function pruneBackups(dir: string, keepDays: number, now: Date): string[] {
  const limit = now.getTime() - keepDays * 24 * 60 * 60 * 1000;
  const deleted: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const time = entry.isFile() ? backupTime(entry.name) : null;
    if (!time || time.at.getTime() >= limit) continue;
    fs.rmSync(path.join(dir, entry.name), { force: true });
    deleted.push(entry.name);
  }
  return deleted.sort();
}
