// Form schema for who may collect a child and whom to call (issue 19), shared by browser and server. A row left
// empty is no contact; a row started needs its name, relation and number. Messages are keys of household.json.
// i18n-namespace: household
import { z } from "zod";
import { normalisePhone, westernDigits } from "../accounts/identifier.ts";
import { optionalNameField, PHONE_MAX } from "../text-rules.ts";

/** The most people a family names as allowed to collect one child (enough for parents, grandparents, a neighbour). */
export const MAX_COLLECTORS = 5;
/** Longest name and relation ("mormor", "nabo", "خالة"). */
export const CONTACT_NAME_MAX = 60;
export const CONTACT_RELATION_MAX = 40;

/** A Danish number, normalised to E.164 like every number the portal keeps (identifier.ts); empty: none. */
const contactPhone = z
  .string()
  .max(PHONE_MAX, { error: "errors.phoneInvalid" })
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return "";
    const phone = normalisePhone(westernDigits(value.trim()));
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "errors.phoneInvalid" });
      return z.NEVER;
    }
    return phone;
  });

const row = z
  .object({
    name: optionalNameField(CONTACT_NAME_MAX).optional(),
    relation: optionalNameField(CONTACT_RELATION_MAX).optional(),
    phone: contactPhone,
  })
  .superRefine((value, ctx) => {
    // Started but not finished: say which part is missing.
    if (!value.name && !value.relation && !value.phone) return;
    if (!value.name) ctx.addIssue({ code: "custom", path: ["name"], message: "errors.contactNameRequired" });
    if (!value.relation) ctx.addIssue({ code: "custom", path: ["relation"], message: "errors.contactRelationRequired" });
    if (!value.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "errors.contactPhoneRequired" });
  });

export type ContactInput = { name: string; relation: string; phone: string };

const filled = (value: { name?: string; relation?: string; phone?: string } | undefined): value is ContactInput =>
  Boolean(value?.name && value.relation && value.phone);

export const childContactsSchema = z.object({
  collectors: z
    .array(row.optional())
    .max(MAX_COLLECTORS, { error: "errors.tooManyCollectors" })
    .default([])
    .transform((rows) => rows.filter(filled)),
  emergency: row.optional().transform((value) => (filled(value) ? value : null)),
});

export type ChildContactsInput = z.output<typeof childContactsSchema>;
