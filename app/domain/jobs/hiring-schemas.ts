// Form schemas of the staff pipeline, shared by browser and server (conform +
// zod): booking an interview, a decision, hiring, ending an employment, the
// school flag and the reference. Messages are translation keys in
// locales/<language>/hiring.json.
// i18n-namespace: hiring
import { z } from "zod";
import { LINE_CONTROL, TEXT_CONTROL } from "../text-rules.ts";
import { dayField, timeField } from "../date-fields.ts";

function requiredText(max: number, multiline: boolean, error: string) {
  return z
    .string({ error })
    .trim()
    .min(1, { error })
    .max(max, { error: "errors.tooLong" })
    .refine((value) => !(multiline ? TEXT_CONTROL : LINE_CONTROL).test(value), { error: "errors.badCharacters" });
}

/** Interviews, hiring and ending an employment: dates near today (dates.ts). */
const day = (error: string) => dayField("near", error);
const yesNo = z.enum(["yes", "no"], { error: "errors.inSchoolRequired" }).transform((value) => value === "yes");

export const interviewSchema = z.object({
  date: day("errors.dateRequired"),
  time: timeField("errors.timeRequired"),
  place: requiredText(200, false, "errors.placeRequired"),
});

export const decisionSchema = z.object({
  decision: z.enum(["REJECTED", "WAITING_LIST"], { error: "errors.decisionRequired" }),
});

export const hireSchema = z
  .object({
    startsOn: day("errors.startRequired"),
    endsOn: day("errors.dateInvalid").optional(),
    role: requiredText(120, false, "errors.roleRequired"),
    inSchool: yesNo,
  })
  .refine((value) => !value.endsOn || value.endsOn >= value.startsOn, { path: ["endsOn"], error: "errors.endBeforeStart" });

export const endEmploymentSchema = z.object({ lastDay: day("errors.lastDayRequired") });

export const inSchoolSchema = z.object({ inSchool: yesNo });

export const referenceSchema = z.object({
  tasks: requiredText(2000, true, "errors.tasksRequired"),
  statement: requiredText(2000, true, "errors.statementRequired"),
});

/** Printing makes the reference final: the box "I have read it through" is the confirm step (issue 19, defect 9). */
export const printReferenceSchema = referenceSchema.extend({
  confirmFinal: z.literal("on", { error: "errors.confirmFinal" }),
});

/** "I have confirmed the guardian's identity": how (who and when are the staff member and the moment). */
export const guardianIdentitySchema = z.object({
  method: z.enum(["PHONE_CALL", "IN_PERSON", "KNOWN_TO_US"], { error: "errors.identityMethodRequired" }),
});

/** Staff correct a young person's recorded birth date. */
export const birthDateSchema = z.object({ birthDate: dayField("birth", "errors.birthDateRequired") });
