import { describe, expect, it } from "vitest";
import { addDaysToDay, localParts } from "../dates.ts";
import { summariseSchedule, type SessionTimes } from "./schedule.ts";

/** The instant Copenhagen clocks show `time` on `day` (tries winter, then summer time). */
function cph(day: string, time: string): Date {
  for (const offset of ["+01:00", "+02:00"]) {
    const instant = new Date(`${day}T${time}:00${offset}`);
    const parts = localParts(instant);
    if (parts.day === day && parts.time === time) return instant;
  }
  throw new Error(`no such wall-clock time: ${day} ${time}`);
}

const session = (day: string, start: string, end: string): SessionTimes => ({ startsAt: cph(day, start), endsAt: cph(day, end) });

/** Sessions on the given days at one time. */
const on = (days: string[], start = "15:00", end = "17:00") => days.map((day) => session(day, start, end));

/** Every `step` days from `from`, `count` days. */
const every = (from: string, step: number, count: number) => Array.from({ length: count }, (_, i) => addDaysToDay(from, i * step));

describe("summariseSchedule", () => {
  it("says nothing is coming when there are no sessions", () => {
    expect(summariseSchedule([])).toEqual({ kind: "none" });
  });

  it("a one-off event: its day and times", () => {
    expect(summariseSchedule([session("2027-06-23", "19:00", "22:00")])).toEqual({ kind: "single", day: "2027-06-23", startTime: "19:00", endTime: "22:00" });
  });

  it("a one-off event past midnight names the day it ends", () => {
    const overnight = { startsAt: cph("2027-03-05", "20:00"), endsAt: cph("2027-03-06", "08:00") };
    expect(summariseSchedule([overnight])).toEqual({ kind: "single", day: "2027-03-05", startTime: "20:00", endTime: "08:00", endDay: "2027-03-06" });
  });

  it("a camp Monday to Friday is consecutive days", () => {
    const camp = on(every("2027-07-05", 1, 5), "09:00", "15:00");
    expect(summariseSchedule(camp)).toEqual({
      kind: "consecutiveDays",
      firstDay: "2027-07-05",
      lastDay: "2027-07-09",
      startTime: "09:00",
      endTime: "15:00",
      count: 5,
    });
  });

  it("a lektiecafé every Monday and Wednesday, with a holiday week and a cancelled afternoon left out", () => {
    // Mondays and Wednesdays from 1 Feb 2027 for six weeks; week 7 (winter holiday) off; one Wednesday cancelled.
    const days = every("2027-02-01", 7, 6).flatMap((monday) => [monday, addDaysToDay(monday, 2)]);
    const held = days.filter((day) => !day.startsWith("2027-02-15") && !day.startsWith("2027-02-17") && day !== "2027-03-03");
    expect(summariseSchedule(on(held))).toEqual({
      kind: "weekly",
      weekdays: [1, 3],
      interval: 1,
      startTime: "15:00",
      endTime: "17:00",
      from: "2027-02-01",
      until: "2027-03-10",
      count: 9,
      exceptions: 0,
    });
  });

  it("a weekly series with a two-week Christmas break is still weekly", () => {
    const wednesdays = ["2026-12-09", "2026-12-16", "2027-01-06", "2027-01-13"];
    expect(summariseSchedule(on(wednesdays, "16:30", "18:00"))).toMatchObject({ kind: "weekly", weekdays: [3], interval: 1, count: 4 });
  });

  it("the input order does not matter", () => {
    const days = every("2027-02-02", 7, 4);
    expect(summariseSchedule(on(days).reverse())).toMatchObject({ kind: "weekly", weekdays: [2], from: "2027-02-02", until: "2027-02-23" });
  });

  it("Fædregruppen every other Thursday, one Thursday skipped for a public holiday", () => {
    const thursdays = every("2027-04-15", 14, 5).filter((day) => day !== "2027-05-13"); // Ascension Day
    expect(summariseSchedule(on(thursdays, "17:00", "19:00"))).toMatchObject({
      kind: "weekly",
      weekdays: [4],
      interval: 2,
      startTime: "17:00",
      endTime: "19:00",
      count: 4,
    });
  });

  it("keeps its wall-clock time across the change to summer time (28 March 2027)", () => {
    const tuesdays = on(every("2027-03-09", 7, 5), "18:00", "19:30");
    // The UTC instants move by an hour …
    expect(tuesdays[0]!.startsAt.toISOString()).toBe("2027-03-09T17:00:00.000Z");
    expect(tuesdays[4]!.startsAt.toISOString()).toBe("2027-04-06T16:00:00.000Z");
    // … the Danish clock does not.
    expect(summariseSchedule(tuesdays)).toMatchObject({
      kind: "weekly",
      weekdays: [2],
      interval: 1,
      startTime: "18:00",
      endTime: "19:30",
      count: 5,
      exceptions: 0,
    });
  });

  it("and back to winter time (31 October 2027), for a camp day by day", () => {
    const camp = on(every("2027-10-29", 1, 4), "09:00", "15:00");
    expect(summariseSchedule(camp)).toMatchObject({ kind: "consecutiveDays", firstDay: "2027-10-29", lastDay: "2027-11-01", startTime: "09:00" });
  });

  it("tolerates one meeting moved to another day or time", () => {
    const tuesdays = every("2027-02-02", 7, 6);
    const movedDay = [
      ...on(
        tuesdays.filter((day) => day !== "2027-02-16"),
        "18:00",
        "19:30",
      ),
      session("2027-02-18", "18:00", "19:30"),
    ];
    expect(summariseSchedule(movedDay)).toMatchObject({ kind: "weekly", weekdays: [2], startTime: "18:00", count: 6, exceptions: 1 });

    const movedTime = [...on(tuesdays.slice(1), "18:00", "19:30"), session(tuesdays[0]!, "17:00", "18:30")];
    expect(summariseSchedule(movedTime)).toMatchObject({ kind: "weekly", weekdays: [2], startTime: "18:00", count: 6, exceptions: 1 });
  });

  it("two meetings off the pattern are no longer a series", () => {
    const tuesdays = every("2027-02-02", 7, 6);
    const twoMoved = [...on(tuesdays.slice(2), "18:00", "19:30"), ...on(tuesdays.slice(0, 2), "17:00", "18:30")];
    expect(summariseSchedule(twoMoved)).toEqual({ kind: "dates", count: 6, from: "2027-02-02", until: "2027-03-09" });
  });

  it("scattered dates at one time are dates, with the time", () => {
    const scattered = on(["2027-03-02", "2027-03-18", "2027-04-26", "2027-05-07"], "10:00", "12:00");
    expect(summariseSchedule(scattered)).toEqual({ kind: "dates", count: 4, from: "2027-03-02", until: "2027-05-07", startTime: "10:00", endTime: "12:00" });
  });

  it("the same weekday, but weeks apart, is not 'every other week'", () => {
    expect(summariseSchedule(on(["2027-03-02", "2027-03-16", "2027-05-11"]))).toMatchObject({ kind: "dates", count: 3 });
    expect(summariseSchedule(on(["2027-03-02", "2027-03-30"]))).toMatchObject({ kind: "dates", count: 2 });
    expect(summariseSchedule(on(["2027-03-02", "2027-03-30", "2027-04-27"]))).toMatchObject({ kind: "dates", count: 3 });
    expect(summariseSchedule(on(["2027-03-02", "2027-03-09", "2027-04-06"]))).toMatchObject({ kind: "dates", count: 3 });
  });

  it("two meetings a week apart are a (short) weekly series", () => {
    expect(summariseSchedule(on(["2027-03-02", "2027-03-09"]))).toMatchObject({ kind: "weekly", weekdays: [2], interval: 1, count: 2 });
  });

  it("one week with several meetings that are not consecutive is dates", () => {
    expect(summariseSchedule(on(["2027-03-01", "2027-03-03", "2027-03-05"]))).toMatchObject({ kind: "dates", count: 3 });
  });
});
