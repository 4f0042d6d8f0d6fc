// Form schemas for the household pages, shared by browser and server.
// Messages are translation keys in locales/<language>/household.json.
// i18n-namespace: household
import { z } from "zod";
import { westernDigits, normalisePhone } from "../accounts/identifier.ts";
import { dayField } from "../date-fields.ts";
import { copenhagenDay } from "../dates.ts";
import { EMAIL_MAX, nameField, optionalNameField, PHONE_MAX, withoutControlCharacters } from "../text-rules.ts";
import { idField } from "~/lib/ids.ts";

const name = (required: string) => nameField(60, required);

/** The rule for a person's name (the spreadsheet import checks names with it too). */
export const personNameSchema = name;

/** An optional Danish mobile number, normalised to E.164 (Arabic-Indic digits accepted); empty: null. */
const optionalDanishPhone = z
  .string()
  .max(PHONE_MAX, { error: "errors.phoneInvalid" })
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const phone = normalisePhone(westernDigits(value));
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "errors.phoneInvalid" });
      return z.NEVER;
    }
    return phone;
  });

/** Optional, for the funder's anonymous statistics only: empty is "not recorded". */
export const GENDERS = ["FEMALE", "MALE", "OTHER"] as const;
const optionalGender = z
  .enum(GENDERS, { error: "errors.genderInvalid" })
  .optional()
  .transform((value) => value ?? null);
/** An adult's birth year (no full date is asked of adults): 1900 to this year; empty is "not recorded". */
const optionalBirthYear = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const year = Number(westernDigits(value));
    if (!/^\d{4}$/.test(westernDigits(value)) || year < 1900 || year > new Date().getUTCFullYear()) {
      ctx.addIssue({ code: "custom", message: "errors.birthYearInvalid" });
      return z.NEVER;
    }
    return year;
  });

export const childSchema = z.object({
  firstName: name("errors.firstNameRequired"),
  lastName: name("errors.lastNameRequired"),
  birthDate: dayField("birth", "errors.birthDateRequired").refine((value) => value >= `${new Date().getUTCFullYear() - 18}-01-01`, {
    error: "errors.notAChild",
    when: (payload) => !payload.issues.length,
  }),
  housingAreaId: idField("errors.areaRequired"),
  needs: z.string().trim().max(1000, { error: "errors.tooLong" }).refine(withoutControlCharacters(true), { error: "errors.badCharacters" }).optional(),
  photoConsent: z.enum(["yes", "no"], { error: "errors.photoConsentRequired" }),
  gender: optionalGender,
});

/** Adding a child: the form's one-time key, and the answer to "is it this child?" (ADR 015). */
export const newChildSchema = childSchema.extend({
  // Optional: a form sent without one (an older page, a script) is answered as before, without the guard.
  key: idField("errors.formExpired").optional(),
  choice: z.union([z.literal("new"), idField()], { error: "errors.formExpired" }).optional(),
});

export const ownDetailsSchema = z.object({
  intent: z.literal("own"),
  firstName: name("errors.firstNameRequired"),
  lastName: name("errors.lastNameRequired"),
  housingAreaId: idField().optional(),
  birthYear: optionalBirthYear,
  gender: optionalGender,
});

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: "errors.emailInvalid" })
  .email({ error: "errors.emailInvalid" })
  .optional()
  .transform((value) => value ?? null);

/**
 * Inviting the other parent (ADR 013): their name, and the mobile number or e-mail they sign in with — that is
 * who may answer the invitation, so one of them is needed. ("other": the intent the form has always sent.)
 */
export const otherGuardianSchema = z
  .object({
    intent: z.literal("other"),
    firstName: name("errors.firstNameRequired"),
    lastName: name("errors.lastNameRequired"),
    phone: optionalDanishPhone,
    email: optionalEmail,
  })
  .superRefine((value, ctx) => {
    if (!value.phone && !value.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "errors.inviteContactRequired" });
  });

/** A guardian takes back an open invitation of their household. */
export const withdrawInvitationSchema = z.object({ intent: z.literal("withdraw"), invitationId: idField() });

/**
 * "We moved": the whole family lives in another housing area from a day (today or earlier; a year back at most here,
 * older moves are for staff's import). Reports count participation before that day under the old area.
 */
export const moveSchema = z.object({
  intent: z.literal("move"),
  housingAreaId: idField("errors.areaRequired"),
  movedOn: dayField("near", "errors.movedOnRequired").refine((value) => value <= copenhagenDay(new Date()), {
    error: "errors.movedOnFuture",
    when: (payload) => !payload.issues.length,
  }),
});

export const householdSchema = z.discriminatedUnion("intent", [ownDetailsSchema, otherGuardianSchema, withdrawInvitationSchema, moveSchema]);

/** The invitee's answer on /my/invitations. */
export const invitationAnswerSchema = z.object({
  intent: z.enum(["accept", "decline"]),
  invitationId: idField(),
  redirectTo: z.string().optional(),
});

/** A child's first or last name in the assisted form. */
const optionalText = optionalNameField(60).optional();

/** A child row in the assisted form: empty rows are ignored, a started row must be complete. */
const assistedChild = z
  .object({
    firstName: optionalText,
    lastName: optionalText,
    birthDate: z.string().optional(),
    housingAreaId: idField().optional(),
    /** After "is it this child?": an existing child's id (then not created again), or "new" (ADR 015). */
    choice: z.union([z.literal("new"), idField()], { error: "errors.formExpired" }).optional(),
  })
  .superRefine((row, ctx) => {
    if (!row.firstName && !row.lastName && !row.birthDate) return;
    if (!row.firstName) ctx.addIssue({ code: "custom", path: ["firstName"], message: "errors.firstNameRequired" });
    if (!row.lastName) ctx.addIssue({ code: "custom", path: ["lastName"], message: "errors.lastNameRequired" });
    const parsed = childSchema.shape.birthDate.safeParse(row.birthDate);
    if (!parsed.success) ctx.addIssue({ code: "custom", path: ["birthDate"], message: parsed.error.issues[0]?.message ?? "errors.birthDateInvalid" });
  });

export const assistedHouseholdSchema = z
  .object({
    firstName: name("errors.firstNameRequired"),
    lastName: name("errors.lastNameRequired"),
    phone: optionalDanishPhone,
    email: z.string().trim().toLowerCase().max(EMAIL_MAX, { error: "errors.emailInvalid" }).email({ error: "errors.emailInvalid" }).optional(),
    language: z.enum(["da", "en", "ar"]),
    housingAreaId: idField().optional(),
    children: z.array(assistedChild.optional()).optional(),
    /** The form's one-time key: sent twice, it registers one family (ADR 015). Without one, no guard. */
    key: idField("errors.formExpired").optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.phone && !value.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "errors.contactRequired" });
  });
