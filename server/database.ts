// Gets a database ready to serve: the embedded server when no DATABASE_URL
// is given, the database created if missing, migrations applied, and the
// demo data seeded once into an empty database.
import path from "node:path";
import pg from "pg";
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.ts";
import { migrate } from "./migrate.ts";
import { ROOT } from "./app.ts";

export type PreparedDatabase = { url: string; embedded: EmbeddedPostgres | null; migrated: string[] };

export const EMBEDDED_DATABASE = "aktivitetsportalen";

export async function ensureDatabaseExists(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await client.end();
  }
}

export const embeddedDataDir = () => process.env.EMBEDDED_PG_DATA_DIR ?? path.join(ROOT, ".data/postgres");

/**
 * For command-line tools: the database of a running `npm start` if there is
 * one, else the same preparation as a start (stop it when done).
 */
export async function databaseForTool(log: (line: string) => void): Promise<PreparedDatabase> {
  const running = process.env.DATABASE_URL ? null : runningEmbeddedUrl(embeddedDataDir(), EMBEDDED_DATABASE);
  if (running) return { url: running, embedded: null, migrated: [] };
  return prepareDatabase(log);
}

export async function prepareDatabase(log: (line: string) => void): Promise<PreparedDatabase> {
  let url = process.env.DATABASE_URL;
  let embedded: EmbeddedPostgres | null = null;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: embeddedDataDir(),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 5433),
      log,
    });
    await ensureDatabaseExists(embedded.adminUrl, EMBEDDED_DATABASE);
    url = embedded.urlFor(EMBEDDED_DATABASE);
    process.env.DATABASE_URL = url;
  }
  try {
    const migrated = await migrate(url);
    for (const name of migrated) log(`Applied migration ${name}`);
    return { url, embedded, migrated };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Seeds the demo data when the database has no housing areas yet (a fresh database). */
export async function seedIfEmpty(url: string, log: (line: string) => void): Promise<boolean> {
  const { createDb } = await import("../app/lib/db-client.ts");
  const db = createDb(url, 2);
  try {
    if ((await db.housingArea.count()) > 0) return false;
    const { seedDemoData } = await import("../prisma/seed.ts");
    await seedDemoData(db);
    log("Seeded the demo data");
    return true;
  } finally {
    await db.$disconnect();
  }
}
