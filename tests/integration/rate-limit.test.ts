import { describe, expect, it } from "vitest";
import { enforceRateLimits, hitRateLimit, RateLimitedError } from "../../app/lib/rate-limit.server.ts";

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

  it("throws with the longest wait when any limit is exceeded", async () => {
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
    ).rejects.toEqual(new RateLimitedError(600));
  });
});
