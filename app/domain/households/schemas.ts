// Form schemas for the household pages, shared by browser and server.
// Messages are translation keys in locales/<language>/household.json.
// i18n-namespace: household
import { z } from "zod";
import { westernDigits, normalisePhone } from "../accounts/identifier.ts";
import { dayField } from "../date-fields.ts";
import { EMAIL_MAX, INVISIBLE_CHARACTERS, PHONE_MAX, withoutControlCharacters, withoutInvisibleCharacters } from "../text-rules.ts";

const name = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(60, { error: "errors.tooLong" })
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    .refine((value) => !/[<>{}\u0000-\u001f]/.test(value), { error: "errors.badCharacters" })
    .refine(withoutInvisibleCharacters, { error: INVISIBLE_CHARACTERS });

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

export const childSchema = z.object({
  firstName: name("errors.firstNameRequired"),
  lastName: name("errors.lastNameRequired"),
  birthDate: dayField("birth", "errors.birthDateRequired").refine((value) => value >= `${new Date().getUTCFullYear() - 18}-01-01`, {
    error: "errors.notAChild",
    when: (payload) => !payload.issues.length,
  }),
  housingAreaId: z.string({ error: "errors.areaRequired" }).uuid({ error: "errors.areaRequired" }),
  needs: z.string().trim().max(1000, { error: "errors.tooLong" }).refine(withoutControlCharacters(true), { error: "errors.badCharacters" }).optional(),
  photoConsent: z.enum(["yes", "no"], { error: "errors.photoConsentRequired" }),
});

export const ownDetailsSchema = z.object({
  intent: z.literal("own"),
  firstName: name("errors.firstNameRequired"),
  lastName: name("errors.lastNameRequired"),
  housingAreaId: z.string().uuid().optional(),
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
export const withdrawInvitationSchema = z.object({ intent: z.literal("withdraw"), invitationId: z.string().uuid() });

export const householdSchema = z.discriminatedUnion("intent", [ownDetailsSchema, otherGuardianSchema, withdrawInvitationSchema]);

/** The invitee's answer on /my/invitations. */
export const invitationAnswerSchema = z.object({
  intent: z.enum(["accept", "decline"]),
  invitationId: z.string().uuid(),
  redirectTo: z.string().optional(),
});

/** A child's first or last name in the assisted form. */
const optionalText = z
  .string()
  .trim()
  .max(60, { error: "errors.tooLong" })
  .refine(withoutControlCharacters(), { error: "errors.badCharacters" })
  .refine(withoutInvisibleCharacters, { error: INVISIBLE_CHARACTERS })
  .optional();

/** A child row in the assisted form: empty rows are ignored, a started row must be complete. */
const assistedChild = z
  .object({ firstName: optionalText, lastName: optionalText, birthDate: z.string().optional(), housingAreaId: z.string().uuid().optional() })
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
    housingAreaId: z.string().uuid().optional(),
    children: z.array(assistedChild.optional()).optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.phone && !value.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "errors.contactRequired" });
  });
