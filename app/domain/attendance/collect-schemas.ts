// Form schema for "collected by" at attendance (issue 19), shared by browser and server: one of the child's allowed
// collectors (a contact's id), "other" with the name of whoever came, or "" for nobody yet.
// i18n-namespace: staff
import { z } from "zod";
import { idField } from "~/lib/ids.ts";
import { optionalNameField } from "../text-rules.ts";

export const collectedSchema = z
  .object({
    personId: idField("errors.collectorRequired"),
    collector: z.union([idField(), z.literal("other"), z.literal("none")], { error: "errors.collectorRequired" }),
    otherName: optionalNameField(60).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.collector === "other" && !value.otherName) ctx.addIssue({ code: "custom", path: ["otherName"], message: "errors.collectorNameRequired" });
  })
  .transform(({ personId, collector, otherName }) => ({
    personId,
    collector: collector === "none" ? null : collector === "other" ? { other: otherName! } : { contactId: collector },
  }));
