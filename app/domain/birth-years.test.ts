// The rule for a birth known by its year alone (ADR 016): the age reached in
// the day's calendar year. A table a reader can check against the rule, and
// the same rule for the report's age bands and an activity's age limits.
import { describe, expect, it } from "vitest";
import { ageOnKnown } from "./dates.ts";
import { ineligibilities, type EligibilityInput } from "./enrolment/eligibility.ts";

describe("age from what is known of a birth", () => {
  it.each([
    // birth day, birth year, on the day, age
    ["2016-05-01", null, "2026-04-30", 9],
    ["2016-05-01", null, "2026-05-01", 10],
    [null, 2016, "2026-01-01", 10], // the age reached in 2026, all year
    [null, 2016, "2026-12-31", 10],
    [null, 2016, "2025-12-31", 9],
    [null, 2013, "2026-01-01", 13], // "born 2013" is 13 from New Year's Day
    [null, null, "2026-06-01", null],
    ["2016-05-01", 2099, "2026-06-01", 10], // a full date wins (the database keeps only one of them)
  ] as const)("born %s / year %s, on %s: %s", (birthDay, birthYear, day, age) => {
    expect(ageOnKnown({ birthDay, birthYear }, day)).toBe(age);
  });
});

describe("an activity's age limits with a birth year alone", () => {
  const input = (birth: { birthDay: string | null; birthYear: number | null }, startDay: string): EligibilityInput => ({
    activity: { minAge: 13, maxAge: 17, startDay, eligibleAreaIds: [], openToOutsiders: true, familiesJoinTogether: false, sessions: [] },
    person: { role: "CHILD", ...birth, area: null, alreadySignedUp: false, otherCommitments: [] },
  });
  it.each([
    // birth year, first session, what is refused
    [2013, "2026-01-05", []], // 13 in 2026 (the årgang), though a full date might make them 12 until their birthday
    [2014, "2026-12-31", ["tooYoung"]],
    [2009, "2026-01-05", []], // 17 in 2026
    [2008, "2026-01-05", ["tooOld"]],
  ] as const)("born %s, starting %s: %j", (birthYear, startDay, refused) => {
    expect(ineligibilities(input({ birthDay: null, birthYear }, startDay)).map((problem) => problem.reason)).toEqual(refused);
  });
  it("asks for a birth date or year when neither is known", () => {
    expect(ineligibilities(input({ birthDay: null, birthYear: null }, "2026-01-05")).map((problem) => problem.reason)).toEqual(["birthDateMissing"]);
  });
});
