import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATE_ERRORS, dateTimeField, dayField, monthField, timeField } from "./date-fields.ts";
import { copenhagenDay, dayRange } from "./dates.ts";

const issue = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : result.error!.issues[0]!.message);

describe("date fields in forms", () => {
  it.each([
    ["plan", undefined, "errors.required"],
    ["plan", "   ", "errors.required"],
    ["plan", "0000-01-01", DATE_ERRORS.invalid],
    ["plan", "2025-02-31", DATE_ERRORS.invalid],
    ["plan", "9999-12-31", DATE_ERRORS.range.plan],
    ["plan", "2026-03-01", null],
    ["near", "9999-12-31", DATE_ERRORS.range.near],
    ["near", copenhagenDay(new Date()), null],
    ["birth", "1800-01-01", DATE_ERRORS.range.birth],
    ["birth", "2016-05-01", null],
  ] as const)("a %s day %j → %s", (kind, value, message) => {
    expect(issue(dayField(kind, "errors.required").safeParse(value))).toBe(message);
  });

  it.each([
    ["16:00", null],
    ["25:00", DATE_ERRORS.time],
    ["24:00", DATE_ERRORS.time],
    ["4 pm", DATE_ERRORS.time],
  ])("the time %j → %s", (value, message) => {
    expect(issue(timeField("errors.required").safeParse(value))).toBe(message);
  });

  it.each([
    [`${copenhagenDay(new Date())}T10:00`, null],
    ["0000-01-01T10:00", DATE_ERRORS.invalid],
    ["2027-02-31T10:00", DATE_ERRORS.invalid],
    [`${copenhagenDay(new Date())}T25:00`, DATE_ERRORS.invalid],
    ["9999-12-31T10:00", DATE_ERRORS.range.near],
    ["2027-01-01", DATE_ERRORS.invalid],
  ])("the date and time %j → %s", (value, message) => {
    expect(issue(dateTimeField("near", "errors.required").safeParse(value))).toBe(message);
  });

  it("refuses a month outside the range with the field's message", () => {
    expect(issue(monthField("plan", "errors.monthInvalid").safeParse("0000-01"))).toBe("errors.monthInvalid");
    expect(issue(monthField("plan", "errors.monthInvalid").safeParse("2026-11"))).toBeNull();
  });

  it("says the range in Danish, English and Arabic, with the years the rule uses", () => {
    const plan = dayRange("plan", "2026-12-07");
    const years = { birth: ["1900"], near: [], plan: [plan.from.slice(0, 4), plan.to.slice(0, 4)] };
    for (const language of ["da", "en", "ar"]) {
      const dates = (
        JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/${language}/common.json`), "utf8")) as {
          dates: { invalid: string; timeInvalid: string; range: Record<string, string> };
        }
      ).dates;
      expect(dates.invalid && dates.timeInvalid, language).toBeTruthy();
      for (const [kind, expected] of Object.entries(years)) {
        expect(dates.range[kind], `${language} ${kind}`).toBeTruthy();
        for (const year of expected) expect(dates.range[kind], `${language} ${kind}`).toContain(year);
      }
    }
  });
});
