// Backup and restore of the portal's data without pg_dump (the embedded
// server ships none, and Debian's is too old for it): `npm run backup`,
// `npm run restore` (server/backup-cli.ts, server/restore-cli.ts).
//
// The file is gzip'd JSON lines:
//   {"format":"aktivitetsportalen-backup","version":1,"createdAt":…,"migrations":[…]}
//   {"table":"Person","columns":[…],"rows":N}   then N lines, one row each (to_jsonb)
//   … one section per table of the `public` schema, parents before children …
//   {"end":true,"tables":…,"rows":…,"sequences":[{"name":…,"value":"…","called":true}]}
// Row lines are PostgreSQL's own JSON text, passed through without parsing, so
// bigint and numeric keep every digit; jsonb_populate_record turns them back
// into the column types (timestamptz, date, uuid, enums, arrays, jsonb …).
//
// Not in the file: `_prisma_migrations` (the restore runs the migrations and
// checks their names against the dump's) and the `pgboss` schema (the job
// queue: transient, recreated by the next start; queued jobs are not kept).
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { pipeline as pipelineWithCallback } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { migrate } from "./migrate.ts";

export const BACKUP_FORMAT = "aktivitetsportalen-backup";
const VERSION = 1;
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;
/**
 * A row object carries this extra key (a list of column names) when a json or
 * jsonb column holds JSON `null`, which to_jsonb cannot tell from SQL NULL.
 */
const JSON_NULL_KEY = "~jsonNull";

type Header = { format: string; version: number; createdAt: string; postgres: string; migrations: string[] };
type Section = { table: string; columns: string[]; rows: number };
type Sequence = { name: string; value: string; called: boolean };
type End = { end: true; tables: number; rows: number; sequences: Sequence[] };

export type BackupSummary = { tables: number; rows: number; sequences: number; bytes: number; ms: number };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const table = (name: string) => `public.${ident(name)}`;

type Column = { name: string; type: string; json: boolean };
type Table = { name: string; columns: Column[]; primaryKey: string[]; userTriggers: boolean };
type ForeignKey = { name: string; table: string; references: string; deferrable: boolean };
type Catalog = {
  /** Parents before children (foreign keys); tables in a reference cycle last. */
  tables: Table[];
  /** Foreign keys that an insert in that order cannot satisfy row by row (cycles, self-references). */
  cyclicKeys: ForeignKey[];
};

/** The tables of `public` (but `_prisma_migrations`), their insertable columns and the insert order. */
async function readCatalog(client: pg.Client): Promise<Catalog> {
  const { rows: columns } = await client.query<{ table: string; name: string; type: string; json: boolean }>(
    `SELECT c.relname::text AS table, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.atttypid IN ('json'::regtype, 'jsonb'::regtype) AS json
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname <> '_prisma_migrations' AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const { rows: keys } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname::text AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = 'public'
      GROUP BY c.relname`,
  );
  const { rows: triggers } = await client.query<{ table: string }>(
    `SELECT DISTINCT c.relname::text AS table FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
  );
  const { rows: foreignKeys } = await client.query<ForeignKey>(
    `SELECT con.conname::text AS name, c.relname::text AS table, r.relname::text AS references, con.condeferrable AS deferrable
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class r ON r.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public' AND rn.nspname = 'public'
      ORDER BY c.relname, con.conname`,
  );

  const tables = new Map<string, Table>();
  for (const column of columns) {
    let entry = tables.get(column.table);
    if (!entry) tables.set(column.table, (entry = { name: column.table, columns: [], primaryKey: [], userTriggers: false }));
    entry.columns.push({ name: column.name, type: column.type, json: column.json });
    if (column.name === JSON_NULL_KEY) throw new Error(`Table ${column.table} has a column named ${JSON_NULL_KEY}, which this backup format reserves.`);
  }
  for (const key of keys) if (tables.has(key.table)) tables.get(key.table)!.primaryKey = key.columns;
  for (const trigger of triggers) if (tables.has(trigger.table)) tables.get(trigger.table)!.userTriggers = true;

  // Kahn's algorithm, alphabetical among equals; what is left is in or behind a cycle.
  const parents = new Map([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const key of foreignKeys) if (key.table !== key.references && tables.has(key.references)) parents.get(key.table)?.add(key.references);
  const placed = new Set<string>(); // in insertion order
  for (;;) {
    const ready = [...parents].filter(([name, of]) => !placed.has(name) && [...of].every((parent) => placed.has(parent))).map(([name]) => name);
    if (!ready.length) break;
    for (const name of ready.sort()) placed.add(name);
  }
  const tangled = [...tables.keys()].filter((name) => !placed.has(name)).sort();
  const cyclicKeys = foreignKeys.filter(
    (key) => tables.has(key.table) && (key.table === key.references || (tangled.includes(key.table) && tangled.includes(key.references))),
  );
  return { tables: [...placed, ...tangled].map((name) => tables.get(name)!), cyclicKeys };
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists`);
  if (!rows[0]!.exists) return [];
  const { rows: applied } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return applied.map((row) => row.name);
}

