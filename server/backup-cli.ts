// `npm run backup [-- <file>]`: writes the portal's data to a gzip'd file
// (default .data/backups/aktivitetsportalen-<UTC time>.jsonl.gz). Uses
// DATABASE_URL if set, else the embedded server: the running one of an
// `npm start`, or started for the backup and stopped after. Never migrates.
// Format and limits: server/backup.ts.
import path from "node:path";
import pg from "pg";
import { ROOT } from "./app.ts";
import { backupFileName } from "./backup-files.ts";
import { backupDatabase, describeSummary } from "./backup.ts";
import { EMBEDDED_DATABASE, embeddedDataDir } from "./database.ts";
import { runningEmbeddedUrl, startEmbeddedPostgres } from "./embedded-postgres.ts";

const log = (line: string) => console.log(`[backup] ${line}`);
const file = path.resolve(process.argv[2] ?? path.join(ROOT, ".data/backups", backupFileName(new Date())));

let url = process.env.DATABASE_URL ?? runningEmbeddedUrl(embeddedDataDir(), EMBEDDED_DATABASE);
let stop = async () => {};
try {
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), port: Number(process.env.EMBEDDED_PG_PORT ?? 5433), log });
    stop = () => embedded.stop();
    const admin = new pg.Client({ connectionString: embedded.adminUrl });
    await admin.connect();
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]).finally(() => admin.end());
    if (!rowCount) throw new Error(`There is no portal database in ${embeddedDataDir()} to back up.`);
    url = embedded.urlFor(EMBEDDED_DATABASE);
  }
  const summary = await backupDatabase(url, file);
  log(`Wrote ${file}: ${describeSummary(summary)}`);
  log("The file holds personal data: keep it as safe as the database.");
} catch (error) {
  console.error(`[backup] Failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stop();
}
