// Form schemas for the personal-data pages: a guardian asks for deletion,
// staff confirm it. Messages are translation keys in locales/<language>/privacy.json.
// i18n-namespace: privacy
import { z } from "zod";

/** The guardian ticks that they understand what deletion means (a slip must not send a request). */
export const deletionRequestSchema = z.object({
  understood: z.literal("on", { error: "errors.understoodRequired" }),
});

/** Staff confirm that the family's personal data are to be deleted: it cannot be undone. */
export const anonymiseSchema = z.object({
  confirm: z.literal("on", { error: "errors.confirmRequired" }),
});
