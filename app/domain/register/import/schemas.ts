// The import page's forms: the upload (a file, what it holds and, for past
// participation, the activity), the column mapping, and the buttons of a
// batch (import, discard, undo). Messages are keys in locales/<lng>/import.json.
// i18n-namespace: import
import { z } from "zod";
import { IMPORT_FIELDS, IMPORT_KINDS } from "./columns.ts";
import { MAX_COLUMNS } from "./read-file.ts";
import { idField } from "~/lib/ids.ts";

export const uploadSchema = z
  .object({
    file: z.instanceof(File, { error: "errors.fileRequired" }).refine((file) => file.size > 0, { error: "errors.fileRequired" }),
    kind: z.enum(IMPORT_KINDS, { error: "errors.kindRequired" }),
    activityId: idField("errors.activityRequired").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "participation" && !value.activityId) ctx.addIssue({ code: "custom", path: ["activityId"], message: "errors.activityRequired" });
  });

/** One select per column: a field, or "" for a column left out. A field may be given to one column only. */
export const mappingSchema = z
  .object({
    intent: z.literal("map"),
    columns: z
      .array(z.union([z.enum(IMPORT_FIELDS), z.literal("")], { error: "errors.badField" }).optional())
      .max(MAX_COLUMNS)
      .default([]),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.columns.forEach((field, i) => {
      if (!field) return;
      if (seen.has(field)) ctx.addIssue({ code: "custom", path: ["columns", i], message: "errors.fieldTwice" });
      seen.add(field);
    });
  });

export const batchActionSchema = z.discriminatedUnion("intent", [
  mappingSchema,
  z.object({ intent: z.literal("import") }),
  z.object({ intent: z.literal("discard") }),
  z.object({ intent: z.literal("undo") }),
]);
