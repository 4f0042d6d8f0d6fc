// The sign-in forms: the identifier (e-mail or mobile number) and the 6-digit code.
// i18n-namespace: auth
import { z } from "zod";
import { EMAIL_MAX, RETURN_PATH_MAX } from "../text-rules.ts";

export const identifierSchema = z.object({
  identifier: z.string({ error: "errors.identifierRequired" }).trim().max(EMAIL_MAX, { error: "errors.identifierInvalid" }),
  /** Where to go after signing in; one too long to be a page of the portal is dropped (the start page instead). */
  redirectTo: z.string().max(RETURN_PATH_MAX).optional().catch(undefined),
});

export const codeSchema = z.object({
  // People paste "123 456" or type Arabic-Indic digits on some keyboards.
  code: z
    .string({ error: "errors.codeRequired" })
    .transform((value) => value.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "errors.codeFormat" })),
});
