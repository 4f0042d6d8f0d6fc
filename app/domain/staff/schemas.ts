// Form schemas for staff pages, shared by browser and server.
// i18n-namespace: staff
import { z } from "zod";
import { withoutControlCharacters } from "../text-rules.ts";
import { idField } from "~/lib/ids.ts";

const optional = z.string().trim().max(1000, { error: "errors.tooLong" }).refine(withoutControlCharacters(true), { error: "errors.badCharacters" }).optional();

export const broadcastSchema = z.object({
  da: z
    .string({ error: "messages.errors.danishRequired" })
    .trim()
    .min(1, { error: "messages.errors.danishRequired" })
    .max(1000, { error: "errors.tooLong" })
    .refine(withoutControlCharacters(true), { error: "errors.badCharacters" }),
  en: optional,
  ar: optional,
  sessionId: idField().optional(),
  includeWaiting: z.literal("on").optional(),
  /** "preview": count the families and the SMS first (nothing is sent); "send" (the default) sends. */
  intent: z.enum(["preview", "send"], { error: "errors.formExpired" }).optional(),
  /** The SMS count the preview showed: a send that would now cost another number is shown again, not sent. */
  expectedSms: z.coerce
    .number({ error: "errors.formExpired" })
    .int({ error: "errors.formExpired" })
    .min(0, { error: "errors.formExpired" })
    .max(100_000, { error: "errors.formExpired" })
    .optional(),
});
