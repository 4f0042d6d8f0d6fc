// The database restarts during a burst of sign-ups (issue 9). The app runs as
// its own process (production build and mode) on its own embedded
// PostgreSQL; 60 parents sign up for an activity with 20 places over ~3 s,
// and PostgreSQL is stopped for about a second in the middle. Afterwards:
// every answer was a redirect (signed up) or the translated 503 "try again in
// a minute" page (no stack trace), as is every page asked for while the
// database is away (issue 20); the app serves again by itself, and the places are right —
// no half-made sign-up, no more confirmed than places, the confirmed the
// first to arrive, and a retry of a refused sign-up goes through.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionEnvironment, startApp, startMailSink, type AppInstance } from "../../bench/lib.ts";
import { createDb } from "../../app/lib/db-client.ts";
import { hashToken } from "../../app/lib/session.server.ts";
import { ensureDatabaseExists } from "../../server/database.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/embedded-postgres.ts";
import { freePort } from "../../server/net.ts";

const PARENTS = 60;
const CAPACITY = 20;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-restart-"));
fs.chmodSync(dataDir, 0o755);
let pg: EmbeddedPostgres;
let port: number;
let app: AppInstance;
let mail: Awaited<ReturnType<typeof startMailSink>>;
let url: string;

beforeAll(async () => {
  port = await freePort();
  pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port });
  await ensureDatabaseExists(pg.adminUrl, "portal_restart");
  url = pg.urlFor("portal_restart");
  mail = await startMailSink();
  app = await startApp({ ...productionEnvironment(url, mail.url), SEED_DEMO_DATA: "", DATABASE_POOL_SIZE: "5" }, { quiet: true });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await mail?.close();
  await pg?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function setUp() {
  const db = createDb(url, 2);
  const type = await db.activityType.create({ data: { code: "camp", name: { da: "Lejr" }, icon: "star" } });
  const effort = await db.effortArea.create({ data: { code: "fritid", name: { da: "Fritid" } } });
  const start = new Date(Date.now() + 14 * 86_400_000);
  const camp = await db.activity.create({
    data: {
      slug: "sommerlejr",
      typeId: type.id,
      effortAreaId: effort.id,
      status: "PUBLISHED",
      title: { da: "Sommerlejr" },
      description: { da: "Lejr" },
      place: "Fælleshuset",
      capacity: CAPACITY,
      sessions: { create: { startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000) } },
    },
  });
  const parents = [];
  for (let i = 0; i < PARENTS; i++) {
    const guardian = await db.person.create({ data: { firstName: `Forælder${i}`, lastName: "Test", email: `restart-${i}@example.dk` } });
    const user = await db.user.create({ data: { personId: guardian.id, role: "PARENT", email: guardian.email } });
    const child = await db.person.create({ data: { firstName: `Barn${i}`, lastName: "Test", birthDate: new Date("2016-05-01T00:00:00Z") } });
    await db.household.create({
      data: {
        members: {
          create: [
            { personId: guardian.id, role: "GUARDIAN" },
            { personId: child.id, role: "CHILD" },
          ],
        },
      },
    });
    const token = `restart-token-${i}-${crypto.randomUUID()}`;
    await db.session.create({ data: { id: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    parents.push({ cookie: `__Host-session=${token}`, childId: child.id });
  }
  await db.$disconnect();
  return { camp, parents };
}

const signUp = (parent: { cookie: string; childId: string }, key: string) =>
  fetch(`${app.base}/activities/sommerlejr`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: parent.cookie, Origin: app.base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ personId: parent.childId, consent: "on", idempotencyKey: key }),
  });

