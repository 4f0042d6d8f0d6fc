// What a parent can do on "My activities": cancel, answer an offer, manage the calendar feed.
// i18n-namespace: my
import { z } from "zod";
import { idField } from "~/lib/ids.ts";

export const myActivitiesActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancel"), enrolmentId: idField() }),
  z.object({ intent: z.enum(["accept", "decline"]), offerId: idField() }),
  z.object({ intent: z.enum(["createFeed", "revokeFeed"]) }),
]);

/** The answer on an offer's own page (the link in the offer message: the token names the offer). */
export const offerAnswerSchema = z.object({ intent: z.enum(["accept", "decline"]) });
