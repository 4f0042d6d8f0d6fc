// The system page (issue 20): staff see the version, the last backup (and the
// last good one after a failure), the job queue's depth and failed jobs, the
// messages that failed or were reported undelivered in the last 7 days, and
// whether the database answers — counts only, no personal data.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { systemStatus } from "../../app/domain/staff/system.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { JOBS, startJobs, stopJobs, type JobHandlers } from "../../app/lib/job-queue.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { createUser } from "../setup/helpers.ts";

vi.hoisted(() => {
  // No nightly backup configured here (another file in the same worker may have set it).
  delete process.env.BACKUP_DIR;
  delete process.env.BACKUP_KEEP_DAYS;
});

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const noop = async () => 0;

beforeAll(async () => {
  // The job queue's tables exist once the app has started its jobs.
  await startJobs(Object.fromEntries(Object.values(JOBS).map((name) => [name, noop])) as JobHandlers, { schedule: false });
  await stopJobs();
});

async function message(data: { status: "QUEUED" | "SENT" | "FAILED"; createdAt: Date; deliveryStatus?: string; channel?: "SMS" | "EMAIL" }) {
  await db.message.create({
    data: {
      channel: data.channel ?? "SMS",
      recipient: "+4512345678",
      language: "da",
      template: "broadcast",
      body: "Hej",
      status: data.status,
      createdAt: data.createdAt,
      nextAttemptAt: data.createdAt,
      deliveryStatus: data.deliveryStatus ?? null,
    },
  });
}

async function job(name: string, state: "created" | "active" | "failed" | "completed", completedOn: Date | null) {
  await db.$executeRaw`INSERT INTO pgboss.job (name, state, completed_on) VALUES (${name}, ${state}::pgboss.job_state, ${completedOn})`;
}

describe("the system page", () => {
  it("shows the last backup, and the last good one after a failure", async () => {
    const before = await systemStatus(now);
    expect(before.databaseUp).toBe(true);
    expect(before.backups).toMatchObject({ enabled: false, keepDays: 14, last: null, lastSuccessful: null });
    expect(before.version).toMatch(/^\d+\.\d+\.\d+/);

    await db.backupRun.create({
      data: { startedAt: ago(2), finishedAt: ago(2), ok: true, fileName: "aktivitetsportalen-x.jsonl.gz", bytes: 5_000_000_000n, rows: 10, pruned: 1 },
    });
    await db.backupRun.create({ data: { startedAt: ago(1), finishedAt: ago(1), ok: false, error: "PostgreSQL error 57P01" } });
    const after = await systemStatus(now);
    expect(after.backups.last).toMatchObject({ ok: false, bytes: null, startedAt: ago(1).toISOString() });
    expect(after.backups.lastSuccessful).toMatchObject({ ok: true, bytes: 5_000_000_000, pruned: 1, startedAt: ago(2).toISOString() });
  });

  it("counts the failed and undelivered messages of the last 7 days and the ones waiting to go", async () => {
    const before = (await systemStatus(now)).messages!;
    await message({ status: "FAILED", createdAt: ago(1), deliveryStatus: "UNDELIVERABLE" });
    await message({ status: "FAILED", createdAt: ago(3), channel: "EMAIL" });
    await message({ status: "FAILED", createdAt: ago(10), deliveryStatus: "EXPIRED" }); // older than the window
    await message({ status: "SENT", createdAt: ago(1), deliveryStatus: "DELIVERED" });
    await message({ status: "QUEUED", createdAt: ago(0.01) });
    await message({ status: "QUEUED", createdAt: new Date(now.getTime() + DAY) }); // not due yet (night-time SMS)
    const after = (await systemStatus(now)).messages!;
    expect(after).toEqual({ failed: before.failed + 2, undelivered: before.undelivered + 1, waiting: before.waiting + 1 });
  });

  it("shows the job queue's depth and the jobs that failed in the last 7 days, per job", async () => {
    await job(JOBS.nightlyBackup, "failed", ago(1));
    await job(JOBS.nightlyBackup, "failed", ago(9));
    await job(JOBS.deliverMessages, "created", null);
    await job(JOBS.deliverMessages, "created", null);
    await job(JOBS.sendReminders, "active", null);
    await job(JOBS.sendReminders, "completed", ago(1));
    // A failed job pg-boss has already moved to its archive still counts.
    await job(JOBS.expireOffers, "failed", ago(2));
    await db.$executeRaw`WITH moved AS (DELETE FROM pgboss.job WHERE name = ${JOBS.expireOffers} AND state = 'failed' RETURNING *)
      INSERT INTO pgboss.archive SELECT moved.*, now() FROM moved`;
    const jobs = (await systemStatus(now)).jobs!;
    expect(jobs.queues.find((queue) => queue.name === JOBS.nightlyBackup)).toEqual({ name: JOBS.nightlyBackup, waiting: 0, active: 0, failed: 1 });
    expect(jobs.queues.find((queue) => queue.name === JOBS.deliverMessages)).toMatchObject({ waiting: 2, failed: 0 });
    expect(jobs.queues.find((queue) => queue.name === JOBS.sendReminders)).toMatchObject({ active: 1, failed: 0 });
    expect(jobs.queues.find((queue) => queue.name === JOBS.expireOffers)).toMatchObject({ failed: 1 });
    expect(jobs).toMatchObject({ waiting: 2, active: 1, failed: 2 });
    expect(jobs.queues.map((queue) => queue.name)).toEqual(Object.values(JOBS));
  });

  it("is the staff page's loader, for staff and admins", async () => {
    const { loader } = await import("../../app/routes/staff.system.tsx");
    for (const role of ["STAFF", "ADMIN"] as const) {
      const user = await createUser({ role, email: `${role.toLowerCase()}-system@example.dk` });
      const cookie = (await createUserSession(user.id)).split(";")[0]!;
      const request = new Request("http://localhost/staff/system", { headers: { Cookie: cookie } });
      const status = await loader({ request, params: {}, context: {} } as LoaderFunctionArgs);
      expect(status).toMatchObject({ databaseUp: true, backups: { last: { ok: false } }, jobs: { failed: 2 } });
      // Nothing personal: no recipient, no message text.
      expect(JSON.stringify(status)).not.toMatch(/\+4512345678|Hej/);
    }
  });
});
