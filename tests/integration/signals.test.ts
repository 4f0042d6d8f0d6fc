// Issue 20: the signal an operator sends reaches the server. The process a
// systemd unit (deploy/aktivitetsportalen.service) or a container starts is
// started here with exactly that command line and sent SIGTERM while it works
// through an e-mail backlog to a slow SMTP server: it stops within 10 s (a
// container's grace before SIGKILL), exit code 0, and leaves no message
// claimed — what it had not sent is due again at once, for the next instance.
// `npm start` (the README's command) is signalled too: npm's own process gets
// SIGTERM and the server behind it stops, instead of living on orphaned.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import PgBoss from "pg-boss";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { productionEnvironment } from "../../bench/lib.ts";
import { db } from "../../app/lib/db.server.ts";
import { JOBS } from "../../app/lib/job-queue.server.ts";
import { queueMessage } from "../../app/lib/messages/send.server.ts";
import { ROOT } from "../../server/app.ts";
import { freePort } from "../../server/net.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** The unit's ExecStart, split into words (it has no quoting), node being this test's node. */
function unitCommand(): string[] {
  const unit = fs.readFileSync(path.join(ROOT, "deploy/aktivitetsportalen.service"), "utf8");
  const line = unit.split("\n").find((candidate) => candidate.startsWith("ExecStart="))!;
  const [program, ...args] = line.slice("ExecStart=".length).trim().split(/\s+/);
  expect(program).toBe("/usr/bin/node"); // node itself: no npm, no shell, in the signal path
  return [process.execPath, ...args];
}

/** An SMTP server that takes `delayMs` per e-mail, counting them. */
async function slowSmtp(delayMs: number) {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () =>
        setTimeout(() => {
          received++;
          callback();
        }, delayMs),
      );
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Starts a command as the production server on the test database and waits until it serves. */
async function start(command: string[], smtpUrl: string, extra: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: {
      ...process.env,
      ...productionEnvironment(process.env.DATABASE_URL!, smtpUrl),
      SEED_DEMO_DATA: "0",
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      ...extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!output.join("").includes("is ready at")) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output.join("")}`);
    if (Date.now() > deadline) throw new Error(`the server did not start: ${output.join("")}`);
    await sleep(100);
  }
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once("exit", (code) => resolve({ code, at: Date.now() })));
  return { child, port, output, exited };
}

async function serves(port: number): Promise<boolean> {
  return fetch(`http://localhost:${port}/livez`, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );
}

describe("SIGTERM to the process a unit or container starts", () => {
  it("the container starts the same command as the unit (the Dockerfile is not built here: no daemon)", () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, "deploy/Dockerfile"), "utf8");
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(["/usr/bin/node", ...cmd.slice(1)]).toEqual(["/usr/bin/node", ...unitCommand().slice(1)]);
    expect(cmd[0]).toBe("node");
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
  });

  it("stops within 10 s in the middle of an e-mail backlog, exit 0, nothing left claimed", async () => {
    const smtp = await slowSmtp(300);
    // Two workers (node:cluster), as production runs on this 2-core machine: the primary passes the signal on.
    const server = await start(unitCommand(), smtp.url, { WEB_CONCURRENCY: "2" });
    try {
      for (let i = 0; i < 200; i++)
        await queueMessage(db, { email: `backlog-${i}@example.dk`, language: "da" }, "cancelled", { names: "Lina", activity: "Lejr" });
      // Start a delivery run now rather than at the next minute.
      const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 1, supervise: false, schedule: false });
      await boss.start();
      await boss.send(JOBS.deliverMessages, {});
      await boss.stop({ graceful: false });
      await expect.poll(smtp.received, { timeout: 30_000, interval: 50 }).toBeGreaterThan(3);

      const signalled = Date.now();
      server.child.kill("SIGTERM");
      const exit = await Promise.race([server.exited, sleep(20_000).then(() => null)]);
      expect(exit, server.output.join("")).not.toBeNull();
      expect(exit!.at - signalled, "SIGTERM to stopped").toBeLessThan(10_000);
      expect(exit!.code).toBe(0);
      expect(server.output.join("")).toContain("Stopped.");
      expect(await serves(server.port)).toBe(false);

      // Nothing stranded: every message not sent is due now (none held by a lease of the stopped process).
      const queued = await db.message.findMany({ where: { recipient: { startsWith: "backlog-" }, status: "QUEUED" } });
      expect(queued.length).toBeGreaterThan(0); // the stop came in the middle of the backlog
      expect(queued.filter((message) => message.nextAttemptAt.getTime() > Date.now())).toEqual([]);
      const sent = await db.message.count({ where: { recipient: { startsWith: "backlog-" }, status: "SENT" } });
      expect(sent + queued.length).toBe(200);
      expect(sent).toBeLessThanOrEqual(smtp.received()); // nothing counted as sent that did not go
    } finally {
      await smtp.close();
    }
  }, 150_000);

  it("SIGHUP restarts the workers one by one while pages keep being answered", async () => {
    const smtp = await slowSmtp(0);
    const server = await start(unitCommand(), smtp.url, { WEB_CONCURRENCY: "2" });
    const workers = (text: string) => [...text.matchAll(/worker (\d+) listening/g)].map((match) => Number(match[1]));
    try {
      const before = workers(server.output.join(""));
      expect(before).toHaveLength(2);
      const statuses: number[] = [];
      let asking = true;
      const load = (async () => {
        while (asking)
          statuses.push(
            await fetch(`http://localhost:${server.port}/activities`).then(
              (response) => response.status,
              () => 0,
            ),
          );
      })();
      server.child.kill("SIGHUP");
      await expect.poll(() => server.output.join(""), { timeout: 60_000, interval: 200 }).toContain("workers restarted");
      asking = false;
      await load;
      const after = workers(server.output.join("")).filter((pid) => !before.includes(pid));
      expect(after).toHaveLength(2);
      expect(statuses.length).toBeGreaterThan(5);
      expect(statuses.filter((status) => status !== 200)).toEqual([]); // not one page refused or failed meanwhile
      server.child.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);
    } finally {
      await smtp.close();
    }
  }, 150_000);

  it("`npm start`: SIGTERM to npm's own process stops the server behind it (no orphan on the port)", async () => {
    const smtp = await slowSmtp(0);
    const server = await start(["npm", "start"], smtp.url);
    try {
      expect(await serves(server.port)).toBe(true);
      server.child.kill("SIGTERM"); // npm's pid, as a unit or container running `npm start` would signal
      await server.exited;
      const deadline = Date.now() + 10_000;
      while ((await serves(server.port)) && Date.now() < deadline) await sleep(200);
      expect(await serves(server.port), "the server still answers after npm exited").toBe(false);
      expect(server.output.join("")).toContain("Stopped.");
    } finally {
      await smtp.close();
    }
  }, 150_000);
});
