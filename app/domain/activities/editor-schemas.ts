// Form schemas of the activity editor, shared by browser and server (conform
// + zod): the activity's texts and settings, a plan of sessions, moving or
// cancelling one session, publishing, cancelling and copying. Messages are
// translation keys in locales/<language>/editor.json.
// i18n-namespace: editor
import { copenhagenInstant } from "../dates.ts";
import { z } from "zod";
import { idField } from "~/lib/ids.ts";
import { dateTimeField, dayField, timeField } from "../date-fields.ts";
import { INVISIBLE_CHARACTERS, withoutInvisibleCharacters } from "../text-rules.ts";
import { daysBetween, isCalendarDay, type SessionPlan } from "./series.ts";
import { always, num, schemaBuilders, str, type Loose } from "./text-schemas.ts";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Kroner with up to two decimals, comma or point: "150", "12,50". */
const KRONER = /^\d{1,6}([.,]\d{1,2})?$/;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function endAfterStart(value: Loose, ctx: z.RefinementCtx) {
  const [start, end] = [str(value.startTime), str(value.endTime)];
  if (start && end && TIME.test(start) && TIME.test(end) && end <= start) ctx.addIssue({ code: "custom", path: ["endTime"], message: "errors.endBeforeStart" });
}

/** Longest plan: a school year and a bit. */
export const MAX_PLAN_DAYS = 400;

const { text, requiredText, localized, wholeNumber, phone, email } = schemaBuilders({
  tooLong: "errors.tooLong",
  badCharacters: "errors.badCharacters",
  wholeNumber: "errors.wholeNumber",
  phoneInvalid: "errors.phoneInvalid",
  emailInvalid: "errors.emailInvalid",
});

/** Sessions and sign-up windows: dates near today (dates.ts). */
const day = (error: string) => dayField("near", error);
const time = (error: string) => timeField(error);

/** A datetime-local value, read as Copenhagen wall-clock time. */
const wallClock = dateTimeField("near", "errors.dateTimeInvalid").transform((value) => copenhagenInstant(value.slice(0, 10), value.slice(11, 16)));

export const activitySchema = z
  .object({
    typeId: idField("errors.typeRequired"),
    effortAreaId: idField("errors.effortAreaRequired"),
    /** The programme (indsats) this activity is a term or group of; empty: none. */
    programmeId: idField("errors.programmeUnknown").optional(),
    /** A programme to create and attach, by name (wins over programmeId). */
    newProgramme: text(120, false).refine(withoutInvisibleCharacters, { error: INVISIBLE_CHARACTERS }).optional(),
    title: localized(120, false, "errors.titleRequired"),
    description: localized(5000, true, "errors.descriptionRequired"),
    practicalInfo: localized(3000, true),
    terms: localized(5000, true),
    minAge: wholeNumber(0, 99, "errors.ageRange").optional(),
    maxAge: wholeNumber(0, 99, "errors.ageRange").optional(),
    eligibleAreaIds: z.array(idField("errors.areaUnknown")).default([]),
    openToOutsiders: z.boolean().default(false),
    requiresSignUp: z.boolean().default(false),
    /** Ask who may collect the child and whom to call; tick "collected by" at attendance (issue 19). */
    asksCollectContacts: z.boolean().default(false),
    /** Empty: no limit. */
    capacity: wholeNumber(1, 10_000, "errors.capacityRange").optional(),
    capacityUnit: z.enum(["PERSON", "HOUSEHOLD"], { error: "errors.capacityUnitRequired" }),
    /** Kroner as typed; the output is øre. */
    price: z
      .string()
      .trim()
      .optional()
      .refine((value) => value === undefined || value === "" || KRONER.test(value), { error: "errors.price" })
      .transform((value) => (value ? Math.round(Number(value.replace(",", ".")) * 100) : 0)),
    signUpOpensAt: wallClock.optional(),
    signUpClosesAt: wallClock.optional(),
    cancelDeadlineHours: wholeNumber(0, 720, "errors.hoursRange"),
    offerHoldHours: wholeNumber(1, 336, "errors.hoursRange"),
    /** Empty: no reminder. */
    reminderHours: wholeNumber(1, 168, "errors.reminderRange").optional(),
    place: requiredText(120, false, "errors.placeRequired"),
    address: text(200, false).optional(),
    /** A person's name: no direction or invisible characters (text-rules.ts). */
    contactName: text(120, false).refine(withoutInvisibleCharacters, { error: INVISIBLE_CHARACTERS }).optional(),
    contactPhone: phone(),
    contactEmail: email(),
    partnerIds: z.array(idField("errors.partnerUnknown")).default([]),
  })
  .superRefine((value: Loose, ctx) => {
    const [minAge, maxAge] = [num(value.minAge), num(value.maxAge)];
    if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) ctx.addIssue({ code: "custom", path: ["maxAge"], message: "errors.ageOrder" });
    const [opens, closes] = [value.signUpOpensAt, value.signUpClosesAt];
    if (opens instanceof Date && closes instanceof Date && closes <= opens) {
      ctx.addIssue({ code: "custom", path: ["signUpClosesAt"], message: "errors.closesBeforeOpens" });
    }
    for (const field of ["practicalInfo", "terms"] as const) {
      const texts = (value[field] ?? {}) as Loose;
      if (!str(texts.da) && (str(texts.en) || str(texts.ar))) ctx.addIssue({ code: "custom", path: [field, "da"], message: "errors.danishFirst" });
    }
  }, always);

