// A nudge asks the delivery job to run now; the caller's answer must not wait for it (issue 21: in a sign-up rush
// every answer waited for the folded sends running back to back).
import { afterEach, describe, expect, it } from "vitest";
import { JOBS, nudge } from "./job-queue.server.ts";

const state = globalThis as unknown as { __jobs?: unknown };

afterEach(() => {
  state.__jobs = null;
});

describe("nudge", () => {
  it("returns before the send has answered, and still sends once more for nudges that came meanwhile", async () => {
    const sends: (() => void)[] = [];
    state.__jobs = { send: () => new Promise<void>((resolve) => sends.push(resolve)) };
    const answered = await Promise.race([nudge(JOBS.deliverMessages).then(() => "answered"), new Promise((r) => setTimeout(() => r("waited"), 200))]);
    expect(answered).toBe("answered");
    expect(sends).toHaveLength(1);
    await nudge(JOBS.deliverMessages); // folded into one more send after the first
    expect(sends).toHaveLength(1);
    sends[0]!();
    await new Promise((r) => setTimeout(r, 10));
    expect(sends).toHaveLength(2);
    sends[1]!();
  });
});
