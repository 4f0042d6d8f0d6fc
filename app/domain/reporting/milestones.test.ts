import { describe, expect, it } from "vitest";
import { judgeMilestone } from "./milestones.ts";

// 2027 is not a leap year: 1 Jan – 31 Dec = 365 days.
const year = { startsOn: "2027-01-01", deadline: "2027-12-31", target: 365 };

describe("milestone judgement", () => {
  it("is reached at the target, whenever that happens", () => {
    expect(judgeMilestone({ ...year, value: 365, today: "2027-03-01" }).judgement).toBe("reached");
    expect(judgeMilestone({ ...year, value: 400, today: "2028-06-01" }).judgement).toBe("reached");
  });

  it("is on track exactly on the straight line and behind one below it", () => {
    // On 10 January, 10 of 365 days have passed: the line stands at 10.
    expect(judgeMilestone({ ...year, value: 10, today: "2027-01-10" })).toMatchObject({ judgement: "onTrack", expectedByNow: 10 });
    expect(judgeMilestone({ ...year, value: 9, today: "2027-01-10" }).judgement).toBe("behind");
  });

  it("is on track before it starts, and behind after the deadline when short", () => {
    expect(judgeMilestone({ ...year, value: 0, today: "2026-12-01" })).toMatchObject({ judgement: "onTrack", expectedByNow: 0, elapsed: 0 });
    expect(judgeMilestone({ ...year, value: 364, today: "2027-12-31" }).judgement).toBe("behind");
    expect(judgeMilestone({ ...year, value: 364, today: "2028-01-05" })).toMatchObject({ judgement: "behind", elapsed: 1 });
  });

  it("rounds the line down, so 23 families by a deadline halfway through ask for 11, not 11.5", () => {
    const progress = judgeMilestone({ startsOn: "2027-01-01", deadline: "2027-01-10", target: 23, value: 11, today: "2027-01-05" });
    expect(progress).toMatchObject({ judgement: "onTrack", expectedByNow: 11, elapsed: 0.5 });
  });
});
