import { describe, expect, it } from "vitest";
import { copenhagenInstant, localParts } from "../dates.ts";
import { expandPlan, isCalendarDay, shiftByDays, weekdayOf, type SessionPlan } from "./series.ts";

const days = (plan: SessionPlan, holidays = [] as { from: string; until: string }[]) => expandPlan(plan, holidays).sessions.map((session) => session.day);
const wall = (instant: Date) => {
  const local = localParts(instant);
  return `${local.day} ${local.time}`;
};

describe("copenhagenInstant", () => {
  it("is UTC+1 in winter and UTC+2 in summer", () => {
    expect(copenhagenInstant("2027-01-11", "15:00").toISOString()).toBe("2027-01-11T14:00:00.000Z");
    expect(copenhagenInstant("2027-07-05", "09:00").toISOString()).toBe("2027-07-05T07:00:00.000Z");
  });

  it("reads a time skipped at the spring change as the clock moved forward shows it", () => {
    // 28 March 2027: 02:00 → 03:00.
    expect(copenhagenInstant("2027-03-28", "01:59").toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(copenhagenInstant("2027-03-28", "02:30").toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(wall(copenhagenInstant("2027-03-28", "02:30"))).toBe("2027-03-28 03:30");
    expect(copenhagenInstant("2027-03-28", "03:00").toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });

  it("takes the earlier of the two instants a time is shown at the autumn change", () => {
    // 31 October 2027: 03:00 → 02:00, so 02:30 happens twice.
    expect(copenhagenInstant("2027-10-31", "02:30").toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(copenhagenInstant("2027-10-31", "03:00").toISOString()).toBe("2027-10-31T02:00:00.000Z");
  });

  it("shifts by whole weeks keeping the wall-clock time across a DST change", () => {
    const before = copenhagenInstant("2027-03-22", "15:00");
    const after = shiftByDays(before, 7);
    expect(wall(after)).toBe("2027-03-29 15:00");
    expect(after.getTime() - before.getTime()).toBe(7 * 86_400_000 - 3_600_000);
  });
});

describe("expandPlan", () => {
  const times = { startTime: "15:00", endTime: "17:00" };

  it("a one-off date and several dates, sorted and without duplicates", () => {
    expect(days({ kind: "dates", dates: ["2027-06-23"], ...times })).toEqual(["2027-06-23"]);
    expect(days({ kind: "dates", dates: ["2027-05-10", "2027-04-01", "2027-05-10"], ...times })).toEqual(["2027-04-01", "2027-05-10"]);
  });

  it("a summer camp Monday to Friday: every day, until inclusive, at the same time", () => {
    const { sessions } = expandPlan({ kind: "consecutiveDays", from: "2027-07-05", until: "2027-07-09", startTime: "09:00", endTime: "15:00" });
    expect(sessions.map((session) => session.day)).toEqual(["2027-07-05", "2027-07-06", "2027-07-07", "2027-07-08", "2027-07-09"]);
    expect(sessions[0]!.startsAt.toISOString()).toBe("2027-07-05T07:00:00.000Z");
    expect(sessions[4]!.endsAt.toISOString()).toBe("2027-07-09T13:00:00.000Z");
  });

  it("a weekly series on two weekdays includes `until` when it falls on one", () => {
    const plan: SessionPlan = { kind: "weekly", weekdays: [1, 3], interval: 1, from: "2027-01-04", until: "2027-01-18", ...times };
    expect(days(plan)).toEqual(["2027-01-04", "2027-01-06", "2027-01-11", "2027-01-13", "2027-01-18"]);
    expect(days({ ...plan, until: "2027-01-17" })).toEqual(["2027-01-04", "2027-01-06", "2027-01-11", "2027-01-13"]);
  });

  it("a series starting mid-week begins on the first matching day on or after `from`", () => {
    expect(days({ kind: "weekly", weekdays: [1, 3], interval: 1, from: "2027-01-05", until: "2027-01-12", ...times })).toEqual(["2027-01-06", "2027-01-11"]);
  });

  it("every other week counts weeks from the week of `from`", () => {
    // From Wednesday 6 January: Monday 4 January is in week 0 but before `from`; next are weeks 2 and 4.
    const plan: SessionPlan = { kind: "weekly", weekdays: [1, 3], interval: 2, from: "2027-01-06", until: "2027-02-01", ...times };
    expect(days(plan)).toEqual(["2027-01-06", "2027-01-18", "2027-01-20", "2027-02-01"]);
  });

  it("keeps 15:00 on the wall clock across the spring and autumn changes", () => {
    const spring = expandPlan({ kind: "weekly", weekdays: [1], interval: 1, from: "2027-03-22", until: "2027-03-29", ...times }).sessions;
    expect(spring.map((session) => session.startsAt.toISOString())).toEqual(["2027-03-22T14:00:00.000Z", "2027-03-29T13:00:00.000Z"]);
    const autumn = expandPlan({ kind: "weekly", weekdays: [7], interval: 1, from: "2027-10-24", until: "2027-10-31", ...times }).sessions;
    expect(autumn.map((session) => session.startsAt.toISOString())).toEqual(["2027-10-24T13:00:00.000Z", "2027-10-31T14:00:00.000Z"]);
    expect(autumn.map((session) => wall(session.endsAt))).toEqual(["2027-10-24 17:00", "2027-10-31 17:00"]);
  });

  it("skips given periods (inclusive) and single dates, and says which", () => {
    const plan: SessionPlan = {
      kind: "weekly",
      weekdays: [1, 3],
      interval: 1,
      from: "2027-02-01",
      until: "2027-03-01",
      skip: [
        { from: "2027-02-15", until: "2027-02-19" }, // winter holiday, week 7
        { from: "2027-03-01", until: "2027-03-01" },
      ],
      ...times,
    };
    const { sessions, skipped } = expandPlan(plan);
    expect(sessions.map((session) => session.day)).toEqual(["2027-02-01", "2027-02-03", "2027-02-08", "2027-02-10", "2027-02-22", "2027-02-24"]);
    expect(skipped).toEqual([
      { day: "2027-02-15", reason: "skipped" },
      { day: "2027-02-17", reason: "skipped" },
      { day: "2027-03-01", reason: "skipped" },
    ]);
  });

  it("skips the school holidays only when asked to", () => {
    const holidays = [{ from: "2027-10-16", until: "2027-10-24" }];
    const plan: SessionPlan = { kind: "weekly", weekdays: [2], interval: 1, from: "2027-10-12", until: "2027-10-26", ...times };
    expect(days(plan, holidays)).toEqual(["2027-10-12", "2027-10-19", "2027-10-26"]);
    const { sessions, skipped } = expandPlan({ ...plan, skipSchoolHolidays: true }, holidays);
    expect(sessions.map((session) => session.day)).toEqual(["2027-10-12", "2027-10-26"]);
    expect(skipped).toEqual([{ day: "2027-10-19", reason: "schoolHoliday" }]);
  });

  it("is empty when no day matches or everything is skipped", () => {
    expect(expandPlan({ kind: "weekly", weekdays: [6], interval: 1, from: "2027-01-04", until: "2027-01-08", ...times })).toEqual({
      sessions: [],
      skipped: [],
    });
    const allSkipped = expandPlan({
      kind: "consecutiveDays",
      from: "2027-07-05",
      until: "2027-07-06",
      skip: [{ from: "2027-07-01", until: "2027-07-31" }],
      ...times,
    });
    expect(allSkipped.sessions).toEqual([]);
    expect(allSkipped.skipped).toHaveLength(2);
    expect(expandPlan({ kind: "dates", dates: [], ...times }).sessions).toEqual([]);
  });

  it("refuses an end time that is not after the start time", () => {
    expect(() => expandPlan({ kind: "dates", dates: ["2027-06-23"], startTime: "17:00", endTime: "17:00" })).toThrow(RangeError);
  });
});

describe("calendar helpers", () => {
  it("knows real days and weekdays", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2027-02-29")).toBe(false);
    expect(isCalendarDay("2027-2-1")).toBe(false);
    expect(weekdayOf("2027-01-04")).toBe(1);
    expect(weekdayOf("2027-01-10")).toBe(7);
  });
});
