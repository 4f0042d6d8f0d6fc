// Background work: the message outbox with retries, reminders, clean-up,
// and pg-boss really running a job against PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import { deleteExpiredData } from "../../app/domain/accounts/cleanup.server.ts";
import { sendDueReminders } from "../../app/domain/enrolment/reminders.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { JOBS, nudge, startJobs, stopJobs } from "../../app/lib/job-queue.server.ts";
import { deliverDueMessages, queueMessage, LEASE_MS, MAX_ATTEMPTS } from "../../app/lib/messages/send.server.ts";
import { activity, household, signUpFamily } from "../setup/fixtures.ts";
import { lastMessageTo } from "../setup/helpers.ts";

afterAll(() => stopJobs());

describe("message outbox", () => {
  it("delivers a queued message once, however many workers run at the same time", async () => {
    await queueMessage(db, { email: "once@example.dk", language: "da" }, "cancelled", { names: "Lina", activity: "Lektiecafé" });
    const results = await Promise.all([deliverDueMessages(), deliverDueMessages(), deliverDueMessages()]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBeGreaterThanOrEqual(1);
    expect(await db.devOutboxItem.count({ where: { recipient: "once@example.dk" } })).toBe(1);
  });

  it("retries a failing delivery with growing pauses and gives up after the last try", async () => {
    // An SMS gateway that never answers: a closed port (the environment is read per send).
    const { env } = await import("../../app/lib/env.server.ts");
    const saved = { ...env() };
    Object.assign(env(), { SMS_GATEWAY_URL: "http://127.0.0.1:9/sms" });
    try {
      await queueMessage(db, { phone: "+4520111111", language: "da" }, "cancelled", { names: "Omar", activity: "Brandkadet" });
      let now = new Date();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await deliverDueMessages(now);
        const message = await db.message.findFirstOrThrow({ where: { recipient: "+4520111111" } });
        expect(message.attempts).toBe(attempt);
        expect(message.status).toBe(attempt < MAX_ATTEMPTS ? "QUEUED" : "FAILED");
        // Not retried before its time.
        expect((await deliverDueMessages(now)).failed).toBe(0);
        now = new Date(message.nextAttemptAt.getTime() + 1);
      }
    } finally {
      Object.assign(env(), saved);
    }
  });
});

