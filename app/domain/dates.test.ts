import { describe, expect, it } from "vitest";
import { addDaysToDay, ageOn, copenhagenDay, dayProblem, dayRange, isRealDay, isRealTime, localParts, mondayOf, monthProblem, nextDaytime } from "./dates.ts";

describe("dates in Copenhagen", () => {
  it("puts 23:30 UTC on the next Danish day", () => {
    expect(copenhagenDay(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
    expect(copenhagenDay(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
    expect(copenhagenDay(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });

  it("counts a birthday on the day itself", () => {
    expect(ageOn("2014-03-03", "2027-03-02")).toBe(12);
    expect(ageOn("2014-03-03", "2027-03-03")).toBe(13);
    expect(ageOn("2012-02-29", "2027-02-28")).toBe(14);
    expect(ageOn("2012-02-29", "2027-03-01")).toBe(15);
  });

  it("reads wall-clock parts across the DST change", () => {
    expect(localParts(new Date("2026-03-29T00:30:00Z"))).toEqual({ day: "2026-03-29", time: "01:30", weekday: 7 });
    expect(localParts(new Date("2026-03-29T01:30:00Z"))).toEqual({ day: "2026-03-29", time: "03:30", weekday: 7 });
  });

  it("steps days and finds Mondays", () => {
    expect(addDaysToDay("2026-02-28", 1)).toBe("2026-03-01");
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
  });
});

describe("localParts", () => {
  it("agrees with Intl for every quarter hour across both clock changes of 2027", () => {
    const intl = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Copenhagen", hourCycle: "h23", dateStyle: "short", timeStyle: "short" });
    for (const [from, to] of [
      ["2027-03-27T20:00:00Z", "2027-03-28T06:00:00Z"],
      ["2027-10-30T20:00:00Z", "2027-10-31T06:00:00Z"],
    ] as const) {
      for (let t = Date.parse(from); t < Date.parse(to); t += 15 * 60_000) {
        const parts = localParts(new Date(t));
        const [day, time] = intl.format(new Date(t)).split(", ") as [string, string];
        expect(`${parts.day.split("-").reverse().join("/")} ${parts.time}`).toBe(`${day} ${time}`);
      }
    }
  });

  it("gives the ISO weekday", () => {
    expect(localParts(new Date("2027-03-28T22:30:00Z"))).toEqual({ day: "2027-03-29", time: "00:30", weekday: 1 });
    expect(localParts(new Date("2027-03-28T21:30:00Z"))).toEqual({ day: "2027-03-28", time: "23:30", weekday: 7 });
  });
});

describe("a typed date (one rule for every form)", () => {
  it.each([
    ["2025-02-28", true],
    ["2025-02-29", false],
    ["2028-02-29", true],
    ["2000-02-29", true],
    ["2100-02-29", false],
    ["2025-02-31", false],
    ["2025-04-30", true],
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-01-00", false],
    ["0000-01-01", false],
    ["0001-01-01", true],
    ["9999-12-31", true],
    ["2025-1-01", false],
    ["25-01-01", false],
    ["20250101", false],
    [" 2025-01-01", false],
    ["2025-01-01T10:00", false],
    ["", false],
  ])("%s exists: %s", (value, real) => {
    expect(isRealDay(value)).toBe(real);
  });

  it.each([
    ["00:00", true],
    ["23:59", true],
    ["24:00", false],
    ["25:00", false],
    ["12:60", false],
    ["9:00", false],
    ["12:00:00", false],
    ["", false],
  ])("%s is a time of day: %s", (value, real) => {
    expect(isRealTime(value)).toBe(real);
  });

  const today = "2026-12-07";
  it.each([
    // birth: 1900-01-01 … today
    ["birth", "1899-12-31", "outOfRange"],
    ["birth", "1900-01-01", null],
    ["birth", "2026-12-07", null],
    ["birth", "2026-12-08", "outOfRange"],
    ["birth", "0000-01-01", "invalid"],
    ["birth", "2016-02-30", "invalid"],
    // near: a year back … two years ahead
    ["near", "2025-12-06", "outOfRange"],
    ["near", "2025-12-07", null],
    ["near", "2028-12-07", null],
    ["near", "2028-12-08", "outOfRange"],
    ["near", "9999-12-31", "outOfRange"],
    ["near", "2027-02-31", "invalid"],
    // plan: 2025–2029 with five years either side
    ["plan", "2019-12-31", "outOfRange"],
    ["plan", "2020-01-01", null],
    ["plan", "2034-12-31", null],
    ["plan", "2035-01-01", "outOfRange"],
    ["plan", "9999-12-31", "outOfRange"],
    ["plan", "0000-01-01", "invalid"],
    ["plan", "2025-02-31", "invalid"],
  ] as const)("%s %s → %s", (kind, value, problem) => {
    expect(dayProblem(value, kind, today)).toBe(problem);
  });

  it("counts a year from 29 February as 28 February", () => {
    expect(dayRange("near", "2028-02-29")).toEqual({ from: "2027-02-28", to: "2030-02-28" });
  });

  it.each([
    ["2019-12", "outOfRange"],
    ["2020-01", null],
    ["2034-12", null],
    ["2035-01", "outOfRange"],
    ["2025-13", "invalid"],
    ["0000-01", "invalid"],
    ["2025-1", "invalid"],
  ] as const)("the month %s of the plan → %s", (value, problem) => {
    expect(monthProblem(value, "plan", today)).toBe(problem);
  });
});

describe("nextDaytime: 08:00–20:00 on the Copenhagen clock", () => {
  it.each([
    // instant (UTC), Copenhagen wall clock, when a message that can wait may go (UTC)
    ["2026-12-07T06:59:00Z", "07:59 winter", "2026-12-07T07:00:00.000Z"],
    ["2026-12-07T07:00:00Z", "08:00 winter", "2026-12-07T07:00:00.000Z"],
    ["2026-12-07T18:59:59Z", "19:59 winter", "2026-12-07T18:59:59.000Z"],
    ["2026-12-07T19:00:00Z", "20:00 winter", "2026-12-08T07:00:00.000Z"],
    ["2026-12-07T23:30:00Z", "00:30 the next day", "2026-12-08T07:00:00.000Z"],
    ["2026-07-01T05:59:00Z", "07:59 summer", "2026-07-01T06:00:00.000Z"],
    ["2026-07-01T18:00:00Z", "20:00 summer", "2026-07-02T06:00:00.000Z"],
    // The night clocks go forward (29 March 2026, 02:00 → 03:00): 20:30 winter time waits until 08:00 summer time,
    // 11 hours and a half later — not 12 hours (09:00).
    ["2026-03-28T19:30:00Z", "20:30 before spring forward", "2026-03-29T06:00:00.000Z"],
    ["2026-03-29T00:30:00Z", "01:30 before the change", "2026-03-29T06:00:00.000Z"],
    ["2026-03-29T05:30:00Z", "07:30 summer, the first morning", "2026-03-29T06:00:00.000Z"],
    // The night clocks go back (25 October 2026, 03:00 → 02:00): 20:30 summer time waits 12 hours and a half.
    ["2026-10-24T18:30:00Z", "20:30 before fall back", "2026-10-25T07:00:00.000Z"],
    ["2026-10-25T00:30:00Z", "02:30 the first time", "2026-10-25T07:00:00.000Z"],
    ["2026-10-25T01:30:00Z", "02:30 the second time", "2026-10-25T07:00:00.000Z"],
    ["2026-10-25T06:59:00Z", "07:59 winter, the first morning", "2026-10-25T07:00:00.000Z"],
    ["2026-10-25T07:00:00Z", "08:00 winter, the first morning", "2026-10-25T07:00:00.000Z"],
  ])("%s (%s) → %s", (instant, _wall, expected) => {
    expect(nextDaytime(new Date(instant)).toISOString()).toBe(expected);
  });
});
