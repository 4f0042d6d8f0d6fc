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

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** What the operator runs to create the database when the portal may not (as PostgreSQL's superuser, on the server). */
export function createDatabaseAdvice(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const owner = decodeURIComponent(url.username) || "<the role of DATABASE_URL>";
  return `sudo -u postgres psql -c 'CREATE DATABASE ${quoteIdent(name)} OWNER ${quoteIdent(owner)}'   (or: sudo -u postgres createdb -O ${owner} ${name})`;
}

/**
 * Makes sure the database DATABASE_URL names exists (a Debian or managed
 * server where nobody created it yet): when connecting says it does not
 * exist (3D000), creates it through the server's maintenance database
 * ("postgres", else "template1") with the same role — which works when the
 * role may create databases — and otherwise fails with the command to run.
 * Returns whether it created the database.
 */
export async function ensureDatabaseOf(databaseUrl: string, log: (line: string) => void = () => {}): Promise<boolean> {
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
  } finally {
    await probe.end().catch(() => {});
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  let lastError: unknown;
  for (const maintenance of ["postgres", "template1"]) {
    const adminUrl = new URL(databaseUrl);
    adminUrl.pathname = `/${maintenance}`;
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      continue;
    }
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      log(`Created the database ${name}`);
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "42P04") return false; // another instance created it meanwhile
      if (code === "42501") {
        throw new Error(
          `The database "${name}" does not exist, and the role "${decodeURIComponent(url.username)}" may not create it. Create it once on the database server: ${createDatabaseAdvice(databaseUrl)}`,
        );
      }
      throw error;
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(
    `The database "${name}" does not exist, and no maintenance database ("postgres", "template1") let the role in to create it (${(lastError as Error)?.message}). Create it once on the database server: ${createDatabaseAdvice(databaseUrl)}`,
  );
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
      supervise: {},
    });
    await ensureDatabaseExists(embedded.adminUrl, EMBEDDED_DATABASE);
    url = embedded.urlFor(EMBEDDED_DATABASE);
    process.env.DATABASE_URL = url;
  } else {
    await ensureDatabaseOf(url, log);
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
