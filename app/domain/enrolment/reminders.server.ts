// Reminders before sessions: each household with a place gets one message
// per session, `reminderHours` before it (default: the day before). The
// ReminderSent row, written in the same transaction as the message, makes
// a second run (or a second instance) send nothing twice.
import { db } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { formatDateTime } from "~/lib/format.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { notifyGuardian } from "./notify.server.ts";
import { errorFields, log } from "~/lib/log.server.ts";

/** The page where a family reports an absence for one session (absence notices, issue 19). */
export const absencePath = (sessionId: string) => `/my/absence/${sessionId}`;

/** The longest reminder window an activity may set (a week). */
export const MAX_REMINDER_HOURS = 168;

export async function sendDueReminders(now = new Date()): Promise<number> {
  // Sessions starting within the longest reminder window; each activity's own window is applied below.
  const sessions = await db.activitySession.findMany({
    where: {
      cancelledAt: null,
      startsAt: {
        gt: now,
        lte: new Date(now.getTime() + MAX_REMINDER_HOURS * 3_600_000),
      },
      activity: {
        status: "PUBLISHED",
        reminderHours: { not: null },
        enrolments: { some: { status: "CONFIRMED" } },
      },
    },
    select: {
      id: true,
      startsAt: true,
      place: true,
      activity: {
        select: { id: true, title: true, place: true, reminderHours: true },
      },
    },
  });
  let sent = 0;
  for (const session of sessions) {
    const windowOpens = new Date(session.startsAt.getTime() - Math.min(session.activity.reminderHours!, MAX_REMINDER_HOURS) * 3_600_000);
    if (windowOpens > now) continue;
    const enrolments = await db.enrolment.findMany({
      // A place confirmed inside the window was just confirmed by message: no reminder on top.
      where: {
        activityId: session.activity.id,
        status: "CONFIRMED",
        confirmedAt: { lt: windowOpens },
        household: { NOT: { reminders: { some: { sessionId: session.id } } } },
      },
      select: {
        householdId: true,
        person: { select: { firstName: true } },
        signUp: { select: { consentPersonId: true } },
      },
    });
    const byHousehold = new Map<string, typeof enrolments>();
    for (const enrolment of enrolments) byHousehold.set(enrolment.householdId, [...(byHousehold.get(enrolment.householdId) ?? []), enrolment]);
    for (const [householdId, members] of byHousehold) {
      try {
        sent += await db.$transaction(async (tx) => {
          const claimed = await tx.$executeRaw`
          INSERT INTO "ReminderSent" ("sessionId", "householdId") VALUES (${session.id}::uuid, ${householdId}::uuid) ON CONFLICT DO NOTHING`;
          if (claimed === 0) return 0;
          await notifyGuardian(tx, {
            guardianPersonId: members[0]!.signUp.consentPersonId,
            householdId,
            activity: {
              ...session.activity,
              place: session.place ?? session.activity.place,
              firstSessionAt: session.startsAt,
            },
            template: "reminder",
            names: members.map((member) => member.person.firstName),
            extra: (language) => ({
              session: formatDateTime(session.startsAt, language),
              // "Can't come": the absence page for this session — it asks the parent to sign in, and reports nothing by itself.
              link: appUrl(absencePath(session.id)),
            }),
          });
          return 1;
        });
      } catch (error) {
        log("error", "reminder.failed", { sessionId: session.id, ...errorFields(error) });
      }
    }
  }
  if (sent) await nudge(JOBS.deliverMessages);
  return sent;
}
