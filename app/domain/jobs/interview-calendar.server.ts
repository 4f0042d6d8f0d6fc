// A job interview as an .ics file: attached to the e-mail that books it and
// served to its young person at /my/jobs/interview/<id>.ics. Times in UTC,
// which every calendar shows in local (Europe/Copenhagen) time. The event
// keeps one UID per application, so a moved interview replaces the old one.
import { createEvent } from "ics";
import { db } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { translator } from "~/lib/i18n.server.ts";
import { t9n } from "../activities/text.ts";
import { forExport } from "../text-rules.ts";

export const INTERVIEW_MINUTES = 30;

export const interviewCalendarPath = (applicationId: string) => `/my/jobs/interview/${applicationId}.ics`;

export function interviewCalendar(input: { applicationId: string; at: Date; place: string; job: string }, language: Language): string {
  const t = translator(language, "hiring");
  const { error, value } = createEvent({
    uid: `interview.${input.applicationId}@aktivitetsportalen`,
    start: input.at.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: input.at.getTime() + INTERVIEW_MINUTES * 60_000,
    endInputType: "utc",
    endOutputType: "utc",
    // A calendar file leaves the portal: no direction or invisible characters (text-rules.ts).
    title: forExport(t("ics.title", { job: input.job })),
    location: forExport(input.place),
    url: appUrl("/my/jobs"),
    status: "CONFIRMED",
    productId: "aktivitetsportalen",
    method: "PUBLISH",
    // A moved interview is a newer version of the same event.
    sequence: Math.floor(Date.now() / 1000) % 2_000_000_000,
  });
  if (error || !value) throw error ?? new Error("Could not make the calendar");
  return value;
}

/** The interview of the young person's own application; null when it is not theirs or none is booked. */
export async function myInterviewCalendar(applicationId: string, personId: string, language: Language): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return null;
  const application = await db.jobApplication.findFirst({
    where: { id: applicationId, personId, status: "INTERVIEW", interviewAt: { not: null } },
    select: { id: true, interviewAt: true, interviewPlace: true, posting: { select: { title: true } } },
  });
  if (!application?.interviewAt) return null;
  return interviewCalendar(
    { applicationId: application.id, at: application.interviewAt, place: application.interviewPlace ?? "", job: t9n(application.posting.title, language) },
    language,
  );
}
