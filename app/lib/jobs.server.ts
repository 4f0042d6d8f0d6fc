// The old name of job-queue.server.ts, kept only for modules other branches
// were editing when the queue was renamed (activities/editor.server.ts,
// enrolment/reminders.server.ts). New code imports job-queue.server.ts;
// delete this file once nothing imports it.
export * from "./job-queue.server.ts";
