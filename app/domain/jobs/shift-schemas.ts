// Form schemas of the shift pages, shared by browser and server (conform +
// zod): planning and changing a shift, assigning and releasing, confirming
// hours, swap requests and decisions, school holidays, the payroll month.
// Messages are translation keys in locales/<language>/shifts.json.
// i18n-namespace: shifts
import { z } from "zod";
import { isCalendarDay } from "../activities/series.ts";
import { dayField, monthField, timeField } from "../date-fields.ts";
import { idField } from "~/lib/ids.ts";
import { requiredTextField, textField } from "../text-rules.ts";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type Loose = Record<string, unknown>;
const always = { when: () => true };
const str = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);

/** Shifts: dates near today; school holidays: dates of the plan period (dates.ts). */
const day = (error: string) => dayField("near", error);
const planDay = (error: string) => dayField("plan", error);
const time = (error: string) => timeField(error);
const wholeNumber = (min: number, max: number, error: string) =>
  z.number({ error: "errors.wholeNumber" }).int({ error: "errors.wholeNumber" }).min(min, { error }).max(max, { error });

const line = (max: number, required?: string) => (required ? requiredTextField(max, required) : textField(max));
const paragraph = (max: number, required?: string) => (required ? requiredTextField(max, required, { multiline: true }) : textField(max, { multiline: true }));

function endAfterStart(value: Loose, ctx: z.RefinementCtx) {
  const [start, end] = [str(value.startTime), str(value.endTime)];
  if (start && end && TIME.test(start) && TIME.test(end) && end <= start) ctx.addIssue({ code: "custom", path: ["endTime"], message: "errors.endBeforeStart" });
  if (start && end && TIME.test(start) && TIME.test(end) && typeof value.breakMinutes === "number") {
    const length = Number(end.slice(0, 2)) * 60 + Number(end.slice(3)) - (Number(start.slice(0, 2)) * 60 + Number(start.slice(3)));
    if (length > 0 && value.breakMinutes >= length) ctx.addIssue({ code: "custom", path: ["breakMinutes"], message: "errors.breakTooLong" });
  }
}

const shiftFields = {
  day: day("errors.dayRequired"),
  startTime: time("errors.startRequired"),
  endTime: time("errors.endRequired"),
  breakMinutes: wholeNumber(0, 240, "errors.breakRange").default(0),
  place: line(120, "errors.placeRequired"),
  slots: wholeNumber(1, 30, "errors.slotsRange"),
  responsibleUserId: idField("errors.responsibleInvalid").optional(),
  note: line(200).optional(),
  /** The answer to "the youngest the job takes could not work this shift": plan it anyway. */
  acceptYoungRules: z.boolean({ error: "errors.notFound" }).optional(),
};

/** The longest weekly series in one plan. */
export const MAX_REPEAT_DAYS = 366;

export const shiftPlanSchema = z.object({ ...shiftFields, repeatUntil: day("errors.dateInvalid").optional() }).superRefine((value: Loose, ctx) => {
  endAfterStart(value, ctx);
  const [first, until] = [str(value.day), str(value.repeatUntil)];
  if (!first || !until || !isCalendarDay(first) || !isCalendarDay(until)) return;
  if (until < first) ctx.addIssue({ code: "custom", path: ["repeatUntil"], message: "errors.repeatBeforeDay" });
  if (Date.parse(until) - Date.parse(first) > MAX_REPEAT_DAYS * 86_400_000)
    ctx.addIssue({ code: "custom", path: ["repeatUntil"], message: "errors.tooManyRepeats" });
}, always);

export const shiftChangeSchema = z
  .object({ ...shiftFields, intent: z.literal("change") })
  .superRefine((value: Loose, ctx) => endAfterStart(value, ctx), always);

export const assignSchema = z.object({ intent: z.literal("assign"), employmentId: idField("errors.personRequired") });
export const releaseSchema = z.object({ intent: z.literal("release"), assignmentId: idField("errors.notFound") });
export const cancelShiftSchema = z.object({
  intent: z.literal("cancel"),
  shiftId: idField("errors.notFound"),
  confirm: z.boolean({ error: "errors.confirmCancel" }),
});

export const confirmSchema = z
  .object({
    intent: z.literal("confirm"),
    assignmentId: idField("errors.notFound"),
    how: z.enum(["planned", "adjusted"], { error: "errors.notFound" }),
    minutes: wholeNumber(0, 24 * 60, "errors.minutesRange").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.how === "adjusted" && value.minutes === undefined) ctx.addIssue({ code: "custom", path: ["minutes"], message: "errors.minutesRequired" });
  });

export const swapRequestSchema = z.object({
  intent: z.literal("swap"),
  assignmentId: idField("errors.notFound"),
  reason: paragraph(500, "errors.reasonRequired"),
  takeOverEmploymentId: idField("errors.colleagueInvalid").optional(),
});

export const takeSchema = z.object({ intent: z.literal("take"), shiftId: idField("errors.notFound") });

export const swapDecisionSchema = z.object({ requestId: idField("errors.notFound"), decision: z.enum(["approve", "decline"], { error: "errors.notFound" }) });

export const holidaySchema = z
  .object({
    intent: z.literal("save"),
    id: idField().optional(),
    nameDa: line(80, "errors.nameRequired"),
    nameEn: line(80).optional(),
    nameAr: line(80).optional(),
    startsOn: planDay("errors.dayRequired"),
    endsOn: planDay("errors.dayRequired"),
  })
  .superRefine((value: Loose, ctx) => {
    const [first, last] = [str(value.startsOn), str(value.endsOn)];
    if (first && last && isCalendarDay(first) && isCalendarDay(last) && last < first)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "errors.endsBeforeStarts" });
  }, always);

export const deleteHolidaySchema = z.object({ intent: z.literal("delete"), id: idField("errors.notFound") });

export const monthSchema = z.object({ month: monthField("plan", "errors.monthInvalid") });