describe("a slow delivery run", () => {
  it("keeps its claim while it sends: a run starting a minute later (after its pg-boss expiry) does not send the same message", async () => {
    // An SMS gateway that answers after a second, counting what it receives.
    const http = await import("node:http");
    const received: string[] = [];
    const gateway = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push(body);
        setTimeout(() => response.end("{}"), 1_000);
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
    const { env } = await import("../../app/lib/env.server.ts");
    const saved = { ...env() };
    Object.assign(env(), { SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as { port: number }).port}/sms` });
    try {
      await queueMessage(db, { phone: "+4520333333", language: "da" }, "cancelled", { names: "Lina", activity: "Lejr" });
      const start = new Date(Date.now() + 1_000);
      const first = deliverDueMessages(start);
      await expect.poll(() => received.length, { timeout: 5_000, interval: 20 }).toBe(1);
      const second = await deliverDueMessages(new Date(start.getTime() + 60_000));
      await first;
      expect(second.sent).toBe(0);
      expect(received).toHaveLength(1);
      expect(await db.message.findFirstOrThrow({ where: { recipient: "+4520333333" } })).toMatchObject({ status: "SENT", attempts: 1 });
    } finally {
      Object.assign(env(), saved);
      gateway.close();
    }
  });
});

describe("stops, crashes and a database that goes away (issue 20)", () => {
  /** An SMS gateway on a port of its own that counts what it receives and answers after `delayMs`. */
  async function gateway(delayMs = 0, onReceive: () => Promise<void> | void = () => {}) {
    const http = await import("node:http");
    const received: string[] = [];
    const server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", async () => {
        received.push(body);
        await onReceive();
        setTimeout(() => response.end("{}"), delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { env } = await import("../../app/lib/env.server.ts");
    const saved = { ...env() };
    Object.assign(env(), { SMS_GATEWAY_URL: `http://127.0.0.1:${(server.address() as { port: number }).port}/sms` });
    return {
      received,
      close() {
        Object.assign(env(), saved);
        server.close();
      },
    };
  }

  it("on a stop, claims no more and hands back the rest of its batch at once, uncounted", async () => {
    const sms = await gateway(200);
    try {
      for (let i = 0; i < 5; i++) await queueMessage(db, { phone: `+452044440${i}`, language: "da" }, "cancelled", { names: "Lina", activity: "Lejr" });
      let stopping = false;
      const run = deliverDueMessages(new Date(), { stopping: () => stopping });
      await expect.poll(() => sms.received.length, { timeout: 5_000, interval: 20 }).toBe(1);
      stopping = true;
      // (sent: 1 — the messages of the tests above are all delivered by now)
      expect(await run).toEqual({ sent: 1, failed: 0 });
      const rest = await db.message.findMany({ where: { recipient: { startsWith: "+452044440" }, status: "QUEUED" } });
      expect(rest).toHaveLength(4);
      for (const message of rest) {
        expect(message.attempts).toBe(0);
        expect(message.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now()); // due now, not in 15 minutes
      }
    } finally {
      sms.close();
    }
  });

  it("a message claimed by a run that died is sent by another run within its 2-minute lease", async () => {
    const sms = await gateway();
    try {
      await queueMessage(db, { phone: "+4520555555", language: "da" }, "cancelled", { names: "Omar", activity: "Lejr" });
      // The claim a run makes, and then the run is gone (kill -9).
      const claimedAt = new Date();
      await db.message.updateMany({
        where: { recipient: "+4520555555" },
        data: { attempts: { increment: 1 }, nextAttemptAt: new Date(claimedAt.getTime() + LEASE_MS) },
      });
      expect(LEASE_MS).toBeLessThanOrEqual(2 * 60_000);
      const status = async () => (await db.message.findFirstOrThrow({ where: { recipient: "+4520555555" } })).status;
      await deliverDueMessages(new Date(claimedAt.getTime() + 60_000));
      expect(await status()).toBe("QUEUED"); // still the dead run's
      await deliverDueMessages(new Date(claimedAt.getTime() + 2 * 60_000 + 1_000));
      expect(await status()).toBe("SENT");
      expect(sms.received.filter((body) => body.includes("+4520555555"))).toHaveLength(1);
    } finally {
      sms.close();
    }
  });

  it("does not send again a message whose sending worked but whose 'sent' mark failed", async () => {
    // The database refuses the 'sent' mark of this one message (as if it went away just then), once.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_sent() RETURNS trigger AS $$
      BEGIN IF NEW.status = 'SENT' AND NEW.recipient = '+4520666666' THEN RAISE EXCEPTION 'database away'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_sent BEFORE UPDATE ON "Message" FOR EACH ROW EXECUTE FUNCTION refuse_sent()`);
    const sms = await gateway();
    try {
      await queueMessage(db, { phone: "+4520666666", language: "da" }, "cancelled", { names: "Sara", activity: "Lejr" });
      const now = new Date();
      await expect(deliverDueMessages(now)).rejects.toThrow(/database away/);
      const toSara = () => sms.received.filter((body) => body.includes("+4520666666"));
      expect(toSara()).toHaveLength(1);
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_sent ON "Message"`);
      // Later runs, past any backoff or lease: the message is recorded as sent, not sent again.
      await deliverDueMessages(new Date(now.getTime() + 3 * 60_000));
      await deliverDueMessages(new Date(now.getTime() + 20 * 60_000));
      expect(toSara()).toHaveLength(1);
      expect(await db.message.findFirstOrThrow({ where: { recipient: "+4520666666" } })).toMatchObject({ status: "SENT", attempts: 1 });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_sent ON "Message"`);
      sms.close();
    }
  });
});

describe("reminders", () => {
  it("reminds each household once, the day before, in its language", async () => {
    const start = new Date(Date.now() + 30 * 3_600_000);
    const camp = await activity({ sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) }] });
    const family = await household({ children: [{ firstName: "Yusuf" }, { firstName: "Lina" }] });
    await signUpFamily(camp.id, family);

    expect(await sendDueReminders(new Date(start.getTime() - 25 * 3_600_000))).toBe(0); // too early
    const dayBefore = new Date(start.getTime() - 24 * 3_600_000);
    const [a, b] = await Promise.all([sendDueReminders(dayBefore), sendDueReminders(dayBefore)]);
    expect(a + b).toBe(1);
    expect(await sendDueReminders(new Date(start.getTime() - 3_600_000))).toBe(0);
    await deliverDueMessages();
    expect((await lastMessageTo(family.guardian.email!))?.body).toContain("Yusuf og Lina");
  });
});

describe("clean-up", () => {
  it("deletes old challenges, counters, expired sessions, old outbox mail and week-old form keys, and keeps the rest", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 3 * 24 * 3_600_000);
    await db.signInChallenge.createMany({
      data: [
        { identifier: "old@example.dk", channel: "EMAIL", codeHash: "x", expiresAt: old, createdAt: old },
        { identifier: "new@example.dk", channel: "EMAIL", codeHash: "x", expiresAt: now },
      ],
    });
    await db.rateLimitBucket.createMany({
      data: [
        { key: "k-old", windowStart: old, count: 1 },
        { key: "k-new", windowStart: now, count: 1 },
      ],
    });
    // A form's once-only key (ADR 015) is kept a week: a page left open and sent again days later still finds it.
    const week = 7 * 24 * 3_600_000;
    await db.formSubmission.createMany({
      data: [
        { key: "cleanup-old-form", kind: "walkIn", createdAt: new Date(now.getTime() - week - 60_000) },
        { key: "cleanup-new-form", kind: "walkIn", createdAt: new Date(now.getTime() - week + 60_000) },
      ],
    });
    const result = await deleteExpiredData(now);
    expect(await db.formSubmission.findMany({ where: { key: { startsWith: "cleanup-" } }, select: { key: true } })).toEqual([{ key: "cleanup-new-form" }]);
    expect(result.formSubmissions).toBeGreaterThanOrEqual(1);
    expect(result.challenges).toBeGreaterThanOrEqual(1);
    expect(await db.signInChallenge.count({ where: { identifier: "old@example.dk" } })).toBe(0);
    expect(await db.signInChallenge.count({ where: { identifier: "new@example.dk" } })).toBe(1);
    expect(await db.rateLimitBucket.count({ where: { key: { in: ["k-old", "k-new"] } } })).toBe(1);
  });
});

describe("pg-boss", () => {
  it("runs a nudged job in a worker and delivers the queued message", async () => {
    let runs = 0;
    await startJobs(
      {
        [JOBS.deliverMessages]: async () => {
          runs++;
          return deliverDueMessages();
        },
        [JOBS.expireOffers]: async () => 0,
        [JOBS.sendReminders]: async () => 0,
        [JOBS.deleteExpiredData]: async () => 0,
        [JOBS.anonymiseInactive]: async () => 0,
        [JOBS.nightlyBackup]: async () => 0,
      },
      { schedule: false },
    );
    await queueMessage(db, { email: "queued@example.dk", language: "en" }, "cancelled", { names: "Sara", activity: "Camp" });
    // No schedule in this test: only the nudge can make the worker run, within seconds.
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.schedule`).toEqual([{ n: 0 }]);
    await nudge(JOBS.deliverMessages);
    await expect.poll(() => db.devOutboxItem.count({ where: { recipient: "queued@example.dk" } }), { timeout: 10_000, interval: 100 }).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(1);
  });
});
