import { describe, expect, it, vi } from "vitest";
import { db } from "../../app/lib/db.server.ts";
import { enforceRateLimits, hitRateLimit, RateLimitedError, reserveRateLimit, returnRateLimit } from "../../app/lib/rate-limit.server.ts";

describe("rate limits in PostgreSQL", () => {
  it("allows exactly `limit` hits per window and reports when the window ends", async () => {
    const now = new Date("2026-06-01T12:00:30Z");
    const limit = { limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit("t:a", limit, now));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBe(30);
    expect((await hitRateLimit("t:a", limit, new Date("2026-06-01T12:01:00Z"))).allowed).toBe(true);
  });

  it("counts parallel hits exactly (one statement, no lost updates)", async () => {
    const now = new Date("2026-06-02T12:00:00Z");
    const limit = { limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit("t:parallel", limit, now)));
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
  });

  it("throws with the longest wait when any limit is exceeded, naming that limit", async () => {
    const now = new Date("2026-06-03T12:00:00Z");
    await enforceRateLimits([{ key: "t:b", limit: { limit: 1, windowSeconds: 600 } }], now);
    await expect(
      enforceRateLimits(
        [
          { key: "t:b", limit: { limit: 1, windowSeconds: 600 } },
          { key: "t:c", limit: { limit: 5, windowSeconds: 60 } },
        ],
        now,
      ),
    ).rejects.toEqual(new RateLimitedError(600, "t:b"));
  });

  it("logs a refusal as a security event naming the limit, never the address, IP or account in its key", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const key = "signin:identifier:4f1c0ffee9d8";
      await enforceRateLimits([{ key, limit: { limit: 1, windowSeconds: 600 } }]);
      await expect(enforceRateLimits([{ key, limit: { limit: 1, windowSeconds: 600 } }])).rejects.toBeInstanceOf(RateLimitedError);
    } finally {
      spy.mockRestore();
    }
    expect(lines.join("")).toContain("rateLimited");
    expect(lines.join("")).toContain("signin:identifier");
    expect(lines.join("")).not.toContain("4f1c0ffee9d8");
  });

  it("names every limit the app uses '<what>:<per what>:<whose>', so the log's name never carries the account", async () => {
    const fs = await import("node:fs");
    const { execFileSync } = await import("node:child_process");
    const files = execFileSync("grep", ["-rlE", "enforceRateLimits\\(|hitRateLimit\\(", "app"], { encoding: "utf8" }).trim().split("\n");
    const keys = files.flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/key: `([^`]*)`/g)].map((match) => match[1]!));
    expect(keys.length).toBeGreaterThanOrEqual(8);
    for (const key of keys) expect(key, key).toMatch(/^[a-z-]+:[a-z-]+:\$\{/);
  });

  it("reserves places in one statement: 25 parallel reservations take exactly `limit`, and a place given back is free again", async () => {
    const now = new Date("2026-06-03T13:00:00Z");
    const limit = { limit: 10, windowSeconds: 600 };
    const results = await Promise.all(Array.from({ length: 25 }, () => reserveRateLimit("t:reserve", limit, now)));
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    expect(results.find((result) => !result.allowed)).toEqual({ allowed: false, retryAfterSeconds: 600 });
    expect(await db.rateLimitBucket.findFirst({ where: { key: "t:reserve" }, select: { count: true } })).toEqual({ count: 10 });
    await returnRateLimit("t:reserve", limit, now);
    expect((await reserveRateLimit("t:reserve", limit, now)).allowed).toBe(true);
    expect((await reserveRateLimit("t:reserve", limit, now)).allowed).toBe(false);
  });
});
