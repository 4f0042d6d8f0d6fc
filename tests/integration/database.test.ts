// Start-up's database work: migrations and the demo seed, on real PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { db } from "../../app/lib/db.server.ts";
import { migrate, readMigrations } from "../../server/migrate.ts";
import { ensureDatabaseExists, ensureDatabaseOf, seedIfEmpty } from "../../server/database.ts";

async function scratchDatabase(): Promise<string> {
  const name = `scratch_${Math.random().toString(36).slice(2)}`;
  await ensureDatabaseExists(inject("adminUrl"), name);
  const url = new URL(inject("adminUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("applies every migration once, in Prisma's bookkeeping format, and nothing on a second run", async () => {
    const url = await scratchDatabase();
    const all = readMigrations().map((migration) => migration.name);
    expect(await migrate(url)).toEqual(all);
    expect(await migrate(url)).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string }>(
      url,
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(all);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("serialises concurrent starts: two instances migrating at once apply each migration once", async () => {
    const url = await scratchDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a, ...b].sort()).toEqual(readMigrations().map((migration) => migration.name));
  });

  it("refuses to run when an applied migration was edited", async () => {
    const url = await scratchDatabase();
    await migrate(url);
    const edited = readMigrations().map((migration, i) => (i === 0 ? { ...migration, checksum: "0".repeat(64) } : migration));
    await expect(migrate(url, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back whole", async () => {
    const url = await scratchDatabase();
    await migrate(url);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mig-"));
    fs.mkdirSync(path.join(dir, "99990101000000_broken"));
    fs.writeFileSync(path.join(dir, "99990101000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int); SELECT no_such_function();`);
    await expect(migrate(url, [...readMigrations(), ...readMigrations(dir)])).rejects.toThrow(/99990101000000_broken failed/);
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toHaveLength(0);
  });
});

describe("demo data", () => {
  it("seeds an empty database once, with the plan's seven areas plus 'outside' and one account per role", async () => {
    expect(await seedIfEmpty(process.env.DATABASE_URL!, () => {})).toBe(true);
    expect(await seedIfEmpty(process.env.DATABASE_URL!, () => {})).toBe(false);
    const areas = await db.housingArea.findMany({ orderBy: { sortOrder: "asc" } });
    expect(areas.filter((area) => area.isPlanArea).map((area) => area.name)).toEqual([
      "Gl. Jennumparken",
      "Glarbjergvej-området",
      "Vangdalen",
      "Hermann Stillingsvej-området",
      "Energivej-området",
      "Sjællandsgade-kvarteret",
      "Centrale Randers",
    ]);
    expect(areas.filter((area) => !area.isPlanArea)).toHaveLength(1);
    const roles = await db.user.groupBy({ by: ["role"], _count: true });
    expect(roles.map((row) => row.role).sort()).toEqual(["ADMIN", "PARENT", "PARTNER", "STAFF", "YOUTH"]);
    // Every activity has Danish text and at least one session.
    const activities = await db.activity.findMany({ include: { _count: { select: { sessions: true } } } });
    expect(activities.length).toBeGreaterThanOrEqual(10);
    for (const activity of activities) {
      expect((activity.title as { da?: string }).da).toBeTruthy();
      expect(activity._count.sessions).toBeGreaterThan(0);
    }
  });
});

describe("a database that does not exist yet (issue 20: DATABASE_URL at an empty server)", () => {
  /** A role of its own on the test server, with or without the right to create databases, and a URL for it naming a database not there. */
  async function role(createdb: boolean): Promise<string> {
    const name = `role_${Math.random().toString(36).slice(2)}`;
    await query(inject("adminUrl"), `CREATE ROLE ${name} LOGIN PASSWORD 'pw' ${createdb ? "CREATEDB" : "NOCREATEDB"}`);
    const url = new URL(inject("adminUrl"));
    url.username = name;
    url.password = "pw";
    url.pathname = `/portal_${name}`;
    return url.toString();
  }

  it("is created when the role may, then migrated like any other; a second start finds it", async () => {
    const url = await role(true);
    const lines: string[] = [];
    expect(await ensureDatabaseOf(url, (line) => lines.push(line))).toBe(true);
    expect(lines.join("\n")).toMatch(/Created the database portal_role_/);
    expect(await migrate(url)).toEqual(readMigrations().map((migration) => migration.name));
    expect(await ensureDatabaseOf(url)).toBe(false);
  });

  it("is refused with the command that creates it when the role may not", async () => {
    const url = await role(false);
    const { username, pathname } = new URL(url);
    const failure = ensureDatabaseOf(url);
    await expect(failure).rejects.toThrow(`The database "${pathname.slice(1)}" does not exist, and the role "${username}" may not create it`);
    await expect(failure).rejects.toThrow(`sudo -u postgres psql -c 'CREATE DATABASE "${pathname.slice(1)}" OWNER "${username}"'`);
  });
});
