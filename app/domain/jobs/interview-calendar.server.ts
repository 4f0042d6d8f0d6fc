// A job interview as an .ics file: attached to the e-mail that books it and
// served to its young person at /my/jobs/interview/<id>.ics for as long as
// their timeline links it (once an interview was booked, whatever came
// after). Times in UTC, which every calendar shows in local
// (Europe/Copenhagen) time. The event keeps one UID per application, so a
// moved interview replaces the old one, and one called off is cancelled.
import { createEvent } from "ics";
import type { ApplicationStatus } from "~/generated/prisma/client.ts";
import { db } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { foldCalendar } from "~/lib/ics.ts";
import type { Language } from "~/lib/i18n.ts";
import { translator } from "~/lib/i18n.server.ts";
import { textIn } from "../activities/text.ts";
import { forExport } from "../text-rules.ts";
import { isId } from "~/lib/ids.ts";

export const INTERVIEW_MINUTES = 30;

export const interviewCalendarPath = (applicationId: string) => `/my/jobs/interview/${applicationId}.ics`;

/**
 * The interview as a calendar event sees it: none until one is booked; cancelled when the application was
 * withdrawn or turned down before the interview's time; else confirmed (also once it is over, or hired).
 * The young person's timeline links the .ics exactly when this is not null.
 */
export function interviewEventStatus(application: {
  status: ApplicationStatus;
  interviewAt: Date | null;
  events: readonly { status: ApplicationStatus; at: Date }[];
}): "CONFIRMED" | "CANCELLED" | null {
  if (!application.interviewAt) return null;
  if (application.status === "WITHDRAWN" || application.status === "REJECTED") {
    const ended = application.events.findLast((event) => event.status === application.status);
    if (!ended || ended.at.getTime() < application.interviewAt.getTime()) return "CANCELLED";
  }
  return "CONFIRMED";
}

export function interviewCalendar(
  input: { applicationId: string; at: Date; place: string; job: string; status?: "CONFIRMED" | "CANCELLED" },
  language: Language,
): string {
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
    status: input.status ?? "CONFIRMED",
    productId: "aktivitetsportalen",
    method: "PUBLISH",
    // A moved interview is a newer version of the same event.
    sequence: Math.floor(Date.now() / 1000) % 2_000_000_000,
  });
  if (error || !value) throw error ?? new Error("Could not make the calendar");
  // The package folds at 75 characters; RFC 5545 counts octets (an Arabic job title takes two each).
  return foldCalendar(value);
}

/**
 * The interview of the young person's own application, whenever their timeline links it (see
 * interviewEventStatus); null when it is not theirs or no interview was ever booked.
 */
export async function myInterviewCalendar(applicationId: string, personId: string, language: Language): Promise<string | null> {
  if (!isId(applicationId)) return null;
  const application = await db.jobApplication.findFirst({
    where: { id: applicationId, personId },
    select: {
      id: true,
      status: true,
      interviewAt: true,
      interviewPlace: true,
      posting: { select: { title: true } },
      events: { orderBy: { at: "asc" }, select: { status: true, at: true } },
    },
  });
  const status = application ? interviewEventStatus(application) : null;
  if (!application?.interviewAt || !status) return null;
  return interviewCalendar(
    {
      applicationId: application.id,
      at: application.interviewAt,
      place: application.interviewPlace ?? "",
      job: textIn(application.posting.title, language),
      status,
    },
    language,
  );
}
