// The one way a job application changes status: the row, a step on the
// timeline the young person follows, and a message to them in their own
// language, all in the caller's transaction. Used by applying, guardian
// consent and the staff pipeline alike.
import type { ApplicationStatus } from "~/generated/prisma/client.ts";
import type { DbTx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n.ts";
import { translator } from "~/lib/i18n.server.ts";
import { canReach, queueMessage } from "~/lib/messages/send.server.ts";
import { textIn } from "../activities/text.ts";
import { recipientFor } from "../households/contact.server.ts";

/** Where a young person follows their applications. */
export const MY_JOBS_PATH = "/my/jobs";

/**
 * Which status may follow which (staff pipeline and consent); anything else is refused. Back to
 * AWAITING_GUARDIAN only when a corrected birth date shows the young person was under 15 on applying
 * (birth-date.server.ts).
 */
export const NEXT_STATUSES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  AWAITING_GUARDIAN: ["RECEIVED", "GUARDIAN_DECLINED", "WITHDRAWN"],
  GUARDIAN_DECLINED: [],
  RECEIVED: ["INTERVIEW", "HIRED", "REJECTED", "WAITING_LIST", "WITHDRAWN", "AWAITING_GUARDIAN"],
  INTERVIEW: ["INTERVIEW", "HIRED", "REJECTED", "WAITING_LIST", "WITHDRAWN", "AWAITING_GUARDIAN"],
  WAITING_LIST: ["INTERVIEW", "HIRED", "REJECTED", "WITHDRAWN", "AWAITING_GUARDIAN"],
  HIRED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export function mayMoveTo(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export class StatusChangeRefused extends Error {
  constructor(
    readonly from: ApplicationStatus,
    readonly to: ApplicationStatus,
  ) {
    super(`An application cannot go from ${from} to ${to}.`);
  }
}

/**
 * Moves an application to `status`: refused (StatusChangeRefused) unless
 * NEXT_STATUSES allows it. Records the step and tells the young person.
 * Lock the application row first when two people may act at once.
 */
export async function setApplicationStatus(
  tx: DbTx,
  input: { applicationId: string; status: ApplicationStatus; byUserId: string | null; now?: Date; notify?: boolean },
): Promise<void> {
  const application = await tx.jobApplication.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: { status: true, personId: true, person: { select: { firstName: true } }, posting: { select: { title: true } } },
  });
  if (!mayMoveTo(application.status, input.status)) throw new StatusChangeRefused(application.status, input.status);
  const at = input.now ?? new Date();
  await tx.jobApplication.update({ where: { id: input.applicationId }, data: { status: input.status } });
  await tx.applicationEvent.create({ data: { applicationId: input.applicationId, status: input.status, at, byUserId: input.byUserId } });
  if (input.notify === false) return;
  await notifyYoungPerson(tx, application.personId, application.person.firstName, application.posting.title, input.status);
}

/** "News about your application for Legepatrulje: you are invited to an interview." */
export async function notifyYoungPerson(tx: DbTx, personId: string, firstName: string, postingTitle: unknown, status: ApplicationStatus): Promise<void> {
  const recipient = await recipientFor(tx, personId);
  if (!canReach(recipient)) return;
  const language: Language = isLanguage(recipient.language) ? recipient.language : defaultLanguage;
  const t = translator(language, "messages");
  await queueMessage(tx, recipient, "jobApplicationStatus", {
    name: firstName,
    job: textIn(postingTitle, language),
    status: t(`jobStatus.${status}`),
    link: appUrl(MY_JOBS_PATH),
  });
}
