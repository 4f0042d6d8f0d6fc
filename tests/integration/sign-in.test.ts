// Passwordless sign-in against real PostgreSQL and a real SMTP round trip.
import { describe, expect, it } from "vitest";
import { parseIdentifier, type Identifier } from "../../app/domain/accounts/identifier.ts";
import {
  CODE_TTL_MINUTES,
  landingAfterSignIn,
  LIMITS,
  limitMessage,
  MAX_ATTEMPTS,
  startSignIn,
  verifySignIn,
} from "../../app/domain/accounts/sign-in.server.ts";
import { signInCookie } from "../../app/lib/cookies.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { RateLimitedError } from "../../app/lib/rate-limit.server.ts";
import { HONEYPOT_FIELD } from "../../app/lib/honeypot.ts";
import { action as signInAction } from "../../app/routes/login._index.tsx";
import { action as codeAction } from "../../app/routes/login.code.tsx";
import { codeIn, createUser, lastMessageTo, statementsOf } from "../setup/helpers.ts";

const id = (text: string) => parseIdentifier(text) as Identifier;
let ipCounter = 0;
const freshIp = () => `10.0.0.${++ipCounter}`;

describe("sign-in with a one-time code", () => {
  it("e-mails a 6-digit code in the account's language and signs the existing account in", async () => {
    const user = await createUser({ role: "PARENT", email: "amira@example.dk" });
    await db.user.update({ where: { id: user.id }, data: { language: "ar" } });
    const { challengeId } = await startSignIn({ identifier: id("Amira@Example.dk "), ip: freshIp(), language: "da" });

    const mail = await lastMessageTo("amira@example.dk");
    expect(mail?.channel).toBe("EMAIL");
    expect(mail?.subject).toContain("بوابة الأنشطة"); // the account's language, not the page's
    const code = codeIn(mail?.body);

    const result = await verifySignIn({ challengeId, code, ip: freshIp(), language: "da" });
    expect(result).toEqual({ ok: true, userId: user.id, created: false });
  });

  it("texts the code to a mobile number through the SMS outbox", async () => {
    await createUser({ role: "YOUTH", phone: "+4520000099" });
    const { challengeId } = await startSignIn({ identifier: id("20 00 00 99"), ip: freshIp(), language: "da" });
    const sms = await lastMessageTo("+4520000099");
    expect(sms?.channel).toBe("SMS");
    const result = await verifySignIn({ challengeId, code: codeIn(sms?.body), ip: freshIp(), language: "da" });
    expect(result.ok).toBe(true);
  });

  it("never stores the code itself: the challenge holds a hash, the message log a masked text", async () => {
    const { challengeId } = await startSignIn({ identifier: id("hash@example.dk"), ip: freshIp(), language: "en" });
    const code = codeIn((await lastMessageTo("hash@example.dk"))?.body);
    const challenge = await db.signInChallenge.findUniqueOrThrow({ where: { id: challengeId } });
    expect(challenge.codeHash).not.toContain(code);
    expect(challenge.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const logged = await db.message.findFirstOrThrow({ where: { recipient: "hash@example.dk" } });
    expect(logged.body).not.toContain(code);
    expect(logged.body).toContain("******");
    expect(logged.status).toBe("SENT");
  });

  it("answers an unknown identifier exactly like a known one, and creates a parent account when the code is proven", async () => {
    await createUser({ role: "STAFF", email: "known@example.dk" });
    const known = await startSignIn({ identifier: id("known@example.dk"), ip: freshIp(), language: "ar" });
    const unknown = await startSignIn({ identifier: id("new.parent@example.dk"), ip: freshIp(), language: "ar" });
    // Same shape of answer, and both get a message.
    expect(Object.keys(unknown)).toEqual(Object.keys(known));
    expect((await lastMessageTo("known@example.dk"))?.subject).toMatch(/\d{6}/);
    const mail = await lastMessageTo("new.parent@example.dk");
    expect(mail?.subject).toMatch(/\d{6}/);

    const result = await verifySignIn({ challengeId: unknown.challengeId, code: codeIn(mail?.body), ip: freshIp(), language: "ar" });
    expect(result.ok && result.created).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: "new.parent@example.dk" } });
    expect(user.role).toBe("PARENT");
    expect(user.language).toBe("ar");
  });

  it("never claims a child's record that shares the family phone", async () => {
    const child = await db.person.create({ data: { firstName: "Ali", lastName: "Hassan", phone: "+4520000066" } });
    await db.household.create({ data: { members: { create: [{ personId: child.id, role: "CHILD" }] } } });
    const { challengeId } = await startSignIn({ identifier: id("20000066"), ip: freshIp(), language: "da" });
    await verifySignIn({ challengeId, code: codeIn((await lastMessageTo("+4520000066"))?.body), ip: freshIp(), language: "da" });
    const user = await db.user.findUniqueOrThrow({ where: { phone: "+4520000066" } });
    expect(user.personId).not.toBe(child.id);
  });

  it("two tabs proving the same new address at once end with one account", async () => {
    const first = await startSignIn({ identifier: id("tabs@example.dk"), ip: freshIp(), language: "da" });
    const firstCode = codeIn((await lastMessageTo("tabs@example.dk"))?.body);
    const second = await startSignIn({ identifier: id("tabs@example.dk"), ip: freshIp(), language: "da" });
    const secondCode = codeIn((await lastMessageTo("tabs@example.dk"))?.body);
    const results = await Promise.all([
      verifySignIn({ challengeId: first.challengeId, code: firstCode, ip: freshIp(), language: "da" }),
      verifySignIn({ challengeId: second.challengeId, code: secondCode, ip: freshIp(), language: "da" }),
    ]);
    // No error either way; at least one tab is in (the other may find its code spent), and one account exists.
    expect(results.some((result) => result.ok)).toBe(true);
    expect(await db.user.count({ where: { email: "tabs@example.dk" } })).toBe(1);
  });

  it("never takes over a person someone else registered with the number: a new account, and the family is offered as a claim", async () => {
    // Issue 16: a person with this number, made by staff (or a partner, or another parent) without a login.
    const person = await db.person.create({ data: { firstName: "Samira", lastName: "Hassan", phone: "+4520000055" } });
    const household = await db.household.create({ data: { members: { create: [{ personId: person.id, role: "GUARDIAN" }] } } });
    await db.householdInvitation.create({
      data: { householdId: household.id, kind: "CLAIM", personId: person.id, firstName: "Samira", lastName: "Hassan", phone: "+4520000055" },
    });
    const { challengeId } = await startSignIn({ identifier: id("+45 20 00 00 55"), ip: freshIp(), language: "da" });
    const result = await verifySignIn({ challengeId, code: codeIn((await lastMessageTo("+4520000055"))?.body), ip: freshIp(), language: "da" });
    expect(result.ok && result.created).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { phone: "+4520000055" } });
    expect(user.personId).not.toBe(person.id);
    expect(await db.householdMember.count({ where: { personId: user.personId } })).toBe(0);
    // The first page after signing in is the question "is this your family?", also when another page was asked for.
    expect(await landingAfterSignIn(user.id, "/")).toEqual({ path: "/my/invitations", language: "da" });
    expect(await landingAfterSignIn(user.id, "/activities/x")).toEqual({ path: "/my/invitations?redirectTo=%2Factivities%2Fx", language: "da" });
  });

  it("counts wrong codes down and gives up after the 5th try, even with the right code after", async () => {
    const { challengeId } = await startSignIn({ identifier: id("tries@example.dk"), ip: freshIp(), language: "da" });
    const code = codeIn((await lastMessageTo("tries@example.dk"))?.body);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await verifySignIn({ challengeId, code: wrong, ip: freshIp(), language: "da" })).toEqual({
        ok: false,
        reason: "wrong",
        attemptsLeft: MAX_ATTEMPTS - attempt,
      });
    }
    expect(await verifySignIn({ challengeId, code: wrong, ip: freshIp(), language: "da" })).toEqual({ ok: false, reason: "expired" });
    expect(await verifySignIn({ challengeId, code, ip: freshIp(), language: "da" })).toEqual({ ok: false, reason: "expired" });
  });

  it("allows no more than 5 tries when guesses arrive in parallel", async () => {
    const { challengeId } = await startSignIn({ identifier: id("parallel@example.dk"), ip: freshIp(), language: "da" });
    const code = codeIn((await lastMessageTo("parallel@example.dk"))?.body);
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    await Promise.all(guesses.map((guess) => verifySignIn({ challengeId, code: guess, ip: freshIp(), language: "da" })));
    const challenge = await db.signInChallenge.findUniqueOrThrow({ where: { id: challengeId } });
    expect(challenge.attempts).toBe(MAX_ATTEMPTS);
    expect((await verifySignIn({ challengeId, code, ip: freshIp(), language: "da" })).ok).toBe(false);
  });

  it("expires the code after 10 minutes, to the millisecond", async () => {
    const start = new Date("2026-03-01T10:00:00Z");
    const { challengeId } = await startSignIn({ identifier: id("late@example.dk"), ip: freshIp(), language: "da" }, start);
    const code = codeIn((await lastMessageTo("late@example.dk"))?.body);
    const deadline = new Date(start.getTime() + CODE_TTL_MINUTES * 60_000);
    expect(await verifySignIn({ challengeId, code, ip: freshIp(), language: "da" }, deadline)).toEqual({ ok: false, reason: "expired" });
    const justBefore = new Date(deadline.getTime() - 1);
    expect((await verifySignIn({ challengeId, code, ip: freshIp(), language: "da" }, justBefore)).ok).toBe(true);
  });

  it("accepts the first code after a second was asked for (slow SMS), and then neither again", async () => {
    const first = await startSignIn({ identifier: id("twice@example.dk"), ip: freshIp(), language: "da" });
    const firstCode = codeIn((await lastMessageTo("twice@example.dk"))?.body);
    const second = await startSignIn({ identifier: id("twice@example.dk"), ip: freshIp(), language: "da" });
    const secondCode = codeIn((await lastMessageTo("twice@example.dk"))?.body);
    expect((await verifySignIn({ challengeId: second.challengeId, code: firstCode, ip: freshIp(), language: "da" })).ok).toBe(true);
    expect((await verifySignIn({ challengeId: second.challengeId, code: secondCode, ip: freshIp(), language: "da" })).ok).toBe(false);
    expect((await verifySignIn({ challengeId: first.challengeId, code: firstCode, ip: freshIp(), language: "da" })).ok).toBe(false);
  });

  it("lets a code sign in once only", async () => {
    const { challengeId } = await startSignIn({ identifier: id("once@example.dk"), ip: freshIp(), language: "da" });
    const code = codeIn((await lastMessageTo("once@example.dk"))?.body);
    const results = await Promise.all([1, 2, 3].map(() => verifySignIn({ challengeId, code, ip: freshIp(), language: "da" })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("rate-limits codes per identifier, whoever asks and whether or not the account exists", async () => {
    const now = new Date("2026-05-01T08:00:00Z");
    for (let i = 0; i < LIMITS.codesPerIdentifier.limit; i++) {
      await startSignIn({ identifier: id("spam@example.dk"), ip: freshIp(), language: "da" }, now);
    }
    await expect(startSignIn({ identifier: id("spam@example.dk"), ip: freshIp(), language: "da" }, now)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await db.devOutboxItem.count({ where: { recipient: "spam@example.dk" } })).toBe(LIMITS.codesPerIdentifier.limit);
    // The next window is open again.
    const later = new Date(now.getTime() + LIMITS.codesPerIdentifier.windowSeconds * 1000);
    await expect(startSignIn({ identifier: id("spam@example.dk"), ip: freshIp(), language: "da" }, later)).resolves.toHaveProperty("challengeId");
  });

  it("rate-limits codes per IP address across identifiers", async () => {
    const now = new Date("2026-05-02T08:00:00Z");
    const ip = "192.0.2.77";
    for (let i = 0; i < LIMITS.codesPerIp.limit; i++) {
      await startSignIn({ identifier: id(`ip${i}@example.dk`), ip, language: "da" }, now);
    }
    await expect(startSignIn({ identifier: id("ip-last@example.dk"), ip, language: "da" }, now)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await lastMessageTo("ip-last@example.dk")).toBeNull();
  });

  /** The statements startSignIn sends for an address (the SMTP catcher's own writes included). */
  const statements = async (email: string) => (await statementsOf(() => startSignIn({ identifier: id(email), ip: freshIp(), language: "da" }))).sql;

  it("runs the same statements for a known and an unknown address: nothing for timing to tell apart", async () => {
    await createUser({ role: "PARENT", email: "known-timing@example.dk" });
    const known = await statements("known-timing@example.dk");
    const unknown = await statements("unknown-timing@example.dk");
    expect(known.length).toBeGreaterThan(3);
    expect(unknown).toEqual(known);
    // Both were sent a code (the unknown address becomes an account when it proves the code).
    expect(codeIn((await lastMessageTo("known-timing@example.dk"))!.body)).toMatch(/^\d{6}$/);
    expect(codeIn((await lastMessageTo("unknown-timing@example.dk"))!.body)).toMatch(/^\d{6}$/);
  });

  it("tells a disabled account it is closed instead of sending a code — the same work, so the same answer and timing", async () => {
    await createUser({ role: "PARENT", email: "open-timing@example.dk" });
    const user = await createUser({ role: "PARENT", email: "gone@example.dk" });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await statements("gone@example.dk")).toEqual(await statements("open-timing@example.dk"));
    const message = await lastMessageTo("gone@example.dk");
    expect(message?.subject).toBe("Log ind i Aktivitetsportalen");
    expect(message?.body).toContain("kontoen er lukket");
    expect(message?.body).not.toMatch(/\b\d{6}\b/);
  });

  it("counts at most 10 wrong codes a day per address even when 25 guesses at 5 codes arrive at once", async () => {
    const now = new Date("2026-06-05T09:00:00Z");
    const email = "parallel-guesser@example.dk";
    const challenges: { challengeId: string; code: string }[] = [];
    for (let i = 0; i < LIMITS.codesPerIdentifier.limit; i++) {
      const { challengeId } = await startSignIn({ identifier: id(email), ip: freshIp(), language: "da" }, now);
      challenges.push({ challengeId, code: codeIn((await lastMessageTo(email))?.body) });
    }
    const codes = new Set(challenges.map((challenge) => challenge.code));
    const wrong = Array.from({ length: 100 }, (_, i) => String(i).padStart(6, "0")).filter((guess) => !codes.has(guess));
    const tries = challenges.flatMap(({ challengeId }, c) =>
      Array.from({ length: MAX_ATTEMPTS }, (_, t) => ({ challengeId, code: wrong[c * MAX_ATTEMPTS + t]! })),
    );
    const answers = await Promise.allSettled(tries.map((guess) => verifySignIn({ ...guess, ip: freshIp(), language: "da" }, now)));
    const compared = answers.filter((answer) => answer.status === "fulfilled").length;
    expect(compared).toBe(LIMITS.wrongCodesPerIdentifierPerDay.limit);
    expect(answers.filter((answer) => answer.status === "rejected" && answer.reason instanceof RateLimitedError)).toHaveLength(tries.length - compared);
  });

  it("allows 10 wrong codes a day per address, across all its codes, then refuses even the right one until the next day", async () => {
    const now = new Date("2026-06-03T09:00:00Z");
    const email = "guesser@example.dk";
    let last = { challengeId: "", code: "" };
    let wrong = 0;
    while (wrong < LIMITS.wrongCodesPerIdentifierPerDay.limit) {
      const { challengeId } = await startSignIn({ identifier: id(email), ip: freshIp(), language: "da" }, new Date(now.getTime() + wrong * 60_000));
      last = { challengeId, code: codeIn((await lastMessageTo(email))?.body) };
      const guess = last.code === "000000" ? "111111" : "000000";
      for (let i = 0; i < 2 && wrong < LIMITS.wrongCodesPerIdentifierPerDay.limit; i++, wrong++)
        expect((await verifySignIn({ challengeId, code: guess, ip: freshIp(), language: "da" }, new Date(now.getTime() + wrong * 60_000))).ok).toBe(false);
    }
    const at = new Date(now.getTime() + wrong * 60_000);
    await expect(verifySignIn({ challengeId: last.challengeId, code: last.code, ip: freshIp(), language: "da" }, at)).rejects.toBeInstanceOf(RateLimitedError);
    // The next day it works again.
    const tomorrow = new Date("2026-06-04T09:00:00Z");
    const fresh = await startSignIn({ identifier: id(email), ip: freshIp(), language: "da" }, tomorrow);
    const code = codeIn((await lastMessageTo(email))?.body);
    expect((await verifySignIn({ challengeId: fresh.challengeId, code, ip: freshIp(), language: "da" }, tomorrow)).ok).toBe(true);
  });
});

describe("what a sign-in limit says: what happened and what to do", () => {
  async function refusal(work: () => Promise<unknown>): Promise<RateLimitedError> {
    try {
      await work();
    } catch (error) {
      if (error instanceof RateLimitedError) return error;
      throw error;
    }
    throw new Error("expected a refusal");
  }

  it("after 10 wrong codes today the owner's right code is refused with 'too many wrong codes today: try tomorrow or call'", async () => {
    const email = "owner@example.dk";
    const typed = async (challengeId: string, code: string) => {
      const cookie = (await signInCookie.serialize({ challengeId, display: email, redirectTo: "/" })).split(";")[0]!;
      return codeAction({
        request: new Request("http://localhost/login/code", {
          method: "POST",
          headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
          body: new URLSearchParams({ code }).toString(),
        }),
        params: {},
        context: { clientIp: freshIp(), cspNonce: "" },
      });
    };
    for (let i = 0; i < 2; i++) {
      const { challengeId } = await startSignIn({ identifier: id(email), ip: freshIp(), language: "da" });
      const wrong = codeIn((await lastMessageTo(email))?.body) === "000000" ? "111111" : "000000";
      for (let j = 0; j < MAX_ATTEMPTS; j++) await typed(challengeId, wrong);
    }
    const { challengeId } = await startSignIn({ identifier: id(email), ip: freshIp(), language: "da" });
    const answer = (await typed(challengeId, codeIn((await lastMessageTo(email))?.body))) as { error?: Record<string, string[]> };
    expect(answer.error?.[""]?.map((error) => error.split("|")[0])).toEqual(["errors.tooManyWrongCodes"]);
  });

  it("names each limit by its own message", async () => {
    const now = new Date("2026-06-10T08:00:00Z");
    const hour = (n: number) => new Date(now.getTime() + n * 3_600_000);
    // 5 codes an hour per address, then 10 a day.
    for (let i = 0; i < LIMITS.codesPerIdentifier.limit; i++) await startSignIn({ identifier: id("hourly@example.dk"), ip: freshIp(), language: "da" }, now);
    const hourly = await refusal(() => startSignIn({ identifier: id("hourly@example.dk"), ip: freshIp(), language: "da" }, now));
    for (let i = 0; i < LIMITS.codesPerIdentifierPerDay.limit; i++)
      await startSignIn({ identifier: id("daily@example.dk"), ip: freshIp(), language: "da" }, hour(Math.floor(i / 5)));
    const daily = await refusal(() => startSignIn({ identifier: id("daily@example.dk"), ip: freshIp(), language: "da" }, hour(3)));
    // 30 codes an hour from one network, then 60 checks.
    const ip = "192.0.2.7";
    for (let i = 0; i < LIMITS.codesPerIp.limit; i++) await startSignIn({ identifier: id(`shared-${i}@example.dk`), ip, language: "da" }, hour(5));
    const network = await refusal(() => startSignIn({ identifier: id("one-more@example.dk"), ip, language: "da" }, hour(5)));
    const nobody = "00000000-0000-4000-8000-000000000000";
    for (let i = 0; i < LIMITS.verificationsPerIp.limit; i++) await verifySignIn({ challengeId: nobody, code: "123456", ip, language: "da" }, hour(6));
    const checks = await refusal(() => verifySignIn({ challengeId: nobody, code: "123456", ip, language: "da" }, hour(6)));
    expect([hourly, daily, network, checks].map((error) => limitMessage(error).split("|")[0])).toEqual([
      "errors.tooManyCodesHour",
      "errors.tooManyCodesToday",
      "errors.tooManyCodesNetwork",
      "errors.tooManyTriesNetwork",
    ]);
  });
});

describe("the sign-in form's honeypot", () => {
  const post = (fields: Record<string, string>) =>
    signInAction({
      request: new Request("http://localhost/login", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
        body: new URLSearchParams(fields).toString(),
      }),
      params: {},
      context: { clientIp: freshIp(), cspNonce: "" },
    }) as Promise<Response>;

  it("answers a bot that filled it like anyone else, but makes and sends no code", async () => {
    const bot = await post({ identifier: "bot@example.dk", [HONEYPOT_FIELD]: "http://spam.example" });
    const person = await post({ identifier: "person@example.dk", [HONEYPOT_FIELD]: "" });
    for (const answer of [bot, person]) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe("/login/code");
      expect(answer.headers.get("Set-Cookie")).toMatch(/^signin=/);
    }
    expect(await db.signInChallenge.count({ where: { identifier: "bot@example.dk" } })).toBe(0);
    expect(await db.message.count({ where: { recipient: "bot@example.dk" } })).toBe(0);
    expect(await db.signInChallenge.count({ where: { identifier: "person@example.dk" } })).toBe(1);
  });
});

describe("signing out", () => {
  const post = (cookie: string, body: Record<string, string>) =>
    new Request("http://localhost/logout", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
    });
  const liveSessions = (userId: string) => db.session.count({ where: { userId, expiresAt: { gt: new Date() } } });

  it("ends this device's session only, or with 'everywhere' every session of the account", async () => {
    const { action } = await import("../../app/routes/logout.tsx");
    const { createUserSession } = await import("../../app/lib/session.server.ts");
    const user = await createUser({ role: "PARENT", email: `sign-out-${Date.now()}@example.dk` });
    const [phone, laptop] = await Promise.all([1, 2, 3].map(async () => (await createUserSession(user.id)).split(";")[0]!));
    expect(await liveSessions(user.id)).toBe(3);

    await action({ request: post(phone!, {}), params: {}, context: {} } as never);
    expect(await liveSessions(user.id)).toBe(2);

    const response = (await action({ request: post(laptop!, { everywhere: "1" }), params: {}, context: {} } as never)) as Response;
    expect(await liveSessions(user.id)).toBe(0);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
  });
});
