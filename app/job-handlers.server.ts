// What each background job does: the handlers. The queue itself (pg-boss,
// the schedule, nudge) is lib/job-queue.server.ts. Started by server/index.ts
// through the server build (entry.server.tsx re-exports it), so jobs and
// requests share one set of modules.
import { deleteExpiredData } from "./domain/accounts/cleanup.server.ts";
import { sendDueReminders } from "./domain/enrolment/reminders.server.ts";
import { expireOverdueOffers } from "./domain/enrolment/waiting-list.server.ts";
import { anonymiseInactiveHouseholds } from "./domain/households/retention.server.ts";
import { runNightlyBackup } from "./lib/backups.server.ts";
import { JOBS, jobsStopping, nudge, startJobs, stopJobs, type JobHandlers } from "./lib/job-queue.server.ts";
import { deliverDueMessages } from "./lib/messages/send.server.ts";

/** The work behind each job. */
export const JOB_HANDLERS: JobHandlers = {
  [JOBS.deliverMessages]: () => deliverDueMessages(new Date(), { stopping: jobsStopping, more: () => void nudge(JOBS.deliverMessages) }),
  [JOBS.expireOffers]: () => expireOverdueOffers(),
  [JOBS.sendReminders]: () => sendDueReminders(),
  [JOBS.deleteExpiredData]: () => deleteExpiredData(),
  [JOBS.anonymiseInactive]: () => anonymiseInactiveHouseholds(),
  // A no-op while BACKUP_DIR is unset.
  [JOBS.nightlyBackup]: () => runNightlyBackup(),
};

export function startBackgroundJobs() {
  return startJobs(JOB_HANDLERS);
}

export { stopJobs };
