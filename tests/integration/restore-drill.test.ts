// The restore drill (issue 20): the newest backup of a folder goes into a
// scratch database, its counts are shown next to the live database's, and the
// scratch database is gone afterwards — the live database untouched.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "../../app/lib/db.server.ts";
import { seedDemoData } from "../../prisma/seed.ts";
import { ROOT } from "../../server/app.ts";
import { backupFileName } from "../../server/backup-files.ts";
import { backupDatabase } from "../../server/backup.ts";
import { formatCounts, restoreDrill } from "../../server/restore-drill.ts";

const liveUrl = process.env.DATABASE_URL!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-drill-"));
const DAY = 24 * 60 * 60 * 1000;

async function drillDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: inject("adminUrl") });
  await client.connect();
  try {
    return (await client.query<{ name: string }>(`SELECT datname::text AS name FROM pg_database WHERE datname LIKE 'restore_drill_%'`)).rows.map(
      (row) => row.name,
    );
  } finally {
    await client.end();
  }
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject("adminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let peopleAtBackup = 0;

beforeAll(async () => {
  // An older backup of the empty database, then the newest one of the demo data: the drill must take the newest.
  await backupDatabase(liveUrl, path.join(dir, backupFileName(new Date(Date.now() - 2 * DAY))));
  await seedDemoData(db);
  peopleAtBackup = await db.person.count();
  await backupDatabase(liveUrl, path.join(dir, backupFileName(new Date())));
  fs.writeFileSync(path.join(dir, "notes.txt"), "not a backup");
  // A change after the backup: the live count differs from the restored one.
  await db.housingArea.create({ data: { code: "EFTER-BACKUP", name: "Efter backup" } });
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the restore drill", () => {
  it("restores the newest backup into a scratch database, counts beside the live ones, and drops the scratch database", async () => {
    const before = await drillDatabases();
    const lines: string[] = [];
    const result = await restoreDrill({ liveUrl, dir, log: (line) => lines.push(line) });
    expect(result.scratch).toBe("same-server");
    expect(path.basename(result.file)).toBe(listNewest());
    const people = result.counts.find((count) => count.table === "Person")!;
    expect(people).toEqual({ table: "Person", live: peopleAtBackup, restored: peopleAtBackup });
    expect(peopleAtBackup).toBeGreaterThan(0);
    expect(result.counts.reduce((sum, count) => sum + (count.restored ?? 0), 0)).toBe(result.summary.rows);
    const areas = result.counts.find((count) => count.table === "HousingArea")!;
    expect(areas.live).toBe(await db.housingArea.count());
    expect(areas.restored).toBe(areas.live! - 1);
    expect(formatCounts(result.counts).some((line) => line.startsWith("Person") && line.includes(String(peopleAtBackup)))).toBe(true);
    expect(lines).toContain("Dropped the scratch database.");
    expect(await drillDatabases()).toEqual(before);
  });

  it("uses a temporary embedded PostgreSQL where the live database's role may not create a database", { timeout: 120_000 }, async () => {
    // A role that may read everything but create no database, as on a managed server.
    const role = `drill_reader_${Math.random().toString(36).slice(2, 10)}`;
    await admin(`CREATE ROLE ${role} LOGIN PASSWORD 'drill-secret' NOCREATEDB`);
    await admin(`GRANT pg_read_all_data TO ${role}`);
    const readerUrl = new URL(liveUrl);
    readerUrl.username = role;
    readerUrl.password = "drill-secret";
    const before = await drillDatabases();
    const tempFolders = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("portal-restore-drill-")).length;
    const folders = tempFolders();
    const lines: string[] = [];
    const result = await restoreDrill({ liveUrl: readerUrl.toString(), dir, log: (line) => lines.push(line) }).finally(() => admin(`DROP ROLE ${role}`));
    expect(lines.some((line) => line.includes("using a temporary embedded PostgreSQL"))).toBe(true);
    expect(result.scratch).toBe("embedded");
    expect(result.counts.find((count) => count.table === "Person")).toEqual({ table: "Person", live: peopleAtBackup, restored: peopleAtBackup });
    expect(await drillDatabases()).toEqual(before);
    expect(tempFolders()).toBe(folders);
  });

  it("drops the scratch database when the restore fails, and says there is no backup in an empty folder", async () => {
    const broken = path.join(dir, "broken.jsonl.gz");
    fs.writeFileSync(broken, "not gzip");
    const before = await drillDatabases();
    await expect(restoreDrill({ liveUrl, file: broken })).rejects.toThrow(/not a portal backup|Could not read/);
    expect(await drillDatabases()).toEqual(before);
    fs.rmSync(broken);

    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "portal-drill-empty-"));
    fs.writeFileSync(path.join(empty, "aktivitetsportalen-latest.jsonl.gz"), "x");
    await expect(restoreDrill({ liveUrl, dir: empty })).rejects.toThrow(/There is no backup/);
    fs.rmSync(empty, { recursive: true });
  });

  it("runs as npm run restore:drill against DATABASE_URL and BACKUP_DIR", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "server/restore-drill-cli.ts"], {
      cwd: ROOT,
      env: { ...process.env, BACKUP_DIR: dir },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(listNewest());
    expect(run.stdout).toMatch(/\[restore:drill\] Person +\d+ +\d+/);
    expect(run.stdout).toContain("Dropped the scratch database.");
    expect(run.stdout).toContain("The drill worked");
  });
});

function listNewest(): string {
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith("aktivitetsportalen-"))
    .sort()
    .at(-1)!;
}
