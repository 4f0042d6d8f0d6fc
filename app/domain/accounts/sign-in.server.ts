// Passwordless sign-in: a 6-digit code to an e-mail address or mobile
// number, valid 10 minutes, 5 tries, rate-limited per identifier and per IP.
// The same happens whether or not an account exists (no enumeration): an
// unknown identifier gets a code too, and proving it creates a parent
// account. See docs/decisions/003-sign-in.md.
import { randomInt, timingSafeEqual } from "node:crypto";
import { hashToken } from "~/lib/session.server.ts";
import { db } from "~/lib/db.server.ts";
import { sendMessageNow } from "~/lib/messages/send.server.ts";
import { enforceRateLimits } from "~/lib/rate-limit.server.ts";
import type { Language } from "~/lib/i18n.ts";
import type { Identifier } from "./identifier.ts";

export const CODE_TTL_MINUTES = 10;
export const MAX_ATTEMPTS = 5;
export const LIMITS = {
  codesPerIdentifier: { limit: 5, windowSeconds: 60 * 60 },
  codesPerIp: { limit: 30, windowSeconds: 60 * 60 },
  verificationsPerIp: { limit: 60, windowSeconds: 60 * 60 },
};

function codeHash(challengeId: string, code: string): string {
  return hashToken(`${challengeId}:${code}`);
}

export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/** Sends a code and returns the challenge to verify it against. Throws RateLimitedError. */
export async function startSignIn(input: { identifier: Identifier; ip: string; language: Language }, now = new Date()) {
  const { identifier, ip, language } = input;
  await enforceRateLimits(
    [
      { key: `signin:identifier:${hashToken(identifier.value)}`, limit: LIMITS.codesPerIdentifier },
      { key: `signin:ip:${ip}`, limit: LIMITS.codesPerIp },
    ],
    now,
  );
  const user = await db.user.findUnique({
    where: identifier.kind === "email" ? { email: identifier.value } : { phone: identifier.value },
    select: { id: true, language: true, disabledAt: true },
  });
  const code = generateCode();
  const challenge = await db.signInChallenge.create({
    data: {
      identifier: identifier.value,
      channel: identifier.kind === "email" ? "EMAIL" : "SMS",
      userId: user && !user.disabledAt ? user.id : null,
      codeHash: "pending",
      expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
    },
    select: { id: true },
  });
  await db.signInChallenge.update({ where: { id: challenge.id }, data: { codeHash: codeHash(challenge.id, code) } });
  // A disabled account gets no code, but the answer on screen is the same.
  if (!user?.disabledAt) {
    await sendMessageNow(
      identifier.kind === "email"
        ? { email: identifier.value, language: user?.language ?? language }
        : { phone: identifier.value, language: user?.language ?? language },
      "signInCode",
      { code },
      { secret: ["code"] },
    );
  }
  return { challengeId: challenge.id };
}

export type VerifyResult =
  | { ok: true; userId: string; created: boolean }
  | { ok: false; reason: "wrong"; attemptsLeft: number }
  | { ok: false; reason: "expired" };

/**
 * Checks a code. Counting the try and reading the hash is one statement, so
 * parallel guesses cannot get more than MAX_ATTEMPTS tries; consuming it is
 * another, so a code signs in once.
 */
export async function verifySignIn(input: { challengeId: string; code: string; ip: string; language: Language }, now = new Date()): Promise<VerifyResult> {
  await enforceRateLimits([{ key: `verify:ip:${input.ip}`, limit: LIMITS.verificationsPerIp }], now);
  const rows = await db.$queryRaw<{ codeHash: string; attempts: number; identifier: string; channel: "EMAIL" | "SMS" }[]>`
    UPDATE "SignInChallenge" SET "attempts" = "attempts" + 1
    WHERE "id" = ${input.challengeId}::uuid AND "consumedAt" IS NULL AND "expiresAt" > ${now} AND "attempts" < ${MAX_ATTEMPTS}
    RETURNING "codeHash", "attempts", "identifier", "channel"`;
  const row = rows[0];
  if (!row) return { ok: false, reason: "expired" };

  const expected = Buffer.from(row.codeHash);
  const actual = Buffer.from(codeHash(input.challengeId, input.code));
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    const attemptsLeft = MAX_ATTEMPTS - row.attempts;
    return attemptsLeft > 0 ? { ok: false, reason: "wrong", attemptsLeft } : { ok: false, reason: "expired" };
  }
  const consumed = await db.signInChallenge.updateMany({
    where: { id: input.challengeId, consumedAt: null },
    data: { consumedAt: now },
  });
  if (consumed.count !== 1) return { ok: false, reason: "expired" };

  const { userId, created } = await findOrCreateAccount(row.identifier, row.channel, input.language);
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: now } });
  return { ok: true, userId, created };
}

/**
 * The account behind a proven identifier. A person staff registered on the
 * family's behalf (same e-mail or phone, no login yet) is claimed, not
 * duplicated; otherwise a new parent account is made.
 */
async function findOrCreateAccount(identifier: string, channel: "EMAIL" | "SMS", language: Language) {
  const where = channel === "EMAIL" ? { email: identifier } : { phone: identifier };
  const existing = await db.user.findUnique({ where, select: { id: true } });
  if (existing) return { userId: existing.id, created: false };
  return db.$transaction(async (tx) => {
    const person =
      (await tx.person.findFirst({ where: { ...where, user: null, anonymisedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true } })) ??
      (await tx.person.create({ data: { firstName: "", lastName: "", language, ...where }, select: { id: true } }));
    const user = await tx.user.create({ data: { personId: person.id, role: "PARENT", language, ...where }, select: { id: true } });
    return { userId: user.id, created: true };
  });
}
