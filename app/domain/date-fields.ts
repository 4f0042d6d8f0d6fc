// The form side of the date rule in dates.ts: zod fields for a typed day,
// time, date-and-time or month, used by every form schema. An impossible date
// (2025-02-31, 0000-01-01, 25:00) or one outside its kind's range is refused
// with a translated message that says the range (common.json `dates`). Kept
// apart from dates.ts, which pages use too, so zod stays out of the browser
// (ADR 010).
import { z } from "zod";
import { dayProblem, isRealDay, isRealTime, monthProblem, type DayKind, type DayProblem } from "./dates.ts";

export const DATE_ERRORS = {
  invalid: "common:dates.invalid",
  time: "common:dates.timeInvalid",
  range: { birth: "common:dates.range.birth", near: "common:dates.range.near", plan: "common:dates.range.plan" },
} as const satisfies { invalid: string; time: string; range: Record<DayKind, string> };

const messageFor = (problem: DayProblem, kind: DayKind) => (problem === "invalid" ? DATE_ERRORS.invalid : DATE_ERRORS.range[kind]);

/** A day (YYYY-MM-DD, what <input type="date"> sends) of a kind; `required`: the message when it is left out. */
export function dayField(kind: DayKind, required: string) {
  return z
    .string({ error: required })
    .trim()
    .superRefine((value, ctx) => {
      const problem = value ? dayProblem(value, kind) : null;
      if (!value) ctx.addIssue({ code: "custom", message: required });
      else if (problem) ctx.addIssue({ code: "custom", message: messageFor(problem, kind) });
    });
}

/** A time of day (HH:MM, what <input type="time"> sends). */
export function timeField(required: string) {
  return z.string({ error: required }).trim().refine(isRealTime, { error: DATE_ERRORS.time });
}

/** A date and a time (YYYY-MM-DDTHH:MM, what <input type="datetime-local"> sends) whose day is of a kind. */
export function dateTimeField(kind: DayKind, required: string) {
  return z
    .string({ error: required })
    .trim()
    .superRefine((value, ctx) => {
      const [day = "", time = "", rest] = value.split("T");
      if (rest !== undefined || !isRealDay(day) || !isRealTime(time)) ctx.addIssue({ code: "custom", message: DATE_ERRORS.invalid });
      else {
        const problem = dayProblem(day, kind);
        if (problem) ctx.addIssue({ code: "custom", message: messageFor(problem, kind) });
      }
    });
}

/** A month (YYYY-MM) holding a day of the kind's range. */
export function monthField(kind: DayKind, invalid: string) {
  return z.string({ error: invalid }).refine((value) => monthProblem(value, kind) === null, { error: invalid });
}