/** The row as JSON, plus the names of its json columns holding JSON null (see JSON_NULL_KEY). */
function rowExpression(entry: Table): string {
  const json = entry.columns.filter((column) => column.json);
  if (!json.length) return "to_jsonb(t)";
  const nulls = json.map((column) => `CASE WHEN jsonb_typeof(t.${ident(column.name)}::jsonb) = 'null' THEN ${literal(column.name)} END`);
  return `CASE WHEN ${json.map((column) => `jsonb_typeof(t.${ident(column.name)}::jsonb) = 'null'`).join(" OR ")}
    THEN to_jsonb(t) || jsonb_build_object(${literal(JSON_NULL_KEY)}, array_remove(ARRAY[${nulls.join(", ")}], NULL)) ELSE to_jsonb(t) END`;
}

/**
 * Writes every row of the database's `public` schema (one consistent
 * snapshot) to a gzip'd JSON-lines file. Refuses to overwrite a file; writes
 * to a temporary name first, so a failed backup leaves no plausible file.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const started = performance.now();
  if (fs.existsSync(file)) throw new Error(`${file} exists already. Choose another file name.`);
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let tables = 0;
  let rows = 0;
  let sequences = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const migrations = await appliedMigrations(client); // the first query fixes the snapshot
    if (!migrations.length) throw new Error("This database has no applied migrations: it is not a portal database (or not set up yet).");
    const postgres = (await client.query<{ version: string }>("SELECT current_setting('server_version') AS version")).rows[0]!.version;
    const catalog = await readCatalog(client);

    async function* lines(): AsyncGenerator<string> {
      const header: Header = { format: BACKUP_FORMAT, version: VERSION, createdAt: new Date().toISOString(), postgres, migrations };
      yield `${JSON.stringify(header)}\n`;
      for (const entry of catalog.tables) {
        const count = Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table(entry.name)}`)).rows[0]!.n);
        const section: Section = { table: entry.name, columns: entry.columns.map((column) => column.name), rows: count };
        yield `${JSON.stringify(section)}\n`;
        const orderBy = entry.primaryKey.length ? `ORDER BY ${entry.primaryKey.map((column) => `t.${ident(column)}`).join(", ")}` : "";
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT (${rowExpression(entry)})::text AS r FROM ${table(entry.name)} t ${orderBy}`);
        let written = 0;
        for (;;) {
          const batch = await client.query<{ r: string }>(`FETCH ${BATCH_ROWS} FROM backup_rows`);
          if (!batch.rows.length) break;
          written += batch.rows.length;
          yield batch.rows.map((row) => `${row.r}\n`).join("");
        }
        await client.query("CLOSE backup_rows");
        if (written !== count) throw new Error(`Table ${entry.name} changed during the backup (${count} rows counted, ${written} read).`);
        tables += 1;
        rows += written;
      }
      // Read last: sequences only grow, so these values cover every row above.
      const { rows: names } = await client.query<{ name: string }>(
        `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
      );
      const values: Sequence[] = [];
      for (const { name } of names) {
        const { rows: state } = await client.query<{ value: string; called: boolean }>(
          `SELECT last_value::text AS value, is_called AS called FROM ${table(name)}`,
        );
        values.push({ name, ...state[0]! });
      }
      sequences = values.length;
      const end: End = { end: true, tables, rows, sequences: values };
      yield `${JSON.stringify(end)}\n`;
    }

    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // The file holds personal data: readable by its owner only.
    await pipeline(lines, createGzip(), fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
    await client.query("COMMIT");
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
  return { tables, rows, sequences, bytes: fs.statSync(file).size, ms: Math.round(performance.now() - started) };
}

/** The lines of a gzip'd file, one at a time (read errors and truncation surface as exceptions). */
async function* readLines(file: string): AsyncGenerator<string> {
  const text = pipelineWithCallback(fs.createReadStream(file), createGunzip(), () => {});
  text.setEncoding("utf8");
  let rest = "";
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (error) {
    throw new Error(`Could not read ${file}: ${(error as Error).message}`);
  } finally {
    text.destroy();
  }
  if (rest) yield rest;
}

