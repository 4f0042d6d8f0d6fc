// Backup and restore (issue 9): the demo data, plus a few awkward values,
// goes out to a file and back into a new database unchanged — every table's
// rows compared through PostgreSQL's own text form of each row, and the
// sequences — and a restore refuses a database with rows, a damaged file, or
// a backup of another schema version, leaving the database empty.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../app/lib/db-client.ts";
import { seedDemoData } from "../../prisma/seed.ts";
import { backupDatabase, restoreDatabase } from "../../server/backup.ts";
import { ensureDatabaseExists } from "../../server/database.ts";
import { migrate } from "../../server/migrate.ts";

const sourceUrl = process.env.DATABASE_URL!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));
const file = path.join(dir, "demo.jsonl.gz");
const scratch: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `restore_${Math.random().toString(36).slice(2)}`;
  await ensureDatabaseExists(inject("adminUrl"), name);
  scratch.push(name);
  const url = new URL(inject("adminUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type Fingerprint = { tables: Record<string, { rows: number; md5: string }>; sequences: Record<string, string> };

/** Row count and a checksum of every row's text form (NULL and JSON null differ there) per table, and every sequence's state. */
function fingerprint(url: string): Promise<Fingerprint> {
  return withClient(url, async (client) => {
    const result: Fingerprint = { tables: {}, sequences: {} };
    const { rows: relations } = await client.query<{ name: string; kind: string }>(
      `SELECT c.relname::text AS name, c.relkind::text AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
    );
    for (const { name, kind } of relations) {
      const quoted = `public."${name}"`;
      if (kind === "S") {
        const { rows } = await client.query<{ state: string }>(`SELECT last_value || '/' || is_called AS state FROM ${quoted}`);
        result.sequences[name] = rows[0]!.state;
      } else {
        const { rows } = await client.query<{ rows: number; md5: string }>(
          `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${quoted} t`,
        );
        result.tables[name] = rows[0]!;
      }
    }
    return result;
  });
}

const rowsIn = (url: string) => fingerprint(url).then((print) => Object.values(print.tables).reduce((sum, table) => sum + table.rows, 0));

/** Rewrites a backup file line by line (to make damaged or foreign ones). */
function rewrite(target: string, edit: (lines: string[]) => string[]) {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").trimEnd().split("\n");
  fs.writeFileSync(target, zlib.gzipSync(`${edit(lines).join("\n")}\n`));
}

let source: Fingerprint;

beforeAll(async () => {
  const db = createDb(sourceUrl, 2);
  try {
    await seedDemoData(db);
  } finally {
    await db.$disconnect();
  }
  await withClient(sourceUrl, async (client) => {
    // Values that a careless format would lose: JSON null (not SQL NULL) in a
    // nullable jsonb column, quotes, a line break, non-Latin letters, an emoji,
    // and a sequence ahead of the highest value in use.
    await client.query(`UPDATE "Activity" SET "recurrence" = 'null'::jsonb WHERE id = (SELECT id FROM "Activity" ORDER BY id LIMIT 1)`);
    await client.query(`UPDATE "Person" SET "lastName" = $1 WHERE id = (SELECT id FROM "Person" ORDER BY id LIMIT 1)`, ['Ærø "Østergård"\nعلي 🙂 \\']);
    await client.query(`SELECT nextval(pg_get_serial_sequence('"SignUp"', 'seq')) FROM generate_series(1, 5)`);
  });
  source = await fingerprint(sourceUrl);
}, 120_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await withClient(inject("adminUrl"), async (client) => {
    for (const name of scratch) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe("backup and restore", () => {
  it("round-trips the demo data into an empty database: every table and sequence equal", async () => {
    const tables = Object.keys(source.tables);
    const filled = tables.filter((name) => source.tables[name]!.rows > 0);
    expect(filled.length).toBeGreaterThan(20); // the demo data fills most tables
    expect(source.sequences).not.toEqual({});

    const backup = await backupDatabase(sourceUrl, file);
    expect(backup.tables).toBe(tables.length);
    expect(backup.rows).toBe(await rowsIn(sourceUrl));
    expect(fs.statSync(file).mode & 0o077).toBe(0); // personal data: owner only
    await expect(backupDatabase(sourceUrl, file)).rejects.toThrow(/exists already/);

    const target = await emptyDatabase();
    const restore = await restoreDatabase(target, file);
    expect(restore).toMatchObject({ tables: backup.tables, rows: backup.rows, sequences: backup.sequences });
    const restored = await fingerprint(target);
    expect(restored.tables).toEqual(source.tables);
    expect(restored.sequences).toEqual(source.sequences);
    console.info(
      `[backup test] ${tables.length} tables (${filled.length} with rows), ${backup.rows} rows, ${backup.sequences} sequences, ` +
        `${backup.bytes} bytes; backup ${backup.ms} ms, restore ${restore.ms} ms`,
    );

    // Restored means usable: the app's client reads it, and new rows get fresh numbers.
    const db = createDb(target, 2);
    try {
      expect(await db.activity.count()).toBe(source.tables.Activity!.rows);
    } finally {
      await db.$disconnect();
    }

    // A database with rows is refused, and left as it was.
    await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty/);
    await expect(restoreDatabase(sourceUrl, file)).rejects.toThrow(/not empty/);
    expect((await fingerprint(target)).tables).toEqual(source.tables);
  }, 120_000);

  it("refuses damaged, incomplete and other-version backups, and leaves the database empty", async () => {
    if (!fs.existsSync(file)) await backupDatabase(sourceUrl, file);
    const target = await emptyDatabase();
    const attempt = async (damaged: string, message: RegExp) => {
      await expect(restoreDatabase(target, damaged)).rejects.toThrow(message);
      expect(await rowsIn(target)).toBe(0);
    };

    const truncated = path.join(dir, "truncated.jsonl.gz");
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await attempt(truncated, /Could not read .*unexpected end of file/);

    const noEnd = path.join(dir, "no-end.jsonl.gz");
    rewrite(noEnd, (lines) => lines.slice(0, -1));
    await attempt(noEnd, /ends early/);

    // A table left out (the last one with rows), totals adjusted: caught all the same.
    const skipped = path.join(dir, "skipped.jsonl.gz");
    rewrite(skipped, (lines) => {
      const at = lines.findLastIndex((line) => line.startsWith('{"table":') && (JSON.parse(line) as { rows: number }).rows > 0);
      const { rows } = JSON.parse(lines[at]!) as { rows: number };
      const end = JSON.parse(lines.at(-1)!) as { tables: number; rows: number };
      const kept = [...lines.slice(0, at), ...lines.slice(at + 1 + rows, -1)];
      return [...kept, JSON.stringify({ ...end, tables: end.tables - 1, rows: end.rows - rows })];
    });
    await attempt(skipped, /no rows section for/);

    const otherVersion = path.join(dir, "other-version.jsonl.gz");
    rewrite(otherVersion, ([header, ...rest]) => {
      const parsed = JSON.parse(header!) as { migrations: string[] };
      return [JSON.stringify({ ...parsed, migrations: [...parsed.migrations, "20991231000000_from_the_future"] }), ...rest];
    });
    await attempt(otherVersion, /another version.*Only in the backup: 20991231000000_from_the_future/);

    const notABackup = path.join(dir, "not-a-backup.jsonl.gz");
    fs.writeFileSync(notABackup, zlib.gzipSync('{"hello":"world"}\n'));
    await attempt(notABackup, /not a portal backup/);

    // And the intact file still restores into the same database afterwards.
    await restoreDatabase(target, file);
    expect((await fingerprint(target)).tables).toEqual(source.tables);
  }, 120_000);

  it("copes with reference cycles, self-references and triggers, should the schema grow them", async () => {
    // The portal's schema has none; these tables stand in for a future migration.
    const extraSchema = `
      CREATE TABLE "ProbeNode" (id int PRIMARY KEY, parent int REFERENCES "ProbeNode", partner int, note text);
      CREATE TABLE "ProbePartner" (id int PRIMARY KEY, node int NOT NULL REFERENCES "ProbeNode");
      ALTER TABLE "ProbeNode" ADD CONSTRAINT "ProbeNode_partner_fkey" FOREIGN KEY (partner) REFERENCES "ProbePartner";
      CREATE FUNCTION probe_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := 'changed by trigger'; RETURN NEW; END $$;
      CREATE TRIGGER probe_stamp BEFORE INSERT ON "ProbeNode" FOR EACH ROW EXECUTE FUNCTION probe_stamp();`;
    const from = await emptyDatabase();
    const to = await emptyDatabase();
    await migrate(from);
    await withClient(from, async (client) => {
      await client.query(extraSchema);
      await client.query('ALTER TABLE "ProbeNode" DISABLE TRIGGER probe_stamp');
      // Children with lower ids than their parents, and a cycle through two tables.
      await client.query(`INSERT INTO "ProbeNode" VALUES (3, NULL, NULL, 'root'), (2, 3, NULL, 'child'), (1, 2, NULL, 'grandchild')`);
      await client.query(`INSERT INTO "ProbePartner" VALUES (1, 1), (2, 3)`);
      await client.query(`UPDATE "ProbeNode" SET partner = id WHERE id IN (1, 2) `);
    });
    await withClient(to, (client) => client.query(extraSchema));
    const probeFile = path.join(dir, "probe.jsonl.gz");
    await backupDatabase(from, probeFile);
    await restoreDatabase(to, probeFile);
    expect((await fingerprint(to)).tables).toEqual((await fingerprint(from)).tables);
    const state = await withClient(to, async (client) => ({
      deferrable: (await client.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND condeferrable`)).rows[0].n,
      triggers: (await client.query(`SELECT tgenabled::text AS enabled FROM pg_trigger WHERE tgname = 'probe_stamp'`)).rows,
    }));
    expect(state).toEqual({ deferrable: 0, triggers: [{ enabled: "O" }] }); // constraints and trigger as they were
  }, 120_000);
});
