// A young person's birth date decides whether a guardian must consent and
// which work-time limits apply, so once recorded it is not theirs to change
// (applying keeps the recorded one). Staff correct it here, and a guardian
// through their household's child page (household.server.ts); both are
// audited, and both re-check the consent of the open applications: under
// 15 on the day of applying they wait for a guardian again, 15 or over they
// no longer do.
import type { ApplicationStatus } from "~/generated/prisma/client.ts";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { isCalendarDay } from "../activities/series.ts";
import { ageOn, copenhagenDay, dateOnly } from "../dates.ts";
import { householdGuardianOf } from "../households/contact.server.ts";
import { CONSENT_AGE } from "./applications.server.ts";
import { sendConsentRequest } from "./guardian.server.ts";
import { HiringError } from "./pipeline.server.ts";
import { setApplicationStatus } from "./status.server.ts";
import { isId } from "~/lib/ids.ts";
import { lockApplicationsOf, lockRow } from "~/domain/locking.server.ts";

const TX = { timeout: 15_000, maxWait: 15_000 } as const;

/** Applications whose consent can still change: not yet decided or ended. */
const OPEN: readonly ApplicationStatus[] = ["AWAITING_GUARDIAN", "RECEIVED", "INTERVIEW", "WAITING_LIST"];

/**
 * After a birth date changed: each open application of the person is checked against the age on the day it
 * was made. Newly under 15 and no guardian has answered: it waits for a guardian again (the household's, when
 * it names one), who is asked. No longer under 15 while it waits: received. Call inside the transaction that
 * changed the date; nudge the delivery job afterwards.
 */
export async function recheckConsent(tx: DbTx, personId: string, actorUserId: string, now = new Date()): Promise<void> {
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { birthDate: true } });
  if (!person.birthDate) return;
  const birthDay = dateOnly(person.birthDate);
  for (const id of await lockApplicationsOf(tx, personId, OPEN)) {
    const application = await tx.jobApplication.findUniqueOrThrow({
      where: { id },
      select: { status: true, consentRequired: true, guardianAnswerAt: true, createdAt: true },
    });
    const under = ageOn(birthDay, copenhagenDay(application.createdAt)) < CONSENT_AGE;
    if (under && !application.consentRequired && !application.guardianAnswerAt) {
      const guardian = await householdGuardianOf(tx, personId);
      await tx.jobApplication.update({
        where: { id },
        data: {
          consentRequired: true,
          ...(guardian
            ? {
                guardianPersonId: guardian.personId,
                guardianName: guardian.name,
                guardianEmail: guardian.email,
                guardianPhone: guardian.phone,
                guardianLanguage: guardian.language,
              }
            : {}),
        },
      });
      if (application.status !== "AWAITING_GUARDIAN")
        await setApplicationStatus(tx, { applicationId: id, status: "AWAITING_GUARDIAN", byUserId: actorUserId, now });
      await sendConsentRequest(tx, id, now);
      await audit(tx, {
        actorUserId,
        action: "jobApplication.consentRequired",
        entityType: "JobApplication",
        entityId: id,
        before: { status: application.status, consentRequired: false },
        after: { status: "AWAITING_GUARDIAN", consentRequired: true },
      });
    } else if (!under && application.consentRequired && application.status === "AWAITING_GUARDIAN") {
      await tx.jobApplication.update({ where: { id }, data: { consentRequired: false } });
      await setApplicationStatus(tx, { applicationId: id, status: "RECEIVED", byUserId: actorUserId, now });
      await audit(tx, {
        actorUserId,
        action: "jobApplication.consentNotRequired",
        entityType: "JobApplication",
        entityId: id,
        before: { status: "AWAITING_GUARDIAN", consentRequired: true },
        after: { status: "RECEIVED", consentRequired: false },
      });
    }
  }
}

/**
 * Staff correct the birth date of an application's young person (audited as person.birthDateCorrected), then
 * the consent of their open applications is re-checked. Refused: not a real day, or after today.
 */
export async function correctBirthDate(input: { applicationId: string; birthDate: string; actorUserId: string }, now = new Date()): Promise<void> {
  if (!isId(input.applicationId)) throw new HiringError("applicationNotFound");
  if (!isCalendarDay(input.birthDate)) throw new HiringError("dateInvalid", "birthDate");
  if (input.birthDate > copenhagenDay(now)) throw new HiringError("birthDateInFuture", "birthDate");
  const found = await db.jobApplication.findUnique({ where: { id: input.applicationId }, select: { personId: true } });
  if (!found) throw new HiringError("applicationNotFound");
  const changed = await db.$transaction(async (tx) => {
    // The person first, as applying does: one change of their details at a time.
    await lockRow(tx, "Person", found.personId);
    const before = await tx.person.findUniqueOrThrow({ where: { id: found.personId }, select: { birthDate: true } });
    const from = before.birthDate ? dateOnly(before.birthDate) : null;
    if (from === input.birthDate) return false;
    await tx.person.update({ where: { id: found.personId }, data: { birthDate: new Date(`${input.birthDate}T00:00:00Z`) } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "person.birthDateCorrected",
      entityType: "Person",
      entityId: found.personId,
      before: { birthDate: from },
      after: { birthDate: input.birthDate },
    });
    await recheckConsent(tx, found.personId, input.actorUserId, now);
    return true;
  }, TX);
  if (changed) await nudge(JOBS.deliverMessages);
}
