import { describe, expect, it } from "vitest";
import { formatDate, formatKroner, formatTime } from "./format.ts";

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
