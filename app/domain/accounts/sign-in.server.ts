// Passwordless sign-in: a 6-digit code to an e-mail address or Danish mobile
// number, valid 10 minutes, 5 tries, rate-limited per identifier and per IP.
// The same happens whether or not an account exists (no enumeration): an
// unknown identifier gets a code too, and proving it creates a parent
// account. See docs/decisions/003-sign-in.md; what sign-in no longer does
// (claim records by phone or e-mail): 013-joining-a-household.md.
// i18n-namespace: auth
import { randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/lib/db.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { sendMessageNow } from "~/lib/messages/send.server.ts";
import { enforceRateLimits, ipKey, RateLimitedError, reserveRateLimit, returnRateLimit } from "~/lib/rate-limit.server.ts";
import { log } from "~/lib/log.server.ts";
import { hashToken } from "~/lib/session.server.ts";
import { hasOpenInvitations } from "../households/invitations.server.ts";
import type { Identifier } from "./identifier.ts";

/** The page where a signed-in parent answers invitations to a household. */
export const INVITATIONS_PATH = "/my/invitations";

export const CODE_TTL_MINUTES = 10;
export const MAX_ATTEMPTS = 5;
const HOUR = 60 * 60;
const CODES_PER_IP = Number(process.env.SIGNIN_LIMIT_PER_IP ?? 30);
export const LIMITS = {
  codesPerIdentifier: { limit: 5, windowSeconds: HOUR },
  codesPerIdentifierPerDay: { limit: 10, windowSeconds: 24 * HOUR },
  /**
   * Wrong codes typed for one address a day, whichever of its codes they were typed for. A try is checked against
   * every live code of the address (at most 5, see verifySignIn), so 10 wrong tries are at most 50 checks: odds
   * of guessing ≈ 1 in 20,000 a day. Without it, 10 codes × 5 tries × 5 live codes would be 250 checks.
   */
  wrongCodesPerIdentifierPerDay: { limit: 10, windowSeconds: 24 * HOUR },
  /** Many families share a housing area's Wi-Fi; SIGNIN_LIMIT_PER_IP raises it (e.g. for browser tests). */
  codesPerIp: { limit: CODES_PER_IP, windowSeconds: HOUR },
  /** Codes typed from one network: twice the codes it may ask for (a typo each), raised with them. */
  verificationsPerIp: { limit: 2 * CODES_PER_IP, windowSeconds: HOUR },
};

/**
 * What the sign-in pages say when a limit is reached (auth.json `errors.*`): what happened and what to do — try again
 * in so many minutes, tomorrow (the day limits end at midnight UTC), or call the secretariat ({{phone}}).
 */
export const LIMIT_MESSAGES: Record<string, string> = {
  "signin:identifier": "errors.tooManyCodesHour",
  "signin:identifier-day": "errors.tooManyCodesToday",
  "signin:ip": "errors.tooManyCodesNetwork",
  "verify:ip": "errors.tooManyTriesNetwork",
  "verify:wrong-day": "errors.tooManyWrongCodes",
};

/** The message of a refusal by a sign-in limit, as "key|minutes" (the page fills in the minutes and the phone). */
export function limitMessage(error: RateLimitedError): string {
  return `${LIMIT_MESSAGES[error.limit] ?? "errors.rateLimited"}|${Math.ceil(error.retryAfterSeconds / 60)}`;
}

function codeHash(challengeId: string, code: string): string {
  return hashToken(`${challengeId}:${code}`);
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

const whereIdentifier = (identifier: { kind: "email" | "phone"; value: string }) =>
  identifier.kind === "email" ? { email: identifier.value } : { phone: identifier.value };

/** Sends a code and returns the challenge to verify it against. Throws RateLimitedError. */
export async function startSignIn(input: { identifier: Identifier; ip: string; language: Language }, now = new Date()) {
  const { identifier, ip, language } = input;
  const who = hashToken(identifier.value);
  await enforceRateLimits(
    [
      { key: `signin:identifier:${who}`, limit: LIMITS.codesPerIdentifier },
      { key: `signin:identifier-day:${who}`, limit: LIMITS.codesPerIdentifierPerDay },
      { key: `signin:ip:${ipKey(ip)}`, limit: LIMITS.codesPerIp },
    ],
    now,
  );
  const user = await db.user.findUnique({ where: whereIdentifier(identifier), select: { language: true, disabledAt: true } });
  const code = generateCode();
  const challengeId = randomUUID();
  await db.signInChallenge.create({
    data: {
      id: challengeId,
      identifier: identifier.value,
      channel: identifier.kind === "email" ? "EMAIL" : "SMS",
      codeHash: codeHash(challengeId, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
    },
  });
  // A disabled account gets no code but a message that it is closed: the same work as a code, so neither the answer
  // on screen nor its timing tells anyone that the account exists or was closed.
  const to = { ...whereIdentifier(identifier), language: user?.language ?? language };
  if (user?.disabledAt) await sendMessageNow(to, "signInDisabled", {});
  else await sendMessageNow(to, "signInCode", { code }, { secret: ["code"] });
  return { challengeId };
}

export type VerifyResult =
  { ok: true; userId: string; created: boolean } | { ok: false; reason: "wrong"; attemptsLeft: number } | { ok: false; reason: "expired" };

/**
 * Checks a code. Counting the try and reading the hash is one statement, so
 * parallel guesses cannot get more than MAX_ATTEMPTS tries; consuming it is
 * another, so a code signs in once.
 */
export async function verifySignIn(input: { challengeId: string; code: string; ip: string; language: Language }, now = new Date()): Promise<VerifyResult> {
  await enforceRateLimits([{ key: `verify:ip:${ipKey(input.ip)}`, limit: LIMITS.verificationsPerIp }], now);
  const rows = await db.$queryRaw<{ codeHash: string; attempts: number; identifier: string; channel: "EMAIL" | "SMS" }[]>`
    UPDATE "SignInChallenge" SET "attempts" = "attempts" + 1
    WHERE "id" = ${input.challengeId}::uuid AND "consumedAt" IS NULL AND "expiresAt" > ${now} AND "attempts" < ${MAX_ATTEMPTS}
    RETURNING "codeHash", "attempts", "identifier", "channel"`;
  const row = rows[0];
  if (!row) {
    log("info", "signIn.expired");
    return { ok: false, reason: "expired" };
  }
  // Every try takes one of the address's wrong-code places before it is compared (so parallel guesses cannot
  // share one free place), and a right code gives its place back.
  const wrongKey = `verify:wrong-day:${hashToken(row.identifier)}`;
  const room = await reserveRateLimit(wrongKey, LIMITS.wrongCodesPerIdentifierPerDay, now);
  if (!room.allowed) {
    log("warn", "rateLimited", { limit: "verify:wrong-day" });
    throw new RateLimitedError(room.retryAfterSeconds, "verify:wrong-day");
  }

  // A slow SMS makes people ask twice: any unexpired, unused code sent to the
  // same address still works (tries are counted on the challenge in hand).
  const candidates = await db.signInChallenge.findMany({
    where: { identifier: row.identifier, consumedAt: null, expiresAt: { gt: now }, createdAt: { gt: new Date(now.getTime() - CODE_TTL_MINUTES * 60_000) } },
    select: { id: true, codeHash: true },
    orderBy: { createdAt: "desc" },
    take: LIMITS.codesPerIdentifier.limit,
  });
  const matching = candidates.find((candidate) => sameHash(candidate.codeHash, codeHash(candidate.id, input.code)));
  if (!matching) {
    const attemptsLeft = MAX_ATTEMPTS - row.attempts;
    log("warn", "signIn.wrongCode", { attemptsLeft });
    return attemptsLeft > 0 ? { ok: false, reason: "wrong", attemptsLeft } : { ok: false, reason: "expired" };
  }
  await returnRateLimit(wrongKey, LIMITS.wrongCodesPerIdentifierPerDay, now);
  const consumed = await db.signInChallenge.updateMany({ where: { id: matching.id, consumedAt: null }, data: { consumedAt: now } });
  if (consumed.count !== 1) return { ok: false, reason: "expired" };
  // The other codes for this address are spent too.
  await db.signInChallenge.updateMany({ where: { identifier: row.identifier, consumedAt: null }, data: { consumedAt: now } });

  const identifier = { kind: row.channel === "EMAIL" ? ("email" as const) : ("phone" as const), value: row.identifier };
  const { userId, created } = await findOrCreateAccount(identifier, input.language);
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: now } });
  log("info", "signIn.succeeded", { userId, created });
  return { ok: true, userId, created };
}

