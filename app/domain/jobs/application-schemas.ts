// Form schemas of a young person's job application and of the guardian's
// answer, shared by browser and server (conform + zod). Rules that depend on
// the posting or the day (age range, deadline, "finished school" from 15)
// are checked again in applications.server.ts. Messages are translation keys
// in locales/<language>/jobs.json.
// i18n-namespace: jobs
import { z } from "zod";
import { normalisePhone, westernDigits } from "../accounts/identifier.ts";
import { dayField } from "../date-fields.ts";
import { EMAIL_MAX, nameField, PHONE_MAX, requiredTextField, textField } from "../text-rules.ts";
import { idField } from "~/lib/ids.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export const MOTIVATION_MAX = 1000;
export const AVAILABILITY = ["WEEKDAYS", "WEEKENDS", "HOLIDAYS"] as const;
export const GUARDIAN_LANGUAGES = ["da", "en", "ar"] as const;

type Loose = Record<string, unknown>;
const always = { when: () => true };
const str = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);

/** A person's name: no direction or invisible characters either (text-rules.ts). */
const personName = (max: number, required: string) => nameField(max, required);

const optionalLine = (max: number) => textField(max).optional();

export { isRealDay } from "../dates.ts";

/**
 * What the portal already knows, so the form does not ask again: a birth date once recorded is shown, not
 * asked (staff or a guardian correct it; a different one sent is refused), and when the young person's
 * household names a guardian, consent goes to that guardian, so no guardian contact is asked for.
 */
export type ApplicationKnown = { birthDate: string | null; guardian: boolean };

export function applicationSchemaFor(known: ApplicationKnown) {
  const recorded = known.birthDate;
  return z
    .object({
      firstName: personName(60, "errors.firstNameRequired"),
      lastName: personName(60, "errors.lastNameRequired"),
      birthDate:
        recorded === null
          ? dayField("birth", "errors.birthDateRequired")
          : z
              .string()
              .refine((value) => value === recorded, { error: "errors.birthDateLocked" })
              .optional(),
      housingAreaId: idField("errors.areaRequired"),
      school: optionalLine(100),
      schoolClass: optionalLine(20),
      /** "I have finished school": only possible from 15 (checked against the birth date on the server). */
      finishedSchool: z.boolean().default(false),
      motivation: requiredTextField(MOTIVATION_MAX, "errors.motivationRequired", { tooLong: "errors.motivationTooLong", multiline: true }),
      availability: z.array(z.enum(AVAILABILITY, { error: "errors.availabilityRequired" }), { error: "errors.availabilityRequired" }).min(1, {
        error: "errors.availabilityRequired",
      }),
      guardianName: known.guardian ? optionalLine(120) : personName(120, "errors.guardianNameRequired"),
      /** Normalised to E.164 once the whole form is valid (a failed number must still count as "given" below). */
      guardianPhone: z
        .string()
        .trim()
        .max(PHONE_MAX, { error: "errors.phoneInvalid" })
        .optional()
        .refine((value) => !value || normalisePhone(westernDigits(value)) !== null, { error: "errors.phoneInvalid" }),
      guardianEmail: z.string().trim().toLowerCase().max(EMAIL_MAX, { error: "errors.emailInvalid" }).regex(EMAIL, { error: "errors.emailInvalid" }).optional(),
      guardianLanguage: known.guardian
        ? z.enum(GUARDIAN_LANGUAGES, { error: "errors.guardianLanguageRequired" }).optional()
        : z.enum(GUARDIAN_LANGUAGES, { error: "errors.guardianLanguageRequired" }),
    })
    .superRefine((value: Loose, ctx) => {
      if (value.finishedSchool !== true) {
        if (!str(value.school)) ctx.addIssue({ code: "custom", path: ["school"], message: "errors.schoolRequired" });
        if (!str(value.schoolClass)) ctx.addIssue({ code: "custom", path: ["schoolClass"], message: "errors.schoolClassRequired" });
      }
      if (!known.guardian && !str(value.guardianPhone) && !str(value.guardianEmail)) {
        ctx.addIssue({ code: "custom", path: ["guardianPhone"], message: "errors.guardianContactRequired" });
      }
    }, always)
    .transform((value) => ({ ...value, guardianPhone: value.guardianPhone ? (normalisePhone(westernDigits(value.guardianPhone)) ?? undefined) : undefined }));
}

/** The whole form: nothing known yet (a first application, no guardian in a household). */
export const applicationSchema = applicationSchemaFor({ birthDate: null, guardian: false });

export type ApplicationInput = z.output<ReturnType<typeof applicationSchemaFor>>;

export const guardianAnswerSchema = z.object({ answer: z.enum(["confirm", "decline"]) });

export const withdrawSchema = z.object({ applicationId: idField() });
