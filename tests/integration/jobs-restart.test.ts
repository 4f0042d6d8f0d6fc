// Issue 9: background jobs (offers, reminders, retention) survive a restart
// of the app and are not run twice for the same event. The queue and the
// schedule live in PostgreSQL (pg-boss), so a job queued while the app is down
// is worked on once it is up again; the sweeps themselves act only on rows
// that are still due, so running them again (after a restart, a second nudge,
// or a second worker at the same time) changes nothing more.
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cancelEnrolment } from "../../app/domain/enrolment/cancel.server.ts";
import { sendDueReminders } from "../../app/domain/enrolment/reminders.server.ts";
import { expireOverdueOffers } from "../../app/domain/enrolment/waiting-list.server.ts";
import { ANONYMISED } from "../../app/domain/households/personal-data.server.ts";
import { anonymiseInactiveHouseholds } from "../../app/domain/households/retention.server.ts";
import type { Prisma } from "../../app/generated/prisma/client.ts";
import { JOB_HANDLERS } from "../../app/job-handlers.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { JOBS, startJobs, stopJobs, type JobName } from "../../app/lib/job-queue.server.ts";
import { activity, household, householdLastSeen, signUpFamily } from "../setup/fixtures.ts";

const HOUR = 3_600_000;
const YEAR = 365.25 * 24 * HOUR;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Family = Awaited<ReturnType<typeof household>>;

// ---------------------------------------------------------------- due work of each kind

/** A full activity whose place was freed 25 hours ago: the offer to the first waiting family ran out an hour ago; another family waits behind it. */
async function overdueOffer() {
  const t0 = new Date(Date.now() - 25 * HOUR);
  const camp = await activity({ capacity: 1, offerHoldHours: 24 });
  const [holder, waiter, next] = [await household(), await household(), await household()];
  for (const family of [holder, waiter, next]) await signUpFamily(camp.id, family, { now: new Date(t0.getTime() - HOUR) });
  const holding = await db.enrolment.findFirstOrThrow({ where: { householdId: holder.id, activityId: camp.id } });
  await cancelEnrolment({ enrolmentId: holding.id, actor: { userId: holder.user!.id, personId: holder.guardian.id, isStaff: false } }, t0);
  const offer = await db.waitingListOffer.findFirstOrThrow({ where: { activityId: camp.id }, include: { signUp: true } });
  expect(offer.signUp.householdId).toBe(waiter.id);
  expect(offer.expiresAt.getTime()).toBeLessThan(Date.now());
  return { camp, waiter, next, offer };
}

/** A session 20 hours from now (reminders go 24 hours before) with two households that got their places two days ago. */
async function dueReminder() {
  const start = new Date(Date.now() + 20 * HOUR);
  const club = await activity({ sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR) }] });
  const families = [await household({ children: [{ firstName: "Yusuf" }, { firstName: "Lina" }] }), await household()];
  for (const family of families) await signUpFamily(club.id, family, { now: new Date(Date.now() - 48 * HOUR) });
  return { club, session: club.sessions[0]!, families };
}

/** A household that took part once, four years ago (retention is three), and has not been heard of since. */
const inactiveHousehold = () => householdLastSeen(new Date(Date.now() - 4 * YEAR));

type Offer = Awaited<ReturnType<typeof overdueOffer>>;
type Reminder = Awaited<ReturnType<typeof dueReminder>>;
const messages = (where: Prisma.MessageWhereInput) => db.message.count({ where });

// What each job does for its work, counted: a job run twice for the same event changes a number.

/** The overdue offer expired, the family told once, the place offered to the next family once. */
async function offerEffects({ camp, waiter, next, offer }: Offer) {
  const nextSignUp = await db.signUp.findFirstOrThrow({ where: { activityId: camp.id, householdId: next.id } });
  const status = async (householdId: string) => (await db.enrolment.findFirstOrThrow({ where: { activityId: camp.id, householdId } })).status;
  return {
    offers: await db.waitingListOffer.findMany({
      where: { activityId: camp.id },
      orderBy: { createdAt: "asc" },
      select: { signUp: { select: { householdId: true } }, outcome: true },
    }),
    expiredAudits: await db.auditEvent.count({ where: { action: "offer.expired", entityId: offer.signUpId } }),
    nextOfferedAudits: await db.auditEvent.count({ where: { action: "offer.made", entityId: nextSignUp.id } }),
    waiter: await status(waiter.id),
    next: await status(next.id),
    expiredMessages: await messages({ template: "offerExpired", householdId: waiter.id }),
    offerMessagesToNext: await messages({ template: "offerMade", householdId: next.id }),
  };
}

