// `npm run restore -- <file>`: brings a backup of `npm run backup` back into
// an empty database (DATABASE_URL, else the embedded one: the running
// `npm start`'s, or started for the restore and stopped after). Migrates it
// first; refuses a database with rows in it, or a backup of another schema
// version. For the embedded server: stop `npm start`, move .data/postgres
// aside (or set EMBEDDED_PG_DATA_DIR to a new folder), restore, then start.
import path from "node:path";
import { describeSummary, restoreDatabase } from "./backup.ts";
import { databaseForTool } from "./database.ts";

const log = (line: string) => console.log(`[restore] ${line}`);
if (!process.argv[2]) {
  console.error("Usage: npm run restore -- <backup file>");
  process.exit(2);
}
const file = path.resolve(process.argv[2]);

const database = await databaseForTool(log).catch((error: unknown) => {
  console.error(`[restore] Failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
try {
  const summary = await restoreDatabase(database.url, file);
  log(`Restored ${file}: ${describeSummary(summary)}`);
} catch (error) {
  console.error(`[restore] Failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}
