// Issue 20: in embedded mode nobody else restarts a PostgreSQL that died under
// the app. Killed (kill -9 of the postmaster), it is back by itself within
// seconds with its data; killed more often than the limit, it stays down.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.ts";
import { freePort } from "./net.ts";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-supervise-"));
fs.chmodSync(work, 0o755); // as root, PostgreSQL runs as `postgres` and must pass through
let server: EmbeddedPostgres | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const postmasterPid = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("a supervised embedded PostgreSQL", () => {
  it("is restarted after a kill -9, with its data, and not beyond the limit", async () => {
    const dataDir = path.join(work, "data");
    const lines: string[] = [];
    server = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      log: (line) => lines.push(line),
      supervise: { intervalMs: 200, maxRestarts: 1, windowMs: 60_000 },
    });
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    await client.query("CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");
    await client.end();

    const first = postmasterPid(dataDir);
    process.kill(first, "SIGKILL");
    await expect.poll(() => answers(server!.adminUrl), { timeout: 20_000, interval: 250 }).toBe(true);
    expect(postmasterPid(dataDir)).not.toBe(first);
    expect(lines.join("\n")).toMatch(/restarting it \(1 of 1/);
    const check = new pg.Client({ connectionString: server.adminUrl });
    await check.connect();
    expect((await check.query("SELECT x FROM kept")).rows).toEqual([{ x: 42 }]);
    await check.end();

    // Again within the window: past the limit, it stays down and says so.
    process.kill(postmasterPid(dataDir), "SIGKILL");
    await expect.poll(() => lines.join("\n"), { timeout: 10_000, interval: 200 }).toMatch(/not restarting it again/);
    expect(await answers(server.adminUrl)).toBe(false);
  }, 60_000);
});
