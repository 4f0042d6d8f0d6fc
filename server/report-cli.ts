// `npm run report -- --from 2026-01-01 --to 2026-03-31 [--programme Brandkadet] [--format json|csv] [--language da|en|ar]`:
// the activity report for scripts and archives, with the same figures and the same suppression as the page's
// exports (app/domain/reporting/report-script.server.ts), written to standard output. Uses DATABASE_URL if set, else
// the running portal's embedded server (as `npm run backup` does). Never migrates, never starts a server.
import { parseArgs } from "node:util";
import { EMBEDDED_DATABASE, embeddedDataDir } from "./database.ts";
import { runningEmbeddedUrl } from "./embedded-postgres.ts";

const USAGE = "Usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--programme NAME|ID] [--format json|csv] [--language da|en|ar]";

function fail(message: string): never {
  console.error(`[report] ${message}`);
  process.exit(2);
}

let values: { from?: string; to?: string; programme?: string; format?: string; language?: string };
try {
  ({ values } = parseArgs({
    options: {
      from: { type: "string" },
      to: { type: "string" },
      programme: { type: "string" },
      format: { type: "string", default: "json" },
      language: { type: "string", default: "da" },
    },
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (!values.from || !values.to) fail(USAGE);
if (values.format !== "json" && values.format !== "csv") fail(`--format must be json or csv.\n${USAGE}`);
if (!["da", "en", "ar"].includes(values.language!)) fail(`--language must be da, en or ar.\n${USAGE}`);

const url = process.env.DATABASE_URL ?? runningEmbeddedUrl(embeddedDataDir(), EMBEDDED_DATABASE);
if (!url) fail("No database: set DATABASE_URL, or start the portal (npm start) so its embedded server runs.");
process.env.DATABASE_URL = url;

const { scriptReport, ScriptReportError } = await import("../app/domain/reporting/report-script.server.ts");
const { db } = await import("../app/lib/db.server.ts");
try {
  const text = await scriptReport({
    from: values.from,
    to: values.to,
    programme: values.programme,
    format: values.format,
    language: values.language as "da" | "en" | "ar",
  });
  process.stdout.write(text);
} catch (error) {
  if (error instanceof ScriptReportError) fail(error.message);
  console.error(`[report] Failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
