// `npm run import -- FILE [--dry-run] [--mapping map.json] [--kind people|participation] [--activity <slug>]`
// Brings a spreadsheet (xlsx or CSV) into the portal's database — the running
// `npm start`'s embedded server, or DATABASE_URL — through the same domain call
// as the staff page (app/domain/register/import), and prints a JSON summary:
// created, matched, skipped, and the refused rows with their row numbers.
// Columns are recognised by their headings, or named in a mapping file
// ({"kind"?, "activity"?, "columns": {"<heading>": "<field>" | null}}).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { mappingFileSchema, IMPORT_KINDS, type ImportKind, type MappingFile } from "../app/domain/register/import/columns.ts";
import { databaseForTool } from "./database.ts";

const USAGE = "Usage: npm run import -- FILE [--dry-run] [--mapping map.json] [--kind people|participation] [--activity <activity slug>]";

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "dry-run": { type: "boolean", default: false }, mapping: { type: "string" }, kind: { type: "string" }, activity: { type: "string" } },
});
if (positionals.length !== 1) fail(USAGE);
const file = path.resolve(positionals[0]!);
if (!fs.existsSync(file)) fail(`No such file: ${file}`);

let mappingFile: MappingFile | null = null;
if (values.mapping) {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(values.mapping, "utf8"));
  } catch {
    fail(`The mapping file is not JSON: ${values.mapping}`);
  }
  const parsed = mappingFileSchema.safeParse(json);
  if (!parsed.success) fail(`The mapping file is not a mapping (${parsed.error.issues.map((issue) => issue.path.join(".")).join(", ")}). ${USAGE}`);
  mappingFile = parsed.data;
}
const kind = (values.kind ?? mappingFile?.kind ?? "people") as ImportKind;
if (!IMPORT_KINDS.includes(kind)) fail(USAGE);
const slug = values.activity ?? mappingFile?.activity ?? null;
if (kind === "participation" && !slug) fail(`Past participation is imported for one activity: --activity <slug>. ${USAGE}`);

const database = await databaseForTool((line) => console.error(`[import] ${line}`)).catch((error: unknown) =>
  fail(`[import] Cannot reach the database: ${error instanceof Error ? error.message : String(error)}`, 1),
);
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_SIZE ??= "2";
// The domain modules read DATABASE_URL when first loaded.
const { db } = await import("../app/lib/db.server.ts");
const { importSpreadsheet, ImportError } = await import("../app/domain/register/import/import.server.ts");
try {
  const activity = slug ? await db.activity.findUnique({ where: { slug }, select: { id: true } }) : null;
  if (slug && !activity) throw new ImportError("unknownActivity");
  const started = performance.now();
  const result = await importSpreadsheet({
    source: { bytes: fs.readFileSync(file), fileName: path.basename(file), kind, activityId: activity?.id ?? null, mappingFile },
    dryRun: values["dry-run"]!,
    actorUserId: null,
  });
  const summary = {
    file: path.basename(file),
    kind,
    dryRun: result.dryRun,
    batchId: result.batchId,
    columns: Object.fromEntries(result.headings.map((heading, i) => [heading, result.mapping[i] ?? null])),
    missingColumns: result.missing,
    rows: result.summary.rows,
    created: result.summary.created,
    matched: result.summary.matched,
    sameInFile: result.summary.sameInFile,
    skipped: result.summary.skipped,
    errors: result.rows
      .filter((row) => row.status === "error")
      .map((row) => ({ row: row.row, problems: row.problems.map((p) => (p.field ? `${p.field}: ${p.code}` : p.code)) })),
    skippedRows: result.rows.filter((row) => row.status === "skip").map((row) => ({ row: row.row, reason: row.skip })),
    seconds: Math.round(performance.now() - started) / 1000,
  };
  console.log(JSON.stringify(summary, null, 2));
  if (result.missing.length) process.exitCode = 1;
} catch (error) {
  if (error instanceof ImportError) {
    console.log(JSON.stringify({ file: path.basename(file), error: error.code, ...error.detail }, null, 2));
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.$disconnect();
  await database.embedded?.stop();
}
