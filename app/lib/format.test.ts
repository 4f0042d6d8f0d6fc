import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatKroner, formatTime, formatTimeRange, formatWhen } from "./format.ts";

describe("formatting in Danish time", () => {
  it("shows times in Europe/Copenhagen on both sides of the DST change", () => {
    // 29 March 2026 02:00 the clocks go forward: 01:30Z is 03:30 local, 00:30Z is 01:30.
    expect(formatTime(new Date("2026-03-29T00:30:00Z"), "en")).toBe("01:30");
    expect(formatTime(new Date("2026-03-29T01:30:00Z"), "en")).toBe("03:30");
    expect(formatTime(new Date("2026-07-01T13:00:00Z"), "da")).toBe("15.00");
  });

  it("names the day in the reader's language, with Western digits in Arabic", () => {
    const date = new Date("2027-03-03T12:00:00Z");
    expect(formatDate(date, "da")).toBe("onsdag den 3. marts 2027");
    expect(formatDate(date, "en")).toBe("Wednesday, 3 March 2027");
    expect(formatDate(date, "ar")).toMatch(/الأربعاء/);
    expect(formatDate(date, "ar")).toMatch(/2027/);
  });

  it("writes whole kroner without decimals, øre with", () => {
    expect(formatKroner(2000, "da")).toBe("20\u00a0kr.");
    expect(formatKroner(2050, "da")).toBe("20,50\u00a0kr.");
  });
});

describe("a time range in the reader's direction (issue 19, defect 12: '17:30–16:00 ,2027' in Arabic)", () => {
  const start = new Date("2027-01-14T15:00:00Z");
  const end = new Date("2027-01-14T16:30:00Z");
  it("Danish and English as written; Arabic with its own comma and the range kept left to right", () => {
    expect(formatWhen(start, end, "da")).toBe("torsdag den 14. januar 2027, 16.00–17.30");
    expect(formatWhen(start, end, "en")).toBe("Thursday, 14 January 2027, 16:00–17:30");
    const ar = formatWhen(start, end, "ar");
    expect(ar).toContain("، \u206616:00–17:30\u2069");
    expect(ar).not.toContain(", ");
    expect(formatTimeRange(start, end, "ar")).toBe("\u206616:00–17:30\u2069");
  });
});

describe("a date with a time writes the month out, like the dates beside it (defect 12: '07/12/2026' in Arabic)", () => {
  it.each([
    ["da", "7. december 2026 kl. 15.00"],
    ["en", "7 December 2026 at 15:00"],
    ["ar", "7 ديسمبر 2026 في 15:00"],
  ] as const)("%s: %s", (language, text) => {
    expect(formatDateTime(new Date("2026-12-07T14:00:00Z"), language)).toBe(text);
  });
});
