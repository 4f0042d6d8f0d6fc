// The sign-in forms: the identifier (e-mail or mobile number) and the 6-digit code.
// i18n-namespace: auth
import { z } from "zod";

export const identifierSchema = z.object({
  identifier: z.string({ error: "errors.identifierRequired" }).trim().max(254, { error: "errors.identifierInvalid" }),
  redirectTo: z.string().optional(),
});

export const codeSchema = z.object({
  // People paste "123 456" or type Arabic-Indic digits on some keyboards.
  code: z
    .string({ error: "errors.codeRequired" })
    .transform((value) => value.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "errors.codeFormat" })),
});
