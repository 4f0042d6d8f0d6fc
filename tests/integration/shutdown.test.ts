// Graceful shutdown on SIGTERM (issue 9): requests in flight finish, then the
// server and the embedded database stop. The app runs as its own process
// (production build and mode) with no DATABASE_URL, so it starts and owns an
// embedded PostgreSQL in a temporary folder. The test holds a lock on the
// Activity table so that a catalogue request is stuck inside the database,
// sends SIGTERM, and checks: new connections are refused at once, the stuck
// request and the database are left alone while it waits; once the lock goes
// the request is answered in full, the process exits 0, and the embedded
// PostgreSQL is stopped.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionEnvironment, startApp, startMailSink, type AppInstance } from "../../bench/lib.ts";
import { EMBEDDED_DATABASE } from "../../server/database.ts";
import { runningEmbeddedUrl, stopEmbeddedPostgresIn } from "../../server/embedded-postgres.ts";
import { freePort } from "../../server/net.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-shutdown-"));
fs.chmodSync(tmp, 0o755); // as root, PostgreSQL runs as `postgres` and must pass through
const dataDir = path.join(tmp, "pg");
let pgPort: number;
let app: AppInstance;
let mail: Awaited<ReturnType<typeof startMailSink>>;
let locker: pg.Client | undefined;
const output: string[] = [];

beforeAll(async () => {
  pgPort = await freePort();
  mail = await startMailSink();
  app = await startApp({
    ...productionEnvironment("", mail.url),
    // Empty, not unset: the test process's own DATABASE_URL must not reach the app, which then starts the embedded server.
    DATABASE_URL: "",
    EMBEDDED_PG_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    SEED_DEMO_DATA: "0",
  });
  app.process.stdout!.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n")));
}, 120_000);

afterAll(async () => {
  await locker?.end().catch(() => {});
  if (app && app.process.exitCode === null && app.process.signalCode === null) {
    const exited = new Promise((resolve) => app.process.once("exit", resolve));
    app.process.kill("SIGKILL");
    await exited;
  }
  await stopEmbeddedPostgresIn(dataDir); // only if the app left it running
  await mail?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Does a new TCP connection to this port get accepted? */
function accepts(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Is this process running (a zombie waiting for its parent to reap it counts as stopped)? */
function isAlive(pid: number): boolean {
  try {
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe("SIGTERM", () => {
  it("lets the request in flight finish, then stops the server and the embedded database, and exits 0", async () => {
    const appPort = Number(new URL(app.base).port);
    const postmasterPid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(isAlive(postmasterPid)).toBe(true); // the app's own embedded PostgreSQL, in our folder

    const before = await fetch(`${app.base}/activities`);
    expect(before.status).toBe(200);
    const expected = await before.text();
    expect(expected).toContain("</html>");

    // Hold the Activity table: the catalogue's query waits on the lock, inside the database.
    locker = new pg.Client({ connectionString: runningEmbeddedUrl(dataDir, EMBEDDED_DATABASE)! });
    locker.on("error", () => {}); // when a broken shutdown stops PostgreSQL under it, the assertions say so
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query('LOCK TABLE "Activity" IN ACCESS EXCLUSIVE MODE');

    let settled: { status: number; body: string } | null = null;
    const inFlight = fetch(`${app.base}/activities`).then(
      async (response) => ({ status: response.status, body: await response.text(), at: Date.now() }),
      (error: unknown) => ({ status: 0, body: String(error), at: Date.now() }),
    );
    void inFlight.then((answer) => (settled = answer));
    await waitFor("the catalogue query to wait on the lock", async () => {
      const { rows } = await locker!.query(`SELECT 1 FROM pg_locks WHERE relation = '"Activity"'::regclass AND NOT granted`);
      return rows.length > 0;
    });

    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      app.process.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    const signalled = Date.now();
    app.process.kill("SIGTERM");

    // The server takes no new connections at once …
    await waitFor("new connections to be refused", async () => !(await accepts(appPort, "localhost")), 2_000);
    // … but waits for the request in flight: a second later it is still open, and the process and database still run.
    await sleep(1_000);
    expect(app.process.exitCode, "the app exited with a request still in flight").toBeNull();
    expect(settled, "the request in flight was answered (or cut off) before the lock went").toBeNull();
    expect(isAlive(postmasterPid), "PostgreSQL stopped with a request still in flight").toBe(true);
    expect(await accepts(pgPort, "127.0.0.1")).toBe(true);
    expect(output.some((line) => line.includes("SIGTERM: finishing requests"))).toBe(true);

    await locker.query("COMMIT");
    await locker.end();
    locker = undefined;

    const answer = await inFlight;
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
    expect(answer.body).toContain("</html>");
    expect(answer.body.length).toBeGreaterThan(expected.length * 0.9); // the whole page, not a cut-off one

    const exit = await Promise.race([exited, sleep(15_000).then(() => null)]);
    expect(exit, "the app did not exit within 15 s of the request finishing").not.toBeNull();
    expect(exit!.code).toBe(0);
    expect(exit!.signal).toBeNull();
    // Soon after the answer, by the graceful path rather than the 10 s force timer: the keep-alive connection the
    // answer went over is closed as soon as it is idle (not after the client's 3 s or Node's 5 s timeout), then
    // the jobs and PostgreSQL stop.
    expect(exit!.at - answer.at).toBeLessThan(2_500);
    expect(exit!.at - signalled).toBeLessThan(15_000);
    expect(output.some((line) => line.includes("Stopped."))).toBe(true);

    // The embedded PostgreSQL was stopped cleanly by the app, not left running.
    expect(isAlive(postmasterPid), "the embedded PostgreSQL still runs after the app exited").toBe(false);
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid")), "postmaster.pid left behind: PostgreSQL was not shut down").toBe(false);
    expect(await accepts(pgPort, "127.0.0.1"), "the embedded PostgreSQL's port still accepts connections").toBe(false);
  }, 60_000);
});
