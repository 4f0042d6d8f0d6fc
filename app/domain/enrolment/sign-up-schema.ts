// The sign-up form: which children, the consent tick, and the key that makes a double tap one sign-up.
// i18n-namespace: activity
import { z } from "zod";
import { idField } from "~/lib/ids.ts";

export const signUpSchema = z.object({
  personId: z.array(idField(), { error: "errors.nobodyChosen" }).min(1, { error: "errors.nobodyChosen" }),
  consent: z.literal("on", { error: "errors.consentRequired" }),
  idempotencyKey: idField(),
});
