// Every rule, at its limit (allowed) and one minute over (refused).
import { copenhagenInstant } from "../dates.ts";
import { describe, expect, it } from "vitest";
import { checkShift, type Person, type Shift } from "./work-time.ts";

// Week 10 of 2027: Monday 8 March … Sunday 14 March. A school week (Mon–Fri).
const schoolDays = new Set(["2027-03-08", "2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12"]);
const schoolCalendar = (day: string) => schoolDays.has(day);
const holidays = () => false;

const shift = (day: string, start: string, end: string, breakMinutes = 0): Shift => ({
  startsAt: copenhagenInstant(day, start),
  endsAt: copenhagenInstant(day, end),
  breakMinutes,
});
const ali: Person = { birthDate: "2013-01-01", inSchool: true }; // 14 in 2027
const sara: Person = { birthDate: "2011-01-01", inSchool: true }; // 16, still in school
const omar: Person = { birthDate: "2010-01-01", inSchool: false }; // 17, left school
const rules = (person: Person, existing: Shift[], next: Shift, calendar = schoolCalendar) => checkShift(person, existing, next, calendar).map((v) => v.rule);

describe("age", () => {
  it("nobody under 13 works; a 13th birthday on the shift's day is enough", () => {
    const turns13 = { birthDate: "2014-03-09", inSchool: true };
    expect(rules(turns13, [], shift("2027-03-08", "15:00", "16:00"))).toEqual(["tooYoung"]);
    expect(rules(turns13, [], shift("2027-03-09", "15:00", "16:00"))).toEqual([]);
  });
});

describe("school days and weeks (under 15 or in school)", () => {
  it("at most 2 hours on a school day: 2:00 passes, 2:01 fails", () => {
    expect(rules(ali, [], shift("2027-03-08", "15:00", "17:00"))).toEqual([]);
    expect(checkShift(ali, [], shift("2027-03-08", "15:00", "17:01"), schoolCalendar)).toEqual([
      { rule: "dayLimit", age: 14, schoolDay: true, limitMinutes: 120, totalMinutes: 121 },
    ]);
    expect(rules(sara, [], shift("2027-03-08", "15:00", "17:01"))).toEqual(["dayLimit"]);
  });
  it("a 3-hour shift on a school day is refused, a 2-hour one allowed (the issue's example)", () => {
    expect(rules(ali, [], shift("2027-03-10", "14:00", "17:00"))).toContain("dayLimit");
    expect(rules(ali, [], shift("2027-03-10", "14:00", "16:00"))).toEqual([]);
  });
  it("at most 12 hours in a week with school days, weekend included", () => {
    // Mon–Wed 2 h each, Thursday and Friday off, Saturday 6 h (with a break): 12 h.
    const week = [shift("2027-03-08", "15:00", "17:00"), shift("2027-03-09", "15:00", "17:00"), shift("2027-03-10", "15:00", "17:00")];
    expect(rules(ali, week, shift("2027-03-13", "08:00", "14:30", 30))).toEqual([]);
    expect(rules(ali, week, shift("2027-03-13", "08:00", "14:31", 30))).toEqual(["weekLimit"]);
  });
  it("counts the whole week even when the school-free Saturday is the longer day (7 h allowed for a 14-year-old)", () => {
    expect(rules(ali, [], shift("2027-03-13", "08:00", "15:30", 30))).toEqual([]);
  });
});

describe("school-free days and weeks", () => {
  it("13–14: at most 7 hours a day", () => {
    expect(rules(ali, [], shift("2027-07-05", "08:00", "15:30", 30), holidays)).toEqual([]);
    expect(rules(ali, [], shift("2027-07-05", "08:00", "15:31", 30), holidays)).toEqual(["dayLimit"]);
  });
  it("13–14: at most 35 hours a week", () => {
    const days = ["2027-07-05", "2027-07-06", "2027-07-07", "2027-07-08"].map((d) => shift(d, "08:00", "15:30", 30)); // 28 h
    expect(rules(ali, days, shift("2027-07-09", "08:00", "15:30", 30), holidays)).toEqual([]); // 35 h
    const oneMinuteMore = [...days.slice(0, 3), shift("2027-07-08", "08:00", "15:31", 30)];
    expect(rules(ali, oneMinuteMore, shift("2027-07-09", "08:00", "15:30", 30), holidays)).toEqual(["weekLimit"]);
  });
  it("15–17 in school: 8 hours a day and 40 a week", () => {
    expect(rules(sara, [], shift("2027-07-05", "08:00", "16:30", 30), holidays)).toEqual([]);
    expect(rules(sara, [], shift("2027-07-05", "08:00", "16:31", 30), holidays)).toEqual(["dayLimit"]);
    const days = ["2027-07-05", "2027-07-06", "2027-07-07", "2027-07-08"].map((d) => shift(d, "08:00", "16:30", 30));
    expect(rules(sara, days, shift("2027-07-09", "08:00", "16:30", 30), holidays)).toEqual([]);
    const oneMinuteMore = [...days.slice(0, 3), shift("2027-07-08", "08:00", "16:31", 30)];
    expect(rules(sara, oneMinuteMore, shift("2027-07-09", "08:00", "16:30", 30), holidays)).toEqual(["weekLimit"]);
  });
  it("15–17 who left school: 8 hours a day even on school days", () => {
    expect(rules(omar, [], shift("2027-03-08", "08:00", "16:30", 30))).toEqual([]);
    expect(rules(omar, [], shift("2027-03-08", "08:00", "16:31", 30))).toEqual(["dayLimit"]);
  });
});

