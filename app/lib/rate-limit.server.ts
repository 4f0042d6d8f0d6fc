// Fixed-window rate limits in PostgreSQL, so every app instance shares them.
// One statement counts the hit and returns the new count.
import { db } from "./db.server.ts";
import { log } from "./log.server.ts";

export { ipKey } from "./ip.ts";

export type RateLimit = { limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

export async function hitRateLimit(key: string, { limit, windowSeconds }: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = rows[0]?.count ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: count <= limit, retryAfterSeconds };
}

/**
 * Takes one of `key`'s places in the current window if one is left — in one statement, so parallel callers
 * never take more than `limit` — for limits counted on failure only: give the place back with
 * returnRateLimit when the attempt turns out not to count.
 */
export async function reserveRateLimit(key: string, { limit, windowSeconds }: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    WHERE "RateLimitBucket"."count" < ${limit}
    RETURNING "count"`;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: rows.length === 1, retryAfterSeconds };
}

/** Gives back a place taken with reserveRateLimit in the same window. */
export async function returnRateLimit(key: string, { windowSeconds }: RateLimit, now = new Date()): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  await db.$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = "count" - 1 WHERE "key" = ${key} AND "windowStart" = ${windowStart} AND "count" > 0`;
}

/** A limit was reached; `limit` names it ("signin:identifier-day": a key's first two parts), so the page can say which. */
export class RateLimitedError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly limit = "",
  ) {
    super("rate limited");
  }
}

const limitName = (key: string) => key.split(":").slice(0, 2).join(":");

/** Throws RateLimitedError when any of the limits is exceeded (all are counted). */
export async function enforceRateLimits(checks: { key: string; limit: RateLimit }[], now = new Date()): Promise<void> {
  const results = await Promise.all(checks.map((check) => hitRateLimit(check.key, check.limit, now)));
  const blocked = results.filter((result) => !result.allowed);
  // A security event: which limit — its name, the key's first two parts (keys are "<what>:<per what>:<whose>"),
  // never the hashed address, IP or account that follows.
  for (const [i, result] of results.entries()) if (!result.allowed) log("warn", "rateLimited", { limit: limitName(checks[i]!.key) });
  if (!blocked.length) return;
  // The limit that holds longest is the one to name: it decides when trying again helps.
  const longest = results.reduce(
    (found, result, i) => (!result.allowed && (found < 0 || result.retryAfterSeconds > results[found]!.retryAfterSeconds) ? i : found),
    -1,
  );
  throw new RateLimitedError(results[longest]!.retryAfterSeconds, limitName(checks[longest]!.key));
}