const offerDone = ({ waiter, next }: Offer) => ({
  offers: [
    { signUp: { householdId: waiter.id }, outcome: "EXPIRED" },
    { signUp: { householdId: next.id }, outcome: null },
  ],
  expiredAudits: 1,
  nextOfferedAudits: 1,
  waiter: "CANCELLED",
  next: "OFFERED",
  expiredMessages: 1,
  offerMessagesToNext: 1,
});

/**
 * One reminder per household for the session, queued once. (Delivering a queued message once, whatever runs at the
 * same time, is jobs.test.ts's; here the outbox rows are what a sweep run twice must not double.)
 */
async function reminderEffects({ session, families }: Reminder) {
  return {
    claimed: await db.reminderSent.count({ where: { sessionId: session.id } }),
    messages: await Promise.all(families.map((family) => messages({ template: "reminder", householdId: family.id }))),
  };
}

/** The household anonymised, once. */
async function retentionEffects(family: Family) {
  const guardian = await db.person.findUniqueOrThrow({ where: { id: family.guardian.id } });
  return {
    audits: await db.auditEvent.count({ where: { action: ANONYMISED, entityType: "Household", entityId: family.id } }),
    email: guardian.email,
    anonymisedAt: guardian.anonymisedAt,
  };
}

// ---------------------------------------------------------------- pg-boss

/** The three jobs of issue 9. */
const SWEEPS = [JOBS.expireOffers, JOBS.sendReminders, JOBS.anonymiseInactive] as const;

/** Another pg-boss client on the same database that only queues jobs (another instance, or the cron that fired just before shutdown). */
let sender: PgBoss;

beforeAll(async () => {
  sender = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2, supervise: false, schedule: false });
  sender.on("error", () => {});
  await sender.start();
});

afterAll(async () => {
  await stopJobs();
  await sender?.stop({ graceful: false, wait: true });
});

/** Queues a job. The queues are "stately": while one of the same name is already waiting, wait for it to be taken and try again. */
async function queue(name: JobName): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const id = await sender.send(name, {});
    if (id) return id;
    if (Date.now() > deadline) throw new Error(`could not queue ${name}`);
    await sleep(100);
  }
}

async function jobRows(ids: string[]) {
  return db.$queryRaw<{ id: string; name: string; state: string; retryCount: number }[]>`
    SELECT id::text, name, state::text, retry_count AS "retryCount" FROM pgboss.job WHERE id = ANY(${ids}::uuid[]) ORDER BY name`;
}

/** Waits until these jobs have been worked on; each must have completed at the first try. */
async function completed(ids: string[]) {
  await expect.poll(async () => (await jobRows(ids)).filter((job) => job.state === "completed").length, { timeout: 15_000, interval: 100 }).toBe(ids.length);
  for (const job of await jobRows(ids)) expect(job, job.name).toMatchObject({ state: "completed", retryCount: 0 });
}

/**
 * The app's background jobs as a newly started process loads them: fresh modules, so nothing a previous run kept in
 * memory is there. (PostgreSQL, the database client and the handle of the running pg-boss are shared, as in one process.)
 */
async function freshApp() {
  vi.resetModules();
  return import("../../app/job-handlers.server.ts");
}

const noop = async () => 0;
const NO_WORK = {
  [JOBS.deliverMessages]: noop,
  [JOBS.expireOffers]: noop,
  [JOBS.sendReminders]: noop,
  [JOBS.deleteExpiredData]: noop,
  [JOBS.anonymiseInactive]: noop,
  [JOBS.nightlyBackup]: noop,
};

/** Each queue's settings as pg-boss keeps them (new jobs take their expiry from their queue). */
async function queueSettings() {
  const rows = await db.$queryRaw<{ name: JobName; policy: string; retryLimit: number; expireSeconds: number | null }[]>`
    SELECT name, policy, retry_limit AS "retryLimit", expire_seconds AS "expireSeconds"
    FROM pgboss.queue WHERE name = ANY(${Object.values(JOBS)}::text[]) ORDER BY name`;
  return Object.fromEntries(rows.map(({ name, ...settings }) => [name, settings]));
}