describe("PostgreSQL restarts during a burst of sign-ups", () => {
  it("answers with a translated error page meanwhile, recovers by itself, and keeps the places right", async () => {
    const { camp, parents } = await setUp();
    const keys = parents.map(() => crypto.randomUUID());
    const answers: { i: number; status: number; body: string }[] = [];
    const burst = parents.map(async (parent, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 50)); // 60 over 3 s
      const response = await signUp(parent, keys[i]!);
      answers.push({ i, status: response.status, body: await response.text() });
    });
    // Stop the database 1 s into the burst, start it again a second later (same data).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await pg.stop();
    // Meanwhile every page, in any language, is the "try again in a minute" page (issue 20), not a 500.
    const pages = await Promise.all(
      ["/", "/activities/sommerlejr?lng=ar", "/login?lng=en"].map(async (page) => {
        const response = await fetch(`${app.base}${page}`);
        return { page, status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port });
    await Promise.all(burst);

    expect(pages.map(({ page, status, retryAfter }) => ({ page, status, retryAfter }))).toEqual([
      { page: "/", status: 503, retryAfter: "60" },
      { page: "/activities/sommerlejr?lng=ar", status: 503, retryAfter: "60" },
      { page: "/login?lng=en", status: 503, retryAfter: "60" },
    ]);
    expect(pages[0]!.body).toContain("Prøv igen om et minut.");
    expect(pages[1]!.body).toContain('<html lang="ar" dir="rtl"');
    expect(pages[1]!.body).toContain("يرجى المحاولة مرة أخرى بعد دقيقة");
    expect(pages[2]!.body).toContain("Please try again in a minute.");

    const failed = answers.filter((answer) => answer.status !== 302);
    expect(failed.length).toBeGreaterThan(0); // the restart did hit the burst
    for (const answer of failed) {
      // The sign-ups the outage hit: the same 503 page (Danish: the request names no language), no technical detail.
      expect(answer.status).toBe(503);
      expect(answer.body).toContain("Portalen kan ikke nå sine data lige nu. Prøv igen om et minut.");
      expect(answer.body).not.toMatch(/at .+\.(ts|js):\d+|Prisma|ECONNREFUSED|57P01/); // no stack, no driver message
    }

    // The app reconnects by itself: the health check and the same sign-ups again (same keys: no doubles).
    let healthy = false;
    for (let tries = 0; tries < 50 && !healthy; tries++) {
      healthy = (await fetch(`${app.base}/healthz`)).status === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(healthy).toBe(true);
    for (const answer of failed) expect((await signUp(parents[answer.i]!, keys[answer.i]!)).status).toBe(302);

    const db = createDb(url, 2);
    try {
      const signUps = await db.signUp.findMany({
        where: { activityId: camp.id },
        orderBy: { seq: "asc" },
        select: { enrolments: { select: { status: true } } },
      });
      expect(signUps).toHaveLength(PARENTS); // every parent once: nothing lost, nothing doubled
      expect(signUps.every((signUp) => signUp.enrolments.length === 1)).toBe(true); // no half-made sign-up
      const statuses = signUps.map((signUp) => signUp.enrolments[0]!.status);
      expect(statuses.slice(0, CAPACITY).every((status) => status === "CONFIRMED")).toBe(true);
      expect(statuses.slice(CAPACITY).every((status) => status === "WAITING")).toBe(true);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});

describe("in production mode", () => {
  it("seeds no demo data by itself (the demo's admin account must never reach a real database)", async () => {
    const db = createDb(url, 2);
    try {
      expect(await db.user.count({ where: { email: "admin@aktivitetsportalen.dk" } })).toBe(0);
      expect(await db.housingArea.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("sends HSTS, and every cookie is HttpOnly, SameSite=Lax and Secure — the session's under a __Host- name", async () => {
    const db = createDb(url, 2);
    const user = await db.user.create({
      data: { role: "PARENT", email: "production-cookies@example.dk", person: { create: { firstName: "Prod", lastName: "Test" } } },
    });
    const token = `production-token-${crypto.randomUUID()}`;
    // Past half its life, so the answer renews the session and sends its cookie again.
    await db.session.create({ data: { id: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    await db.$disconnect();

    const account = await fetch(`${app.base}/account`, { headers: { Cookie: `__Host-session=${token}` }, redirect: "manual" });
    expect(account.status).toBe(200);
    expect(account.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const login = await fetch(`${app.base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: app.base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ identifier: "production-cookies@example.dk" }),
    });
    expect(login.status).toBe(302);
    const language = await fetch(`${app.base}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: app.base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ language: "ar" }),
    });
    const cookies = [account, login, language].flatMap((answer) => answer.headers.getSetCookie());
    expect(cookies.map((cookie) => cookie.split("=")[0])).toEqual(["__Host-session", "signin", expect.any(String)]);
    for (const cookie of cookies) {
      const attributes = cookie.split(";").map((part) => part.trim().toLowerCase());
      expect(attributes, cookie.split("=")[0]).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure"]));
    }
  });
});
