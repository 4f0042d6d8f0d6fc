// Time of the spreadsheet import (issue 17) for 5,000 rows:
//   npm run bench:import [-- --rows 5000] [--large]
// A fresh embedded PostgreSQL with the demo data (or, with --large, the large
// data set of bench:report, so matching runs against a register of thousands),
// a Windows-1252 CSV of families with duplicates and bad dates, imported as a
// dry run and for real through importSpreadsheet (what the page and the
// command line call), undone; then 5,000 rows of past participation.
import { parseArgs } from "node:util";
import { migrate } from "../server/migrate.ts";
import { childrenSheet, SHEET_HEADINGS, toDanishCsv, windows1252 } from "../tests/setup/spreadsheets.ts";
import { freshDatabase, largeDatabase, machine } from "./lib.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "5000" }, large: { type: "boolean", default: false } } });
const ROWS = Number(values.rows);

const database = values.large ? await largeDatabase() : await freshDatabase("portal_import_bench");
process.env.DATABASE_URL = database.url;
process.env.NODE_ENV ??= "test";
const { createDb } = await import("../app/lib/db-client.ts");
if (!values.large) {
  await migrate(database.url);
  const seeding = createDb(database.url, 2);
  const { seedDemoData } = await import("../prisma/seed.ts");
  await seedDemoData(seeding);
  await seeding.$disconnect();
}
const { db } = await import("../app/lib/db.server.ts");
const { importSpreadsheet } = await import("../app/domain/register/import/import.server.ts");
const { undoImport } = await import("../app/domain/register/import/batches.server.ts");

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
};

try {
  const areas = (await db.housingArea.findMany({ select: { name: true } })).map((area) => area.name);
  const register = await db.person.count();
  const sheet = childrenSheet({ rows: ROWS, duplicateEvery: 50, badDateEvery: 100, areas, seed: Date.now() % 1000 });
  const bytes = windows1252(toDanishCsv(SHEET_HEADINGS, sheet.rows));
  const source = { bytes, fileName: "bench.csv", kind: "people" as const, activityId: null, mappingFile: null };
  console.error(`register: ${register} people; file: ${ROWS} rows, ${Math.round(bytes.length / 1024)} KB (Windows-1252)`);

  const [dry, dryMs] = await time(() => importSpreadsheet({ source, dryRun: true, actorUserId: null }));
  const [, dryAgainMs] = await time(() => importSpreadsheet({ source, dryRun: true, actorUserId: null }));
  const [real, realMs] = await time(() => importSpreadsheet({ source, dryRun: false, actorUserId: null }));
  const [, undoMs] = await time(() => undoImport(real.batchId!, null));

  // Past participation: the same children, named, one row per child and day over 50 days of one activity.
  const activity = await db.activity.findFirstOrThrow({ select: { id: true } });
  const days = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2025, 0, 6 + i * 3)).toISOString().slice(0, 10));
  const lines = ["Dato;Fornavn;Efternavn;Fødselsdato;Boligområde"];
  for (let i = 0; i < ROWS; i++) {
    const row = sheet.rows[i % sheet.rows.length]!;
    const [y, m, d] = days[i % days.length]!.split("-");
    lines.push(`${d}-${m}-${y};${row[0]};${row[1]};${row[2]};${row[4]}`);
  }
  const participation = {
    bytes: new TextEncoder().encode(lines.join("\r\n")),
    fileName: "past.csv",
    kind: "participation" as const,
    activityId: activity.id,
    mappingFile: null,
  };
  const [pastDry, pastDryMs] = await time(() => importSpreadsheet({ source: participation, dryRun: true, actorUserId: null }));
  const [past, pastMs] = await time(() => importSpreadsheet({ source: participation, dryRun: false, actorUserId: null }));
  const [, pastUndoMs] = await time(() => undoImport(past.batchId!, null));

  console.log(
    JSON.stringify(
      {
        machine: machine(),
        register,
        rows: ROWS,
        people: { dryRunMs: dryMs, dryRunAgainMs: dryAgainMs, importMs: realMs, undoMs, summary: dry.summary },
        participation: { dryRunMs: pastDryMs, importMs: pastMs, undoMs: pastUndoMs, summary: pastDry.summary },
      },
      null,
      2,
    ),
  );
} finally {
  await db.$disconnect();
  await database.stop();
}