/** How long pg-boss lets a job stay active, and why it ended if it failed. */
async function expiry(id: string) {
  const [row] = await db.$queryRaw<{ expireSeconds: number; message: string | null }[]>`
    SELECT EXTRACT(epoch FROM expire_in)::int AS "expireSeconds", output->'value'->>'message' AS message FROM pgboss.job WHERE id = ${id}::uuid`;
  return row;
}

describe("background jobs across a restart", () => {
  it("jobs queued while the app is down are done once it is up, once; after a restart, running them again changes nothing", async () => {
    // The app has run before (its queues exist) and is stopped.
    await startJobs(NO_WORK, { schedule: false });
    await stopJobs();

    const [offer, reminder, inactive] = [await overdueOffer(), await dueReminder(), await inactiveHousehold()];
    const effects = async () => ({ offer: await offerEffects(offer), reminder: await reminderEffects(reminder), retention: await retentionEffects(inactive) });
    const before = await effects();
    expect(before).toMatchObject({
      offer: { expiredAudits: 0, waiter: "OFFERED", next: "WAITING" },
      reminder: { claimed: 0, messages: [0, 0] },
      retention: { audits: 0, anonymisedAt: null },
    });

    // While it is down, the jobs are queued (by another instance, or the schedule just before the stop): they wait in PostgreSQL.
    const queued = [];
    for (const name of SWEEPS) queued.push(await queue(name));
    expect((await jobRows(queued)).map((job) => job.state)).toEqual(["created", "created", "created"]);

    try {
      // The app starts: the queued jobs run, each once at the first try, and do their work.
      await (await freshApp()).startBackgroundJobs();
      await completed(queued);
      const first = await effects();
      expect(first).toEqual({
        offer: offerDone(offer),
        reminder: { claimed: 2, messages: [1, 1] },
        retention: { audits: 1, email: null, anonymisedAt: expect.any(Date) },
      });

      // Restart: stop, start again, and run every job twice more (as the schedule and other instances would).
      await stopJobs();
      await (await freshApp()).startBackgroundJobs();
      await Promise.all(
        SWEEPS.map(async (name) => {
          for (let run = 0; run < 2; run++) await completed([await queue(name)]);
        }),
      );
      expect(await effects()).toEqual(first);
    } finally {
      await stopJobs();
    }
  });

  it("a job still running when the app stops is finished, not abandoned, and not run again after the restart", async () => {
    const offer = await overdueOffer();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let finished = false;
    try {
      await startJobs(
        {
          ...NO_WORK,
          [JOBS.expireOffers]: async () => {
            started();
            await gate; // the sweep is under way when the stop comes
            const expired = await expireOverdueOffers();
            finished = true;
            return expired;
          },
        },
        { schedule: false },
      );
      const id = await queue(JOBS.expireOffers);
      await running;
      const stopping = stopJobs();
      await sleep(300);
      release();
      await stopping;
      // The stop waited for the job: its work is done and it is marked completed (not failed, which would retry it).
      expect(finished).toBe(true);
      expect(await jobRows([id])).toMatchObject([{ state: "completed", retryCount: 0 }]);
      expect(await offerEffects(offer)).toMatchObject({ expiredAudits: 1, waiter: "CANCELLED", next: "OFFERED" });

      // Up again: the job is not run a second time, and another sweep finds nothing left to do.
      await (await freshApp()).startBackgroundJobs();
      await completed([await queue(JOBS.expireOffers)]);
      expect(await jobRows([id])).toMatchObject([{ state: "completed", retryCount: 0 }]);
      expect(await offerEffects(offer)).toEqual(offerDone(offer));
    } finally {
      release();
      await stopJobs();
    }
  });

  it("a run lost in a crash does not hold the job back", async () => {
    // An installation from before the queues had an expiry of their own: pg-boss's default, 15 minutes. (The queues of
    // the tests above are made again as that version made them; pg-boss drops a queue only without its jobs.)
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ANY(${Object.values(JOBS)}::text[])`;
    for (const name of Object.values(JOBS)) {
      await sender.deleteQueue(name);
      await sender.createQueue(name, { name, policy: "stately", retryLimit: 3, retryDelay: 30 });
    }
    expect(Object.values(await queueSettings()).map((queue) => queue.expireSeconds)).toEqual(Object.values(JOBS).map(() => null));

    // The app starts as in production and brings the existing queues up to date: a lost run of a frequent job is
    // given up after two minutes at most (then the next run may start).
    await startJobs(NO_WORK, { schedule: false });
    await stopJobs();
    const settings = await queueSettings();
    for (const name of Object.values(JOBS)) {
      expect(settings[name], name).toMatchObject({ policy: "stately", retryLimit: 3, expireSeconds: expect.any(Number) });
    }
    expect(settings[JOBS.deliverMessages]!.expireSeconds).toBeLessThanOrEqual(120);
    expect(settings[JOBS.expireOffers]!.expireSeconds).toBeLessThanOrEqual(120);

    // The same with the expiry shortened to 2 seconds, so this test need not wait two minutes.
    await startJobs(NO_WORK, { schedule: false, expireInSeconds: 2 });
    await stopJobs();
    expect(Object.values(await queueSettings()).map((queue) => queue.expireSeconds)).toEqual(Object.values(JOBS).map(() => 2));

    // A process takes an expire-offers job and dies before finishing it: the job stays active, as nobody completes or fails it.
    const crashed = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2, supervise: false, schedule: false });
    crashed.on("error", () => {});
    await crashed.start();
    const lostId = (await crashed.send(JOBS.expireOffers, {}))!;
    const [lost] = await crashed.fetch(JOBS.expireOffers);
    expect(lost?.id).toBe(lostId);
    await crashed.stop({ graceful: false, wait: true });
    expect(await jobRows([lostId])).toMatchObject([{ state: "active" }]);
    expect(await expiry(lostId)).toEqual({ expireSeconds: 2, message: null });

    // Meanwhile an offer runs out. The app is up again and the sweep is asked for: it runs within seconds, although
    // the lost run is still marked active and the queue runs one expire-offers job at a time.
    const offer = await overdueOffer();
    try {
      await startJobs(JOB_HANDLERS, { schedule: false, expireInSeconds: 2 });
      const id = await queue(JOBS.expireOffers);
      const asked = Date.now();
      await expect.poll(async () => (await jobRows([id]))[0]?.state, { timeout: 10_000, interval: 100 }).toBe("completed");
      expect(Date.now() - asked).toBeLessThan(10_000);
      expect(await offerEffects(offer)).toEqual(offerDone(offer));

      // The lost run was given up by pg-boss (to be retried later, when it finds nothing left to do), not left active.
      expect(await jobRows([id, lostId])).toEqual(
        expect.arrayContaining([expect.objectContaining({ id, state: "completed", retryCount: 0 }), expect.objectContaining({ id: lostId, state: "retry" })]),
      );
      expect(await expiry(lostId)).toEqual({ expireSeconds: 2, message: "job failed by timeout in active state" });
    } finally {
      await stopJobs();
    }
  });
});

// pg-boss runs one job of a name at a time ("stately" queues), but a job that outlives its expiry is retried while the
// first run goes on, and staff act while the jobs run: the sweeps themselves must not do the same work twice.
describe("two sweeps at the same time", () => {
  const twice = <T>(sweep: () => Promise<T>) => Promise.all([sweep(), sweep()]);

  it("expire an overdue offer once and offer the place to the next family once", async () => {
    const offer = await overdueOffer();
    const [a, b] = await twice(() => expireOverdueOffers());
    expect(a + b).toBe(1);
    expect(await offerEffects(offer)).toEqual(offerDone(offer));
  });

  it("remind each household once", async () => {
    const reminder = await dueReminder();
    const [a, b] = await twice(() => sendDueReminders());
    expect(a + b).toBe(2);
    expect(await reminderEffects(reminder)).toMatchObject({ claimed: 2, messages: [1, 1] });
  });

  it("anonymise an inactive household once", async () => {
    const inactive = await inactiveHousehold();
    const [a, b] = await twice(() => anonymiseInactiveHouseholds());
    expect(await retentionEffects(inactive)).toMatchObject({ audits: 1, email: null });
    expect(a.households + b.households).toBe(1);
  });
});
