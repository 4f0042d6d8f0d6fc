import { describe, expect, it } from "vitest";
import { translator } from "~/lib/i18n.server.ts";
import { durationText, violationText } from "./work-time-text.ts";

const da = translator("da", "shifts");
const en = translator("en", "shifts");
const ar = translator("ar", "shifts");

describe("violations in words", () => {
  it("names the young person, their age and the figures (the issue's example)", () => {
    const violation = { rule: "dayLimit", age: 14, schoolDay: true, limitMinutes: 120, totalMinutes: 180 } as const;
    expect(violationText(da, violation, "Ali", "da")).toBe("Ali er 14 år: højst 2 timer på en skoledag; denne vagt ville gøre det til 3 timer.");
    expect(violationText(en, violation, "Ali", "en")).toBe("Ali is 14 years old: at most 2 hours on a school day; this shift would make it 3 hours.");
    expect(violationText(da, violation, null, "da")).toBe("Du er 14 år: højst 2 timer på en skoledag; denne vagt ville gøre det til 3 timer.");
  });
  it("words every rule", () => {
    expect(violationText(da, { rule: "night", age: 14, nightStart: "20:00", nightEnd: "06:00" }, "Sara", "da")).toBe(
      "Sara er 14 år: ingen arbejde mellem kl. 20.00 og 06.00.",
    );
    expect(violationText(da, { rule: "rest", age: 16, restMinutes: 840, actualRestMinutes: 839 }, "Sara", "da")).toContain(
      "mindst 14 timer hvile i træk i døgnet; med denne vagt bliver der kun 13 t. 59 min.",
    );
    expect(violationText(da, { rule: "break", age: 16, breakAfterMinutes: 270, breakMinutes: 30, givenMinutes: 0 }, "Sara", "da")).toContain(
      "over 4 t. 30 min skal",
    );
    expect(violationText(da, { rule: "daysOff", age: 16, consecutiveDaysOff: 2 }, "Sara", "da")).toContain("to fridage i træk");
    expect(violationText(da, { rule: "tooYoung", age: 12 }, "Sara", "da")).toContain("mindst 13 år");
    expect(violationText(da, { rule: "weekLimit", age: 14, schoolWeek: false, limitMinutes: 2100, totalMinutes: 2101 }, "Sara", "da")).toBe(
      "Sara er 14 år: højst 35 timer i en skolefri uge; denne vagt ville gøre det til 35 t. 1 min.",
    );
  });
  it("durations", () => {
    expect([60, 120, 121, 45].map((m) => durationText(da, m, "da"))).toEqual(["1 time", "2 timer", "2 t. 1 min", "45 minutter"]);
  });
  // Issue 19, defect 12: "2 ساعات" — Arabic counts hours and years with their own forms (two, 3–10, 11–99, …).
  it.each([
    [60, "ساعة واحدة"],
    [120, "ساعتان"],
    [180, "3 ساعات"],
    [600, "10 ساعات"],
    [660, "11 ساعة"],
    [1, "دقيقة واحدة"],
    [2, "دقيقتان"],
    [5, "5 دقائق"],
    [45, "45 دقيقة"],
  ])("Arabic: %i minutes is %s", (minutes, text) => {
    expect(durationText(ar, minutes, "ar")).toBe(text);
  });
  it.each([
    [8, "عمر Ali 8 سنوات:"],
    [13, "عمر Ali 13 سنة:"],
  ])("Arabic: age %i", (age, start) => {
    expect(violationText(ar, { rule: "night", age, nightStart: "20:00", nightEnd: "06:00" }, "Ali", "ar")).toMatch(new RegExp(`^${start}`));
  });
});