export type ActivityInput = z.output<typeof activitySchema>;

export const sessionPlanSchema = z
  .object({
    kind: z.enum(["dates", "consecutiveDays", "weekly"], { error: "errors.kindRequired" }),
    /** Several date inputs; empty ones are ignored. */
    dates: z.array(day("errors.dateInvalid").optional()).default([]),
    from: day("errors.fromRequired").optional(),
    until: day("errors.untilRequired").optional(),
    weekdays: z.array(wholeNumber(1, 7, "errors.weekdaysRequired")).default([]),
    interval: z.enum(["1", "2"], { error: "errors.intervalRequired" }).default("1"),
    startTime: time("errors.startTimeRequired"),
    endTime: time("errors.endTimeRequired"),
    skip: z.array(z.object({ from: day("errors.fromRequired").optional(), until: day("errors.untilRequired").optional() })).default([]),
    skipSchoolHolidays: z.boolean().default(false),
    /** Where these sessions are, when not at the activity's usual place. */
    place: text(120, false).optional(),
  })
  .superRefine((value: Loose, ctx) => {
    endAfterStart(value, ctx);
    const [from, until] = [str(value.from), str(value.until)];
    if (value.kind === "dates") {
      if (!list(value.dates).some(Boolean)) ctx.addIssue({ code: "custom", path: ["dates"], message: "errors.datesRequired" });
    } else if (value.kind === "consecutiveDays" || value.kind === "weekly") {
      if (!from) ctx.addIssue({ code: "custom", path: ["from"], message: "errors.fromRequired" });
      if (!until) ctx.addIssue({ code: "custom", path: ["until"], message: "errors.untilRequired" });
      if (from && until && isCalendarDay(from) && isCalendarDay(until)) {
        if (until < from) ctx.addIssue({ code: "custom", path: ["until"], message: "errors.untilBeforeFrom" });
        else if (daysBetween(from, until) > MAX_PLAN_DAYS) ctx.addIssue({ code: "custom", path: ["until"], message: "errors.spanTooLong" });
      }
    }
    if (value.kind === "weekly" && list(value.weekdays).length === 0) ctx.addIssue({ code: "custom", path: ["weekdays"], message: "errors.weekdaysRequired" });
    list(value.skip).forEach((entry, index) => {
      const period = (entry ?? {}) as Loose;
      const [start, end] = [str(period.from), str(period.until)];
      if (end && !start) ctx.addIssue({ code: "custom", path: ["skip", index, "from"], message: "errors.fromRequired" });
      if (start && end && end < start) ctx.addIssue({ code: "custom", path: ["skip", index, "until"], message: "errors.untilBeforeFrom" });
    });
  }, always);

export type SessionPlanInput = z.output<typeof sessionPlanSchema>;

/** The plan the form describes, for expandPlan (call only on a valid form). */
export function toSessionPlan(value: SessionPlanInput): SessionPlan {
  const times = { startTime: value.startTime, endTime: value.endTime };
  const skip = value.skip.flatMap((period) => (period.from ? [{ from: period.from, until: period.until ?? period.from }] : []));
  const skips = { skip, skipSchoolHolidays: value.skipSchoolHolidays };
  if (value.kind === "dates") return { kind: "dates", dates: value.dates.filter((date): date is string => Boolean(date)), ...times, ...skips };
  const range = { from: value.from!, until: value.until! };
  if (value.kind === "consecutiveDays") return { kind: "consecutiveDays", ...range, ...times, ...skips };
  return {
    kind: "weekly",
    weekdays: [...new Set(value.weekdays)].sort((a, b) => a - b),
    interval: value.interval === "2" ? 2 : 1,
    ...range,
    ...times,
    ...skips,
  };
}

export const moveSessionSchema = z
  .object({
    sessionId: idField("errors.sessionNotFound"),
    date: day("errors.dateRequired"),
    startTime: time("errors.startTimeRequired"),
    endTime: time("errors.endTimeRequired"),
    /** Empty: the activity's usual place. */
    place: text(120, false).optional(),
  })
  .superRefine((value: Loose, ctx) => endAfterStart(value, ctx), always);

export type MoveSessionInput = z.output<typeof moveSessionSchema>;

export const cancelSessionSchema = z.object({
  sessionId: idField("errors.sessionNotFound"),
  confirm: z.boolean({ error: "errors.confirmCancelSession" }),
});

export const deleteSessionSchema = z.object({ sessionId: idField("errors.sessionNotFound") });

export const cancelActivitySchema = z.object({ confirm: z.boolean({ error: "errors.confirmCancel" }) });

export const copyActivitySchema = z.object({
  /** Empty: copy without sessions; 1–104: the sessions too, that many weeks later. */
  shiftWeeks: wholeNumber(1, 104, "errors.weeksRange").optional(),
});
