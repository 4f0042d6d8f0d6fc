// Schema builders shared by the activity and job-posting editors: single- and
// multi-line text, text in Danish, English and Arabic ({da, en?, ar?}, Danish
// the one families fall back to), whole numbers, a phone number and an email
// address. Each editor hands in its own message keys (each form translates in
// its own namespace), so this module names none.
import { z } from "zod";
import { normalisePhone, westernDigits } from "../accounts/identifier.ts";
import { EMAIL_MAX, PHONE_MAX, requiredTextField, textField } from "../text-rules.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

// Cross-field checks also run when a field has failed (`when`), so every
// problem shows at once; they read the values defensively for that reason.
export type Loose = Record<string, unknown>;
export const always = { when: () => true };
export const str = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);
export const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

export type SchemaMessages = { tooLong: string; badCharacters: string; wholeNumber: string; phoneInvalid: string; emailInvalid: string };

export function schemaBuilders(messages: SchemaMessages) {
  const text = (max: number, multiline: boolean) => textField(max, { ...messages, multiline });
  const requiredText = (max: number, multiline: boolean, error: string) => requiredTextField(max, error, { ...messages, multiline });

  /** Text in Danish, English and Arabic ({da, en?, ar?}); Danish is the one families fall back to. */
  function localized(max: number, multiline: boolean, required?: string) {
    return z.object({
      da: required ? requiredText(max, multiline, required) : text(max, multiline).optional(),
      en: text(max, multiline).optional(),
      ar: text(max, multiline).optional(),
    });
  }

  /** `typeError`: the message when there is no number at all. */
  const wholeNumber = (min: number, max: number, rangeError: string, typeError = messages.wholeNumber) =>
    z.number({ error: typeError }).int({ error: messages.wholeNumber }).min(min, { error: rangeError }).max(max, { error: rangeError });

  /** Optional; normalised (normalisePhone), or refused. */
  const phone = () =>
    z
      .string()
      .max(PHONE_MAX, { error: messages.phoneInvalid })
      .optional()
      .transform((value, ctx) => {
        if (!value?.trim()) return undefined;
        const normalised = normalisePhone(westernDigits(value.trim()));
        if (!normalised) {
          ctx.addIssue({ code: "custom", message: messages.phoneInvalid });
          return z.NEVER;
        }
        return normalised;
      });

  /** Optional; lower-cased. */
  const email = () =>
    z.string().trim().toLowerCase().max(EMAIL_MAX, { error: messages.emailInvalid }).regex(EMAIL, { error: messages.emailInvalid }).optional();

  return { text, requiredText, localized, wholeNumber, phone, email };
}
