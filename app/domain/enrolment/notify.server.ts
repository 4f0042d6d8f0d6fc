// Messages about enrolments, in each recipient's language, queued inside
// the transaction that made them true.
import type { DbTx } from "~/lib/db.server.ts";
import { formatDate, formatDateTime, formatList, formatTime } from "~/lib/format.ts";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n.ts";
import { translator } from "~/lib/i18n.server.ts";
import { canReach, queueMessage, type Params, type Recipient, type Template } from "~/lib/messages/send.server.ts";
import { textIn } from "../activities/text.ts";
import { recipientFor } from "../households/contact.server.ts";

type ActivityInfo = { id: string; title: unknown; place: string; firstSessionAt: Date | null };

/** "Yusuf og Lina" / "Yusuf and Lina" / "Yusuf و Lina" */
export function joinNames(names: string[], language: Language): string {
  return formatList(names, language); // one formatter per language (same list patterns as "ar", "en-GB", "da-DK")
}

export async function notifyGuardian(
  tx: DbTx,
  input: {
    guardianPersonId: string;
    /** The guardian's contact when already read (the sign-up reads it before taking the lock). */
    recipient?: Recipient;
    householdId: string;
    activity: ActivityInfo;
    template: Template;
    names: string[];
    extra?: (language: Language) => Params;
  },
): Promise<void> {
  const recipient = input.recipient ?? (await recipientFor(tx, input.guardianPersonId));
  if (!canReach(recipient)) return; // staff registered the family without contact details: staff tell them
  const language: Language = isLanguage(recipient.language) ? recipient.language : defaultLanguage;
  await queueMessage(
    tx,
    recipient,
    input.template,
    {
      activity: textIn(input.activity.title, language),
      place: input.activity.place,
      names: joinNames(input.names, language),
      start: input.activity.firstSessionAt
        ? `${formatDate(input.activity.firstSessionAt, language)}, ${formatTime(input.activity.firstSessionAt, language)}`
        : "",
      ...input.extra?.(language),
    },
    { householdId: input.householdId, activityId: input.activity.id },
  );
}

/** Tells the activity's contact person (staff, Danish) about a change. */
export async function notifyContact(tx: DbTx, input: { contactEmail: string | null; activity: ActivityInfo; template: Template; names: string[]; now: Date }) {
  if (!input.contactEmail) return;
  await queueMessage(
    tx,
    { email: input.contactEmail, language: "da" },
    input.template,
    { activity: textIn(input.activity.title, "da"), names: joinNames(input.names, "da"), when: formatDateTime(input.now, "da") },
    { activityId: input.activity.id },
  );
}

export function formatExpiry(expiresAt: Date, language: Language): string {
  return formatDateTime(expiresAt, language);
}

/** For messages that need a word from the common namespace. */
export const commonT = (language: Language) => translator(language, "common");
