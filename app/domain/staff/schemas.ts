// Form schemas for staff pages, shared by browser and server.
// i18n-namespace: staff
import { z } from "zod";
import { withoutControlCharacters } from "../text-rules.ts";
import { idField } from "~/lib/ids.ts";

const optional = z.string().trim().max(1000, { error: "errors.tooLong" }).refine(withoutControlCharacters(true), { error: "errors.badCharacters" }).optional();

/**
 * What staff change on an activity's roster: the places, a waiting family's place, an enrolment. The places field
 * sent empty means "no limit", left out it is refused: parse with conform's `disableAutoCoercion`, which keeps the
 * empty string apart from a missing field.
 */
export const rosterActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("capacity"), capacity: z.union([z.literal(""), z.coerce.number().int().min(0).max(10_000)]) }),
  z.object({ intent: z.literal("place"), signUpId: idField() }),
  z.object({ intent: z.literal("remove"), enrolmentId: idField() }),
]);

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