describe("night, rest, break, days off", () => {
  it("under 15 or in school: nothing between 20:00 and 06:00", () => {
    expect(rules(ali, [], shift("2027-03-13", "18:00", "20:00"))).toEqual([]);
    expect(rules(ali, [], shift("2027-03-13", "18:00", "20:01"))).toEqual(["night"]);
    expect(rules(ali, [], shift("2027-03-13", "06:00", "08:00"))).toEqual([]);
    expect(rules(ali, [], shift("2027-03-13", "05:59", "07:59"))).toContain("night");
  });
  it("left school: nothing between 22:00 and 06:00", () => {
    expect(rules(omar, [], shift("2027-03-13", "16:00", "22:00", 30))).toEqual([]);
    expect(rules(omar, [], shift("2027-03-13", "16:00", "22:01", 30))).toEqual(["night"]);
  });
  it("14 hours' unbroken rest in 24 (12 for those who left school)", () => {
    // 06:00–09:00 and 14:00–16:00 on a school-free day: stretch 10 h, rest 14 h.
    const morning = shift("2027-07-05", "06:00", "09:00");
    expect(rules(ali, [morning], shift("2027-07-05", "14:00", "16:00"), holidays)).toEqual([]);
    expect(rules(ali, [morning], shift("2027-07-05", "14:00", "16:01"), holidays)).toEqual(["rest"]);
    const early = shift("2027-07-05", "06:00", "09:00");
    expect(rules(omar, [early], shift("2027-07-05", "15:00", "18:00"), holidays)).toEqual([]); // 12 h stretch
    expect(rules(omar, [early], shift("2027-07-05", "15:00", "18:01"), holidays)).toEqual(["rest"]);
  });
  it("a working day over 4½ hours needs a 30-minute break", () => {
    expect(rules(sara, [], shift("2027-07-05", "08:00", "12:30"), holidays)).toEqual([]);
    expect(rules(sara, [], shift("2027-07-05", "08:00", "12:31"), holidays)).toEqual(["break"]);
    expect(rules(sara, [], shift("2027-07-05", "08:00", "13:01", 30), holidays)).toEqual([]);
  });
  it("two consecutive days off in each week", () => {
    const five = ["2027-07-05", "2027-07-06", "2027-07-07", "2027-07-08", "2027-07-09"].map((d) => shift(d, "09:00", "11:00"));
    expect(rules(sara, five.slice(0, 4), five[4]!, holidays)).toEqual([]); // Sat+Sun off
    expect(rules(sara, five, shift("2027-07-10", "09:00", "11:00"), holidays)).toEqual(["daysOff"]);
  });
});

describe("birthdays", () => {
  it("a 15th birthday in the middle of a school-free week lifts the day limit from that day", () => {
    const turns15 = { birthDate: "2012-07-07", inSchool: true };
    expect(rules(turns15, [], shift("2027-07-06", "08:00", "15:31", 30), holidays)).toEqual(["dayLimit"]); // 14: 7 h
    expect(rules(turns15, [], shift("2027-07-07", "08:00", "15:31", 30), holidays)).toEqual([]); // 15: 8 h
  });
});

describe("the remaining limits at their boundary", () => {
  it("15–17 in school: 12 hours in a week with school days", () => {
    const week = [shift("2027-03-08", "15:00", "17:00"), shift("2027-03-09", "15:00", "17:00"), shift("2027-03-10", "15:00", "17:00")];
    expect(rules(sara, week, shift("2027-03-13", "08:00", "14:30", 30))).toEqual([]);
    expect(rules(sara, week, shift("2027-03-13", "08:00", "14:31", 30))).toEqual(["weekLimit"]);
  });
  it("left school: 40 hours a week", () => {
    const days = ["2027-07-05", "2027-07-06", "2027-07-07", "2027-07-08"].map((d) => shift(d, "08:00", "16:30", 30)); // 32 h
    expect(rules(omar, days, shift("2027-07-09", "08:00", "16:30", 30), holidays)).toEqual([]);
    const oneMinuteMore = [...days.slice(0, 3), shift("2027-07-08", "08:00", "16:31", 30)];
    expect(rules(omar, oneMinuteMore, shift("2027-07-09", "08:00", "16:30", 30), holidays)).toEqual(["weekLimit"]);
  });
  it("left school: nothing before 06:00", () => {
    expect(rules(omar, [], shift("2027-03-13", "06:00", "10:00"))).toEqual([]);
    expect(rules(omar, [], shift("2027-03-13", "05:59", "09:59"))).toEqual(["night"]);
  });
  it("rest across midnight: an evening shift and an early one the next morning", () => {
    // 18:00–20:00, then 10:00 the next day: 14 h rest. 09:59: one minute short.
    const evening = shift("2027-07-05", "18:00", "20:00");
    expect(rules(ali, [evening], shift("2027-07-06", "10:00", "12:00"), holidays)).toEqual([]);
    expect(rules(ali, [evening], shift("2027-07-06", "09:59", "11:59"), holidays)).toEqual(["rest"]);
  });
  it("a rest problem elsewhere (older data) does not block an unrelated shift", () => {
    const tooClose = [shift("2027-07-05", "06:00", "09:00"), shift("2027-07-05", "14:00", "17:00")];
    expect(rules(ali, tooClose, shift("2027-07-07", "10:00", "12:00"), holidays)).toEqual([]);
  });
  it("a break given exactly: 30 minutes passes, 29 fails", () => {
    expect(rules(sara, [], shift("2027-07-05", "08:00", "13:30", 30), holidays)).toEqual([]);
    expect(rules(sara, [], shift("2027-07-05", "08:00", "13:29", 29), holidays)).toEqual(["break"]);
  });
});

