// The steps of one application as the young person follows them: each
// step that happened with its date (received → a parent said yes, if
// needed → interview booked, with when, where and a calendar file → hired,
// not this time or waiting list), then what happens next while it is open.
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatTime } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";

type Status = "AWAITING_GUARDIAN" | "GUARDIAN_DECLINED" | "RECEIVED" | "INTERVIEW" | "HIRED" | "REJECTED" | "WAITING_LIST" | "WITHDRAWN";

export type TimelineApplication = {
  id: string;
  status: Status;
  consentRequired: boolean;
  interviewAt: string | Date | null;
  interviewPlace: string | null;
  /** Whether /my/jobs/interview/<id>.ics serves this interview (interviewEventStatus): the link is shown only then. */
  interviewCalendar: boolean;
  events: { id: string; status: Status; at: string | Date }[];
};

/** The words for a step: the first RECEIVED after a consent request is the parent's yes. */
function stepKey(status: Status, consentRequired: boolean): string {
  if (status === "AWAITING_GUARDIAN") return "timeline.step.applied";
  if (status === "RECEIVED") return consentRequired ? "timeline.step.guardianConfirmed" : "timeline.step.applied";
  return `timeline.step.${status}`;
}

const OPEN: readonly Status[] = ["AWAITING_GUARDIAN", "RECEIVED", "INTERVIEW", "WAITING_LIST"];

export function ApplicationTimeline({ application }: { application: TimelineApplication }) {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const lastInterview = application.events.findLast((event) => event.status === "INTERVIEW");
  const interviewAt = application.interviewAt ? new Date(application.interviewAt) : null;
  return (
    <ol className="space-y-3 border-s-4 border-brand-100 ps-4">
      {application.events.map((event) => (
        <li key={event.id} className="relative">
          <span aria-hidden="true" className="absolute -start-[1.6rem] top-1 size-4 rounded-full border-2 border-white bg-brand-700" />
          <p className="font-semibold">{t(stepKey(event.status, application.consentRequired))}</p>
          <p className="text-sm text-slate-700">
            <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(new Date(event.at), language)}</time>
          </p>
          {event === lastInterview && interviewAt ? (
            <div className="mt-1 space-y-1 rounded-lg bg-brand-50 p-3">
              <p>{t("timeline.interviewWhen", { date: formatDate(interviewAt, language), time: formatTime(interviewAt, language) })}</p>
              {application.interviewPlace ? <p>{t("timeline.interviewWhere", { place: application.interviewPlace })}</p> : null}
              {application.interviewCalendar ? (
                <a href={`/my/jobs/interview/${application.id}.ics`} className="inline-flex min-h-11 items-center">
                  {t("timeline.addToCalendar")}
                </a>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
      {OPEN.includes(application.status) ? (
        <li className="relative">
          <span aria-hidden="true" className="absolute -start-[1.6rem] top-1 size-4 rounded-full border-2 border-brand-700 bg-white" />
          <p className="font-semibold text-slate-800">{t(`timeline.next.${application.status}`)}</p>
        </li>
      ) : null}
    </ol>
  );
}
