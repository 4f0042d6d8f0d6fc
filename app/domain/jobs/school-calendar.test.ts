import { describe, expect, it } from "vitest";
import { easterSunday, isPublicHoliday, publicHolidays, schoolCalendar } from "./school-calendar.ts";

describe("school calendar", () => {
  it("finds Easter Sunday", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });
  it("knows the Danish public holidays; Store Bededag only until 2023", () => {
    expect([...publicHolidays(2027)].sort()).toEqual([
      "2027-01-01",
      "2027-03-25",
      "2027-03-26",
      "2027-03-28",
      "2027-03-29",
      "2027-05-06",
      "2027-05-16",
      "2027-05-17",
      "2027-12-25",
      "2027-12-26",
    ]);
    expect(isPublicHoliday("2023-05-05")).toBe(true); // Store Bededag 2023
    expect(isPublicHoliday("2024-04-26")).toBe(false); // abolished
  });
  it("a school day is a weekday outside the holidays, public holidays included", () => {
    const isSchoolDay = schoolCalendar([{ startsOn: "2027-10-16", endsOn: "2027-10-24" }]);
    expect(isSchoolDay("2027-10-15")).toBe(true); // Friday before the autumn holiday
    expect(isSchoolDay("2027-10-18")).toBe(false); // first Monday of it
    expect(isSchoolDay("2027-10-22")).toBe(false); // last Friday of it
    expect(isSchoolDay("2027-10-25")).toBe(true); // back at school
    expect(isSchoolDay("2027-10-09")).toBe(false); // a Saturday
    expect(isSchoolDay("2027-10-10")).toBe(false); // a Sunday
    expect(isSchoolDay("2027-05-06")).toBe(false); // Ascension Day
  });
});