describe("birthdays in the middle of a week", () => {
  const turns15 = { birthDate: "2012-07-07", inSchool: true }; // 15 on Wednesday 7 July 2027
  it("the week's limit is the one for the age on the first day worked, whatever order the shifts come in", () => {
    const fromWednesday = [shift("2027-07-07", "08:00", "16:30", 30), shift("2027-07-08", "08:00", "16:30", 30), shift("2027-07-09", "08:00", "16:30", 30)]; // 3 × 8 h at 15
    // Only from Wednesday: the 15-year-old's 40 hours apply (8 h more on Saturday would make 32 h; Sunday and Monday stay free).
    expect(rules(turns15, fromWednesday, shift("2027-07-06", "08:00", "16:30", 30), holidays)).toEqual(["dayLimit"]); // Tuesday at 14: 7 h a day
    const monday = shift("2027-07-05", "08:00", "15:30", 30); // 7 h at 14: the week now counts at 35 h
    const tuesday = shift("2027-07-06", "08:00", "12:00"); // 4 h: 7 + 4 + 24 = 35 h
    expect(rules(turns15, [monday, ...fromWednesday], tuesday, holidays)).toEqual([]);
    expect(rules(turns15, [tuesday, ...fromWednesday], monday, holidays)).toEqual([]);
    const tuesdayPlus = shift("2027-07-06", "08:00", "12:01"); // 35 h 1 min
    expect(rules(turns15, [monday, ...fromWednesday], tuesdayPlus, holidays)).toEqual(["weekLimit"]);
    expect(rules(turns15, [tuesdayPlus, ...fromWednesday], monday, holidays)).toEqual(["weekLimit"]);
    expect(rules(turns15, [monday, tuesdayPlus, ...fromWednesday.slice(0, 2)], fromWednesday[2]!, holidays)).toEqual(["weekLimit"]);
    // The sentence names the age the cap was taken from: 14 on Monday, although Friday's shift is worked at 15.
    expect(checkShift(turns15, [monday, tuesdayPlus, ...fromWednesday.slice(0, 2)], fromWednesday[2]!, holidays)).toEqual([
      { rule: "weekLimit", age: 14, schoolWeek: false, limitMinutes: 35 * 60, totalMinutes: 35 * 60 + 1 },
    ]);
  });
});

describe("the rest a refusal names is the rest there would be", () => {
  const evening = shift("2027-07-05", "18:00", "20:00");
  it.each([
    // who, existing, new shift, required rest, the rest named (minutes)
    [
      "14: 06–09, then 14:00–16:01 the same day (13 h 59 after it)",
      ali,
      [shift("2027-07-05", "06:00", "09:00")],
      shift("2027-07-05", "14:00", "16:01"),
      840,
      839,
    ],
    ["14: 18–20, then 08:30 the next morning (a 12 h 30 gap, not 24 h − 14½ h)", ali, [evening], shift("2027-07-06", "08:30", "10:30"), 840, 750],
    ["14: 18–20, then 09:59 the next morning", ali, [evening], shift("2027-07-06", "09:59", "11:59"), 840, 839],
    [
      "17 out of school: 08–13 two days running and 19:00–21:00 between them (a 10-hour gap)",
      omar,
      [shift("2027-07-05", "08:00", "13:00"), shift("2027-07-06", "07:00", "13:00")],
      shift("2027-07-05", "19:00", "21:00"),
      720,
      600,
    ],
  ])("%s", (_, person, existing, next, rest, named) => {
    expect(checkShift(person, existing, next, holidays).find((v) => v.rule === "rest")).toEqual({
      rule: "rest",
      age: person === ali ? 14 : 17,
      restMinutes: rest,
      actualRestMinutes: named,
    });
  });
});
