// Cancelling a place or a wait. A guardian may cancel their own children's
// enrolments until the activity's deadline (hours before its first session;
// a wait or an open offer can always be dropped); staff may always cancel.
// The freed places go straight to the waiting list, and the contact person
// is told.
import { audit } from "~/lib/audit.server.ts";
import { db } from "~/lib/db.server.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { EnrolmentError } from "./errors.ts";
import { notifyContact, notifyGuardian } from "./notify.server.ts";
import { lockRow } from "~/domain/locking.server.ts";
import { offerFreePlaces } from "./waiting-list.server.ts";

export type Actor = { userId: string; personId: string; isStaff: boolean };

/** The last moment a guardian may cancel a confirmed place. Null: no session ahead. */
export function cancelDeadline(firstSessionAt: Date | null, deadlineHours: number): Date | null {
  return firstSessionAt ? new Date(firstSessionAt.getTime() - deadlineHours * 3_600_000) : null;
}

export function guardianMayCancel(status: "CONFIRMED" | "WAITING" | "OFFERED", deadline: Date | null, now: Date): boolean {
  if (status !== "CONFIRMED") return true;
  return deadline !== null && now < deadline;
}

/** `activityId`, when given, must be the enrolment's (a staff page acts on its own activity only). */
/** Returns the status the enrolment had before, and how many waiting groups were offered the place it freed. */
export async function cancelEnrolment(
  input: { enrolmentId: string; actor: Actor; activityId?: string },
  now = new Date(),
): Promise<{ previous: "CONFIRMED" | "WAITING" | "OFFERED"; offered: number }> {
  const found = await db.enrolment.findUnique({ where: { id: input.enrolmentId }, select: { activityId: true, householdId: true } });
  if (!found || (input.activityId && found.activityId !== input.activityId)) throw new EnrolmentError("enrolmentNotFound");
  if (!input.actor.isStaff) {
    const guardian = await db.householdMember.findUnique({
      where: { householdId_personId: { householdId: found.householdId, personId: input.actor.personId } },
      select: { role: true },
    });
    // Not their household: answer as if it did not exist.
    if (guardian?.role !== "GUARDIAN") throw new EnrolmentError("enrolmentNotFound");
  }

  const result = await db.$transaction(
    async (tx) => {
      await lockRow(tx, "Activity", found.activityId);
      const enrolment = await tx.enrolment.findUniqueOrThrow({
        where: { id: input.enrolmentId },
        select: {
          id: true,
          status: true,
          signUpId: true,
          householdId: true,
          person: { select: { firstName: true } },
          signUp: { select: { consentPersonId: true } },
          activity: {
            select: {
              id: true,
              title: true,
              place: true,
              contactEmail: true,
              cancelDeadlineHours: true,
              sessions: { where: { cancelledAt: null, startsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
            },
          },
        },
      });
      if (enrolment.status === "CANCELLED") throw new EnrolmentError("alreadyCancelled");
      const firstSessionAt = enrolment.activity.sessions[0]?.startsAt ?? null;
      if (!input.actor.isStaff && !guardianMayCancel(enrolment.status, cancelDeadline(firstSessionAt, enrolment.activity.cancelDeadlineHours), now)) {
        throw new EnrolmentError("cancelDeadlinePassed");
      }
      await tx.enrolment.update({
        where: { id: enrolment.id },
        data: { status: "CANCELLED", cancelledAt: now, cancelReason: input.actor.isStaff ? "BY_STAFF" : "BY_GUARDIAN", cancelledByUserId: input.actor.userId },
      });
      await audit(tx, {
        actorUserId: input.actor.userId,
        action: input.actor.isStaff ? "enrolment.cancelByStaff" : "enrolment.cancel",
        entityType: "Enrolment",
        entityId: enrolment.id,
        before: { status: enrolment.status },
        after: { status: "CANCELLED" },
      });
      // Dropping the last child of an open offer declines it.
      if (enrolment.status === "OFFERED" && (await tx.enrolment.count({ where: { signUpId: enrolment.signUpId, status: "OFFERED" } })) === 0) {
        await tx.waitingListOffer.updateMany({ where: { signUpId: enrolment.signUpId, outcome: null }, data: { outcome: "DECLINED", respondedAt: now } });
      }
      const activity = { ...enrolment.activity, firstSessionAt };
      await notifyGuardian(tx, {
        guardianPersonId: enrolment.signUp.consentPersonId,
        householdId: enrolment.householdId,
        activity,
        template: "cancelled",
        names: [enrolment.person.firstName],
      });
      if (enrolment.status === "CONFIRMED" || enrolment.status === "OFFERED") {
        await notifyContact(tx, {
          contactEmail: enrolment.activity.contactEmail,
          activity,
          template: "cancelledStaffNotice",
          names: [enrolment.person.firstName],
          now,
        });
      }
      const offered = await offerFreePlaces(tx, found.activityId, now);
      return { previous: enrolment.status, offered };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  await nudge(JOBS.deliverMessages);
  return result;
}
