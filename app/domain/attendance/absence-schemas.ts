// The absence page's forms (absence notices, issue 19): report one session or the rest of this week, or take a
// notice back. Shared by the page and the action; the messages are keys of the `my` namespace (or common's).
// i18n-namespace: my
import { z } from "zod";
import { textField } from "../text-rules.ts";
import { idField } from "~/lib/ids.ts";

/** The longest reason a family may give ("sick", "at grandma's"): a line, not a letter. */
export const ABSENCE_REASON_MAX = 200;

/** A hidden field no browser sends wrong: answered as a whole ("that did not work"). */
const BAD = "errors.badRequest";

export const absenceActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("report"),
      personId: idField(BAD),
      reason: textField(ABSENCE_REASON_MAX, { tooLong: "errors.absenceReasonTooLong", badCharacters: "common:errors.badCharacters" }).optional(),
      /** "1": every session of the activity left in this week, not only this one. */
      week: z.literal("1", { error: BAD }).optional(),
    }),
    z.object({ intent: z.literal("undo"), personId: idField(BAD) }),
  ],
  { error: BAD },
);
