import { describe, expect, it } from "vitest";
import { ineligibilities, type EligibilityInput } from "./eligibility.ts";

const camp = (over: Partial<EligibilityInput["activity"]> = {}): EligibilityInput["activity"] => ({
  minAge: 7,
  maxAge: 13,
  startDay: "2027-07-05",
  eligibleAreaIds: [],
  openToOutsiders: true,
  familiesJoinTogether: false,
  sessions: [{ startsAt: new Date("2027-07-05T07:00:00Z"), endsAt: new Date("2027-07-05T13:00:00Z") }],
  ...over,
});
const child = (over: Partial<EligibilityInput["person"]> = {}): EligibilityInput["person"] => ({
  role: "CHILD",
  birthDay: "2017-01-01",
  area: { id: "vangdalen", isPlanArea: true },
  alreadySignedUp: false,
  otherCommitments: [],
  ...over,
});
const reasons = (input: EligibilityInput) => ineligibilities(input).map((problem) => problem.reason);

describe("age at the activity's start", () => {
  it("accepts the youngest and oldest allowed, birthday on the start day included", () => {
    expect(reasons({ activity: camp(), person: child({ birthDay: "2020-07-05" }) })).toEqual([]); // turns 7 that day
    expect(reasons({ activity: camp(), person: child({ birthDay: "2013-07-06" }) })).toEqual([]); // still 13
  });
  it("refuses one day too young and one day too old", () => {
    expect(ineligibilities({ activity: camp(), person: child({ birthDay: "2020-07-06" }) })).toEqual([{ reason: "tooYoung", minAge: 7, age: 6 }]);
    expect(ineligibilities({ activity: camp(), person: child({ birthDay: "2013-07-05" }) })).toEqual([{ reason: "tooOld", maxAge: 13, age: 14 }]);
  });
  it("needs a birth date when there is an age limit, not otherwise", () => {
    expect(reasons({ activity: camp(), person: child({ birthDay: null }) })).toEqual(["birthDateMissing"]);
    expect(reasons({ activity: camp({ minAge: null, maxAge: null }), person: child({ birthDay: null }) })).toEqual([]);
  });
});

describe("housing area", () => {
  it("takes every plan area when none is listed", () => {
    expect(reasons({ activity: camp(), person: child() })).toEqual([]);
  });
  it("takes only the listed plan areas when some are", () => {
    expect(reasons({ activity: camp({ eligibleAreaIds: ["jennum"] }), person: child() })).toEqual(["areaNotEligible"]);
    expect(reasons({ activity: camp({ eligibleAreaIds: ["vangdalen"] }), person: child() })).toEqual([]);
  });
  it("takes residents from outside (or unknown) only when the activity is open to them", () => {
    const outside = { id: "outside", isPlanArea: false };
    expect(reasons({ activity: camp({ openToOutsiders: false }), person: child({ area: outside }) })).toEqual(["areaNotEligible"]);
    expect(reasons({ activity: camp({ openToOutsiders: false }), person: child({ area: null }) })).toEqual(["areaNotEligible"]);
    expect(reasons({ activity: camp({ openToOutsiders: true }), person: child({ area: outside }) })).toEqual([]);
  });
});

describe("overlapping sessions and repeats", () => {
  const other = (startsAt: string, endsAt: string) => ({
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    activityTitle: "Brandkadet",
    day: "2027-07-05",
  });
  it("refuses a child already booked at the same time", () => {
    const booked = child({ otherCommitments: [other("2027-07-05T12:00:00Z", "2027-07-05T14:00:00Z")] });
    expect(ineligibilities({ activity: camp(), person: booked })).toEqual([{ reason: "overlap", otherActivityTitle: "Brandkadet", day: "2027-07-05" }]);
  });
  it("allows back-to-back sessions", () => {
    const booked = child({ otherCommitments: [other("2027-07-05T13:00:00Z", "2027-07-05T15:00:00Z")] });
    expect(reasons({ activity: camp(), person: booked })).toEqual([]);
  });
  it("refuses a second sign-up for the same activity", () => {
    expect(reasons({ activity: camp(), person: child({ alreadySignedUp: true }) })).toEqual(["alreadySignedUp"]);
  });
});

describe("adults", () => {
  it("join family courses with their children, without age limits, but not children's activities", () => {
    const guardian = child({ role: "GUARDIAN", birthDay: null });
    expect(reasons({ activity: camp({ familiesJoinTogether: true }), person: guardian })).toEqual([]);
    expect(reasons({ activity: camp(), person: guardian })).toEqual(["adultNotAllowed"]);
  });
});
