// The restore drill (`npm run restore:drill`, issue 20): proves that the
// newest backup can be brought back, without touching the live database.
// It restores the newest backup of the folder (server/backup-files.ts) into a
// new scratch database on the same PostgreSQL server — or, where the role may
// not create databases, into a temporary embedded PostgreSQL — counts the
// rows of every table there and in the live database, and drops the scratch
// database again, also when something failed. Live counts that differ are
// expected (changes since the backup); the restored total must equal the
// backup's own.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { listBackups } from "./backup-files.ts";
import { restoreDatabase, type RestoreSummary } from "./backup.ts";
import { ensureDatabaseOf } from "./database.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { freePort } from "./net.ts";

export type DrillCount = { table: string; live: number | null; restored: number | null };
export type DrillResult = {
  file: string;
  madeAt: Date;
  /** Where the scratch database was: beside the live one, or in a temporary embedded server. */
  scratch: "same-server" | "embedded";
  summary: RestoreSummary;
  counts: DrillCount[];
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The row count of every table of `public` (but `_prisma_migrations`). */
function tableCounts(url: string): Promise<Map<string, number>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
    );
    const counts = new Map<string, number>();
    for (const { name } of tables) {
      counts.set(name, Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${quote(name)}`)).rows[0]!.n));
    }
    return counts;
  });
}

/** The same server's URL with another database. */
function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

type Scratch = { url: string; kind: DrillResult["scratch"]; drop(): Promise<void> };

/** A new, empty database for the drill, and how to get rid of it. */
async function scratchDatabase(liveUrl: string, log: (line: string) => void, preferEmbedded: boolean): Promise<Scratch> {
  const name = `restore_drill_${new Date().toISOString().slice(0, 10).replaceAll("-", "")}_${randomBytes(4).toString("hex")}`;
  if (!preferEmbedded) {
    const url = withDatabase(liveUrl, name);
    try {
      await ensureDatabaseOf(url);
      return {
        url,
        kind: "same-server",
        async drop() {
          let lastError: unknown;
          for (const maintenance of ["postgres", "template1"]) {
            try {
              await withClient(withDatabase(liveUrl, maintenance), (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
              return;
            } catch (error) {
              lastError = error;
            }
          }
          throw lastError;
        },
      };
    } catch (error) {
      log(`Could not create a scratch database beside the live one (${(error as Error).message.split("\n")[0]}); using a temporary embedded PostgreSQL.`);
    }
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "portal-restore-drill-"));
  fs.chmodSync(home, 0o755); // as root, the embedded server runs as "postgres" and must reach its data folder
  try {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(home, "data"), port: await freePort() });
    await ensureDatabaseOf(embedded.urlFor(name));
    return {
      url: embedded.urlFor(name),
      kind: "embedded",
      async drop() {
        await embedded.stop();
        fs.rmSync(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(home, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Restores the newest backup in `dir` (or `file`) into a scratch database, counts rows there and in `liveUrl`, and
 * drops the scratch database. Throws when there is no backup, the restore fails, or the restored rows do not add up
 * to the backup's own total.
 */
export async function restoreDrill(options: {
  liveUrl: string;
  dir?: string;
  file?: string;
  log?: (line: string) => void;
  /** Skip trying a scratch database beside the live one. */
  embedded?: boolean;
}): Promise<DrillResult> {
  const log = options.log ?? (() => {});
  const newest = options.file ? null : listBackups(options.dir ?? ".")[0];
  const file = options.file ?? newest?.file;
  if (!file) throw new Error(`There is no backup (aktivitetsportalen-<time>.jsonl.gz) in ${path.resolve(options.dir ?? ".")}.`);
  const madeAt = newest?.at ?? fs.statSync(file).mtime;
  log(`Restoring ${file} …`);
  const scratch = await scratchDatabase(options.liveUrl, log, options.embedded === true);
  try {
    const summary = await restoreDatabase(scratch.url, file);
    const [restored, live] = await Promise.all([tableCounts(scratch.url), tableCounts(options.liveUrl)]);
    const tables = [...new Set([...restored.keys(), ...live.keys()])].sort();
    const counts = tables.map((table) => ({ table, live: live.get(table) ?? null, restored: restored.get(table) ?? null }));
    const total = counts.reduce((sum, count) => sum + (count.restored ?? 0), 0);
    if (total !== summary.rows) throw new Error(`The scratch database holds ${total} rows, the backup ${summary.rows}: the restore is incomplete.`);
    return { file, madeAt, scratch: scratch.kind, summary, counts };
  } finally {
    await scratch.drop().then(
      () => log("Dropped the scratch database."),
      (error: unknown) => log(`Could not drop the scratch database: ${(error as Error).message}`),
    );
  }
}

/** The counts as a text table: table, live, restored, and a mark where they differ. */
export function formatCounts(counts: DrillCount[]): string[] {
  const width = Math.max(5, ...counts.map((count) => count.table.length));
  const cell = (value: number | null) => String(value ?? "—").padStart(10);
  return [
    `${"table".padEnd(width)} ${"live".padStart(10)} ${"restored".padStart(10)}`,
    ...counts.map(
      (count) =>
        `${count.table.padEnd(width)} ${cell(count.live)} ${cell(count.restored)}${count.live !== count.restored ? "   (differs: changed since the backup?)" : ""}`,
    ),
  ];
}
