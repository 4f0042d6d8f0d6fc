// `npm run restore:drill [-- <backup file or folder>] [--embedded]`: restores
// the newest backup (of BACKUP_DIR, else .data/backups where `npm run backup`
// writes) into a scratch database, prints its row counts next to the live
// database's, and drops the scratch database (server/restore-drill.ts). The
// live database is only read: DATABASE_URL, else the embedded one (the
// running `npm start`'s, or started for the drill and stopped after).
// Exit code 0 when the restore worked, 1 when it did not.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./app.ts";
import { describeSummary } from "./backup.ts";
import { databaseForTool } from "./database.ts";
import { formatCounts, restoreDrill } from "./restore-drill.ts";

const log = (line: string) => console.log(`[restore:drill] ${line}`);
const args = process.argv.slice(2);
const embedded = args.includes("--embedded");
const target = args.find((arg) => !arg.startsWith("--"));
const where = path.resolve(target ?? process.env.BACKUP_DIR ?? path.join(ROOT, ".data/backups"));
const isFile = fs.existsSync(where) && fs.statSync(where).isFile();

let stop = async () => {};
try {
  const database = await databaseForTool(log);
  stop = async () => database.embedded?.stop();
  const result = await restoreDrill({ liveUrl: database.url, ...(isFile ? { file: where } : { dir: where }), log, embedded });
  log(`Restored ${result.file} (made ${result.madeAt.toISOString()}) into a scratch database (${result.scratch}): ${describeSummary(result.summary)}`);
  for (const line of formatCounts(result.counts)) log(line);
  log("The drill worked: this backup can be restored.");
} catch (error) {
  console.error(`[restore:drill] Failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stop();
}
