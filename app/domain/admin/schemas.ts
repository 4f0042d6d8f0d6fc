// Form schemas for the admin pages (accounts, activity types, housing
// areas), shared by browser and server. Messages are translation keys in
// locales/<language>/admin.json.
// i18n-namespace: admin
import { z } from "zod";
import type { Role } from "~/generated/prisma/enums.ts";
import { parseIdentifier } from "../accounts/identifier.ts";
import { dayField } from "../date-fields.ts";
import { EMAIL_MAX, nameField, PHONE_MAX, requiredTextField, textField } from "../text-rules.ts";
import { idField } from "~/lib/ids.ts";
import { ICON_NAMES } from "../activities/icon-names.ts";

export const ROLES = ["PARENT", "YOUTH", "PARTNER", "STAFF", "ADMIN"] as const satisfies readonly Role[];

/** Accounts an admin creates by hand; families and young people make their own by signing in. */
export const CREATABLE_ROLES = ["PARTNER", "STAFF"] as const satisfies readonly Role[];

const text = (max: number, required: string) => requiredTextField(max, required);

/** A person's name: no direction or invisible characters either (text-rules.ts). */
const personName = (max: number, required: string) => nameField(max, required);

const optionalText = (max: number) => textField(max).optional();

/** A code used in addresses and filters ("gl-jennumparken"): lower-case letters, digits and single hyphens. */
const code = z
  .string({ error: "errors.codeRequired" })
  .trim()
  .toLowerCase()
  .max(40, { error: "errors.tooLong" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "errors.codeInvalid" });

const sortOrder = z
  .number({ error: "errors.sortOrderInvalid" })
  .int({ error: "errors.sortOrderInvalid" })
  .min(-9999, { error: "errors.sortOrderInvalid" })
  .max(9999, { error: "errors.sortOrderInvalid" })
  .optional();

/** A housing area's first and last active day: dates of the plan period (dates.ts). */
const day = dayField("plan", "errors.dateInvalid").optional();

const organisationId = idField("errors.organisationInvalid").optional();

// ---------------------------------------------------------------- accounts

export const createAccountSchema = z
  .object({
    firstName: personName(60, "errors.firstNameRequired"),
    lastName: personName(60, "errors.lastNameRequired"),
    email: z
      .string()
      .max(EMAIL_MAX, { error: "errors.emailInvalid" })
      .optional()
      .transform((value, ctx) => {
        if (!value?.trim()) return null;
        const identifier = parseIdentifier(value);
        if (identifier?.kind !== "email") {
          ctx.addIssue({ code: "custom", message: "errors.emailInvalid" });
          return z.NEVER;
        }
        return identifier.value;
      }),
    phone: z
      .string()
      .max(PHONE_MAX, { error: "errors.phoneInvalid" })
      .optional()
      .transform((value, ctx) => {
        if (!value?.trim()) return null;
        const identifier = parseIdentifier(value);
        if (identifier?.kind !== "phone") {
          ctx.addIssue({ code: "custom", message: "errors.phoneInvalid" });
          return z.NEVER;
        }
        return identifier.value;
      }),
    role: z.enum(CREATABLE_ROLES, { error: "errors.roleRequired" }),
    organisationId,
  })
  .refine((value) => value.email !== null || value.phone !== null, { error: "errors.contactRequired", path: ["email"] });

export const accountRoleSchema = z.object({
  intent: z.literal("role"),
  role: z.enum(ROLES, { error: "errors.roleRequired" }),
  organisationId,
});

export const accountStatusSchema = z.object({
  intent: z.literal("status"),
  disabled: z.enum(["yes", "no"]),
});

export const accountSchema = z.discriminatedUnion("intent", [accountRoleSchema, accountStatusSchema]);

// ---------------------------------------------------------------- activity types

export const activityTypeSchema = z.object({
  code,
  nameDa: text(80, "errors.nameDaRequired"),
  nameEn: optionalText(80),
  nameAr: optionalText(80),
  icon: z.enum(ICON_NAMES, { error: "errors.iconRequired" }),
  dropIn: z.boolean().optional(),
  sortOrder,
});

// ---------------------------------------------------------------- programmes

/** A programme's name: a proper name, the same in every language (as the activity editor's "new programme"). */
export const programmeSchema = z.object({ name: text(120, "errors.programmeNameRequired") });

/** Merging a programme into another: the one kept. */
export const mergeProgrammeSchema = z.object({ intent: z.literal("merge"), into: idField("errors.mergeTargetRequired") });

// ---------------------------------------------------------------- housing areas

export const housingAreaSchema = z
  .object({
    code,
    name: text(80, "errors.nameRequired"),
    isPlanArea: z.boolean().optional(),
    sortOrder,
    activeFrom: day,
    activeTo: day,
  })
  .refine((value) => !value.activeFrom || !value.activeTo || value.activeFrom <= value.activeTo, {
    error: "errors.activeToBeforeFrom",
    path: ["activeTo"],
  });

/** Delete buttons post only their intent. */
export const deleteSchema = z.object({ intent: z.literal("delete") });
