// Form schemas for attendance, shared by browser and server.
// i18n-namespace: staff
import { z } from "zod";
import { copenhagenDay } from "../dates.ts";
import { nameField } from "../text-rules.ts";
import { GENDERS } from "../households/schemas.ts";
import { idField } from "~/lib/ids.ts";

/** A walk-in's birth year: at most 100 years back, not after this year — this year when the form is sent, not when the server started. */
const plausibleBirthYear = (year: number) => {
  const thisYear = Number(copenhagenDay(new Date()).slice(0, 4));
  return year >= thisYear - 100 && year <= thisYear;
};

export const walkInSchema = z.object({
  intent: z.literal("walkInNew"),
  firstName: nameField(60, "errors.firstNameRequired"),
  lastName: nameField(60, "errors.lastNameRequired"),
  birthYear: z.coerce.number({ error: "errors.birthYear" }).int({ error: "errors.birthYear" }).refine(plausibleBirthYear, { error: "errors.birthYear" }),
  housingAreaId: idField().optional(),
  /** Optional, for the funder's anonymous statistics only (a walk-in adult's too): empty is "not recorded". */
  gender: z
    .enum(GENDERS, { error: "errors.genderInvalid" })
    .optional()
    .transform((value) => value ?? null),
  /** The form's one-time key (made when the page was shown): a second submission of it adds nobody (ADR 015). */
  key: idField("errors.formExpired"),
  /** After "is it this child?": the chosen person's id, or "new". */
  choice: z.union([z.literal("new"), idField()], { error: "errors.formExpired" }).optional(),
});

export const headCountSchema = z.object({
  intent: z.literal("headCount"),
  housingAreaId: idField().optional(),
  adults: z.coerce.number({ error: "errors.count" }).int({ error: "errors.count" }).min(0, { error: "errors.count" }).max(10_000, { error: "errors.count" }),
  children: z.coerce.number({ error: "errors.count" }).int({ error: "errors.count" }).min(0, { error: "errors.count" }).max(10_000, { error: "errors.count" }),
});

export const markSchema = z.object({
  intent: z.literal("mark"),
  personId: idField(),
  present: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const walkInExistingSchema = z.object({ intent: z.literal("walkInExisting"), personId: idField() });

/** A partner (or staff) says two people on a session's list are one child; staff decide (ADR 015). */
export const proposeDuplicateSchema = z.object({
  intent: z.literal("proposeDuplicate"),
  first: idField("register.proposeSame"),
  second: idField("register.proposeSame"),
});

/** Staff or a partner record an absence a family phoned in, or take one back (absence notices, issue 19). */
export const staffAbsenceSchema = z.object({
  intent: z.literal("absence"),
  personId: idField(),
  absent: z.enum(["true", "false"]).transform((value) => value === "true"),
});
