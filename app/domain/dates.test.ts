import { describe, expect, it } from "vitest";
import { addDaysToDay, ageOn, copenhagenDay, localParts, mondayOf } from "./dates.ts";

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
