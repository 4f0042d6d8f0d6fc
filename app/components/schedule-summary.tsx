// When an activity meets, in the reader's words: "Hver mandag og onsdag
// kl. 15.00–17.00 · 12 gange fra 30. november". Shared by the catalogue
// cards and the activity page.
//
// Props are the ScheduleSummary from app/domain/activities/schedule.ts as
// the loader sends it: plain JSON (days "YYYY-MM-DD", times "HH:MM", both
// Copenhagen wall clock), so it needs no conversion on either side. In a loader:
//   schedule: summariseSchedule(upcomingNonCancelledSessions)
// and in the page:
//   <ScheduleSummary summary={data.schedule} />
// It renders inline phrasing content (spans), so it fits in a <p>, <dd> or <li>.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ScheduleSummary as Summary } from "~/domain/activities/schedule.ts";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n.ts";
import { formatClock, formatDayLong, formatDayShort, formatWeekdays } from "./catalogue/format-days.ts";

type Words = { main: string; detail?: string; note?: string };
type T = TFunction<"activities">;

/** "kl. 15.00–17.00"; a word joiner after the dash keeps "15.00–17.00" on one line on a narrow phone. */
function timeRange(t: T, language: Language, startTime: string, endTime: string): string {
  return t("schedule.time", { start: formatClock(startTime, language), end: formatClock(endTime, language) }).replaceAll("–", "–\u2060");
}

/** The summary as one main line, and for series a second line with how many and from when. */
export function describeSchedule(summary: Summary, t: T, language: Language): Words {
  switch (summary.kind) {
    case "none":
      return { main: t("schedule.none") };
    case "single":
      if (summary.endDay) {
        return {
          main: t("schedule.overnight", {
            date: formatDayLong(summary.day, language),
            start: formatClock(summary.startTime, language),
            endDate: formatDayLong(summary.endDay, language),
            end: formatClock(summary.endTime, language),
          }),
        };
      }
      return { main: t("schedule.single", { date: formatDayLong(summary.day, language), time: timeRange(t, language, summary.startTime, summary.endTime) }) };
    case "consecutiveDays":
      return {
        main: t("schedule.consecutiveDays", {
          first: formatDayLong(summary.firstDay, language),
          last: formatDayLong(summary.lastDay, language),
          time: timeRange(t, language, summary.startTime, summary.endTime),
        }),
      };
    case "weekly": {
      const words = { weekdays: formatWeekdays(summary.weekdays, language), time: timeRange(t, language, summary.startTime, summary.endTime) };
      return {
        main: summary.interval === 2 ? t("schedule.fortnightly", words) : t("schedule.weekly", words),
        detail: t("schedule.count", { number: summary.count, date: formatDayShort(summary.from, language) }),
        note: summary.exceptions > 0 ? t("schedule.oneException") : undefined,
      };
    }
    case "dates": {
      const from = { number: summary.count, date: formatDayLong(summary.from, language) };
      return {
        main:
          summary.startTime && summary.endTime
            ? t("schedule.datesWithTime", { ...from, time: timeRange(t, language, summary.startTime, summary.endTime) })
            : t("schedule.dates", from),
      };
    }
  }
}

export function ScheduleSummary({ summary, className = "" }: { summary: Summary; className?: string }) {
  const { t, i18n } = useTranslation("activities");
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const words = describeSchedule(summary, t, language);
  return (
    <span className={`block ${className}`}>
      <span className="block">{words.main}</span>
      {words.detail ? <span className="block text-slate-700">{words.detail}</span> : null}
      {words.note ? <span className="block text-sm text-slate-700">{words.note}</span> : null}
    </span>
  );
}