export type RestoreSummary = BackupSummary;

/** Which tables of `public` (but `_prisma_migrations`) hold rows. */
async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const { rows: names } = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
  );
  const filled: string[] = [];
  for (const { name } of names) {
    if ((await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT FROM ${table(name)}) AS any`)).rows[0]!.any) filled.push(name);
  }
  return filled;
}

/** A PostgreSQL error without its DETAIL and without values: never personal data in the output. */
function describeDatabaseError(error: unknown): string {
  const { code, constraint, column } = error as { code?: string; constraint?: string; column?: string };
  if (!code) return (error as Error).message;
  return `PostgreSQL error ${code}${constraint ? ` on constraint ${constraint}` : ""}${column ? ` in column ${column}` : ""}`;
}

/**
 * Restores a backup into an empty database: one whose `public` tables hold no
 * rows (a new database, or one only migrated). Runs the migrations first and
 * refuses unless the applied ones are exactly those of the backup. Every row
 * goes in within one transaction: on any error the database stays empty.
 */
export async function restoreDatabase(url: string, file: string): Promise<RestoreSummary> {
  const started = performance.now();
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  const lines = readLines(file);
  const next = async (what: string): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`${file} ends early (expected ${what}): the backup is incomplete.`);
    return line.value;
  };
  const client = new pg.Client({ connectionString: url });
  let connected = false;
  try {
    let header: Header;
    try {
      header = JSON.parse(await next("the header")) as Header;
    } catch (error) {
      throw new Error(`${file} is not a portal backup: ${(error as Error).message}`);
    }
    if (header.format !== BACKUP_FORMAT || header.version !== VERSION) {
      throw new Error(`${file} is not a portal backup of version ${VERSION} (format ${String(header.format)}, version ${String(header.version)}).`);
    }

    await client.connect();
    connected = true;
    const refuseIfFilled = async () => {
      const filled = await tablesWithRows(client);
      if (filled.length) {
        throw new Error(
          `The database is not empty (${filled.length} tables hold rows, e.g. ${filled.slice(0, 3).join(", ")}). Restore only into a new, empty database.`,
        );
      }
    };
    await refuseIfFilled();
    await migrate(url);
    const applied = await appliedMigrations(client);
    if ([...applied].sort().join("\n") !== [...header.migrations].sort().join("\n")) {
      const missing = header.migrations.filter((name) => !applied.includes(name));
      const extra = applied.filter((name) => !header.migrations.includes(name));
      throw new Error(
        `The backup was made at another version of the database schema. ` +
          `${missing.length ? `Only in the backup: ${missing.join(", ")}. ` : ""}${extra.length ? `Not in the backup: ${extra.join(", ")}. ` : ""}` +
          `Restore with the version of the portal that made the backup (then upgrade).`,
      );
    }

    await client.query("BEGIN");
    await client.query("SET LOCAL lock_timeout = '30s'");
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const catalog = await readCatalog(client);
    const byName = new Map(catalog.tables.map((entry) => [entry.name, entry]));
    // Nobody writes while we fill the tables; and check again now we hold them.
    if (catalog.tables.length) await client.query(`LOCK TABLE ${catalog.tables.map((entry) => table(entry.name)).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    await refuseIfFilled();
    // User triggers stay off while rows go in: Person's (ADR 016) would otherwise make area periods that the backup's
    // own PersonAreaPeriod rows then overlap. The schema has no reference cycles; should one appear, cyclic foreign
    // keys are checked at the end.
    for (const entry of catalog.tables) if (entry.userTriggers) await client.query(`ALTER TABLE ${table(entry.name)} DISABLE TRIGGER USER`);
    const deferred = catalog.cyclicKeys.filter((key) => !key.deferrable);
    for (const key of deferred) await client.query(`ALTER TABLE ${table(key.table)} ALTER CONSTRAINT ${ident(key.name)} DEFERRABLE`);
    if (catalog.cyclicKeys.length) await client.query(`SET CONSTRAINTS ${catalog.cyclicKeys.map((key) => `public.${ident(key.name)}`).join(", ")} DEFERRED`);

    const seen = new Set<string>();
    let rows = 0;
    let end: End | null = null;
    while (!end) {
      const meta = JSON.parse(await next("a table or the end")) as Section | End;
      if ("end" in meta) {
        end = meta;
        break;
      }
      const entry = byName.get(meta.table);
      if (!entry) throw new Error(`The backup has a table ${meta.table} that this database does not have.`);
      const insertable = entry.columns.map((column) => column.name);
      if ([...meta.columns].sort().join("\n") !== [...insertable].sort().join("\n")) {
        throw new Error(`The columns of table ${meta.table} differ between the backup and this database.`);
      }
      seen.add(meta.table);
      const types = new Map(entry.columns.map((column) => [column.name, column]));
      const select = meta.columns.map((name) => {
        const column = types.get(name)!;
        return column.json
          ? `CASE WHEN e.value->${literal(JSON_NULL_KEY)} ? ${literal(name)} THEN 'null'::${column.type} ELSE r.${ident(name)} END`
          : `r.${ident(name)}`;
      });
      const insert = `INSERT INTO ${table(meta.table)} (${meta.columns.map(ident).join(", ")}) OVERRIDING SYSTEM VALUE
        SELECT ${select.join(", ")} FROM jsonb_array_elements($1::jsonb) AS e(value), jsonb_populate_record(NULL::${table(meta.table)}, e.value) AS r`;
      let batch: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (!batch.length) return;
        try {
          await client.query(insert, [`[${batch.join(",")}]`]);
        } catch (error) {
          throw new Error(`Could not restore table ${meta.table}: ${describeDatabaseError(error)}`);
        }
        batch = [];
        bytes = 0;
      };
      for (let i = 0; i < meta.rows; i++) {
        const line = await next(`row ${i + 1} of ${meta.rows} of table ${meta.table}`);
        batch.push(line);
        bytes += line.length;
        if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
      }
      await flush();
      rows += meta.rows;
    }
    const missing = catalog.tables.filter((entry) => !seen.has(entry.name)).map((entry) => entry.name);
    if (missing.length) throw new Error(`The backup has no rows section for ${missing.join(", ")}: it is incomplete.`);
    if (end.rows !== rows || end.tables !== seen.size) throw new Error("The backup's totals do not match its contents: it is damaged.");
    if (!(await lines.next()).done) throw new Error(`${file} goes on after its end marker: it is damaged.`);

    for (const sequence of end.sequences) {
      try {
        await client.query("SELECT setval($1::regclass, $2::bigint, $3::boolean)", [table(sequence.name), sequence.value, sequence.called]);
      } catch (error) {
        throw new Error(`Could not set sequence ${sequence.name}: ${describeDatabaseError(error)}`);
      }
    }
    try {
      if (catalog.cyclicKeys.length) await client.query("SET CONSTRAINTS ALL IMMEDIATE");
    } catch (error) {
      throw new Error(`The restored rows break a foreign key: ${describeDatabaseError(error)}`);
    }
    for (const key of deferred) await client.query(`ALTER TABLE ${table(key.table)} ALTER CONSTRAINT ${ident(key.name)} NOT DEFERRABLE`);
    for (const entry of catalog.tables) if (entry.userTriggers) await client.query(`ALTER TABLE ${table(entry.name)} ENABLE TRIGGER USER`);
    await client.query("COMMIT");
    await client.query("ANALYZE"); // fresh statistics for the planner after a bulk load
    return { tables: seen.size, rows, sequences: end.sequences.length, bytes: fs.statSync(file).size, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (connected) await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await lines.return(undefined);
    if (connected) await client.end().catch(() => {});
  }
}

export function describeSummary(summary: BackupSummary): string {
  const size = summary.bytes >= 1024 * 1024 ? `${(summary.bytes / 1024 / 1024).toFixed(1)} MB` : `${(summary.bytes / 1024).toFixed(1)} kB`;
  return `${summary.tables} tables, ${summary.rows} rows, ${summary.sequences} sequences, ${size}, ${summary.ms} ms`;
}