/**
 * The account behind a proven identifier, or a new parent account. Never a
 * person someone else typed this e-mail or number for (staff's registration
 * of a family, a parent naming the other guardian): those are invitations the
 * person answers after signing in (landingAfterSignIn, ADR 013), so whoever
 * holds the number decides whose family it is, not whoever typed it.
 */
async function findOrCreateAccount(
  identifier: { kind: "email" | "phone"; value: string },
  language: Language,
  retried = false,
): Promise<{ userId: string; created: boolean }> {
  const where = whereIdentifier(identifier);
  const existing = await db.user.findUnique({ where, select: { id: true } });
  if (existing) return { userId: existing.id, created: false };
  try {
    const user = await db.user.create({
      data: { role: "PARENT", language, ...where, person: { create: { firstName: "", lastName: "", language, ...where } } },
      select: { id: true },
    });
    return { userId: user.id, created: true };
  } catch (error) {
    // Two tabs proving the same new address at once: the other made the account.
    if (!retried && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return findOrCreateAccount(identifier, language, true);
    throw error;
  }
}

/**
 * Where an account goes once signed in: a parent with an invitation to answer (a family staff registered for them,
 * another parent's invitation) sees it before anything else, then the page asked for; else the page asked for or
 * the role's home. Also the account's language, which wins from now on.
 */
export async function landingAfterSignIn(userId: string, redirectTo: string): Promise<{ path: string; language: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, language: true } });
  const home = user.role === "PARENT" ? "/my" : user.role === "YOUTH" ? "/my/jobs" : "/staff";
  const asked = redirectTo !== "/" ? redirectTo : home;
  if (await hasOpenInvitations(userId)) {
    return { path: asked === home ? INVITATIONS_PATH : `${INVITATIONS_PATH}?redirectTo=${encodeURIComponent(asked)}`, language: user.language };
  }
  return { path: asked, language: user.language };
}
