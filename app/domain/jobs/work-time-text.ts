// A work-time violation as one plain sentence in the reader's language,
// naming the young person (or "you" on their own page), their age and the
// figures: "Ali er 14: højst 2 timer på en skoledag; denne vagt ville gøre
// det til 3 timer." Pure: pass the `t` of the "shifts" namespace (server
// translator or useTranslation).
// i18n-namespace: shifts
import { formatNumber } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";
import type { Violation } from "./work-time.ts";

type T = (key: string, params?: Record<string, string | number>) => string;

/** 150 → "2 t. 30 min" / "2 h 30 min"; 180 → "3 timer"; 60 → "1 time". */
export function durationText(t: T, minutes: number, language: Language): string {
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  const n = (value: number) => formatNumber(value, language);
  if (hours === 0) return t("common:units.minutes", { count: rest, value: n(rest) });
  if (rest === 0) return t("common:units.hours", { count: hours, value: n(hours) });
  return t("duration.hoursMinutes", { hours: n(hours), minutes: n(rest) });
}

/** "20:00" as the reader writes a time: "20.00" in Danish. */
export function clockText(time: string, language: Language): string {
  return language === "da" ? time.replace(":", ".") : time;
}

/**
 * `name`: the young person's first name; null on their own page ("Du er 14: …"); AT_AGE for a shift nobody is on
 * yet, said of anyone of the youngest age the job takes ("Unge på 13 år: …").
 */
export const AT_AGE = { atAge: true } as const;

export function violationText(t: T, violation: Violation, name: string | null | typeof AT_AGE, language: Language): string {
  const age = t("common:units.years", { count: violation.age });
  const who = name === null ? t("violation.you", { age }) : typeof name === "object" ? t("violation.atAge", { age }) : t("violation.named", { name, age });
  const d = (minutes: number) => durationText(t, minutes, language);
  switch (violation.rule) {
    case "tooYoung":
      return `${who} ${t("violation.tooYoung")}`;
    case "dayLimit":
      return `${who} ${t(violation.schoolDay ? "violation.dayLimitSchool" : "violation.dayLimitFree", { limit: d(violation.limitMinutes), total: d(violation.totalMinutes) })}`;
    case "weekLimit":
      return `${who} ${t(violation.schoolWeek ? "violation.weekLimitSchool" : "violation.weekLimitFree", { limit: d(violation.limitMinutes), total: d(violation.totalMinutes) })}`;
    case "night":
      return `${who} ${t("violation.night", { from: clockText(violation.nightStart, language), to: clockText(violation.nightEnd, language) })}`;
    case "rest":
      return `${who} ${t("violation.rest", { rest: d(violation.restMinutes), actual: d(violation.actualRestMinutes) })}`;
    case "break":
      return `${who} ${t("violation.break", { after: d(violation.breakAfterMinutes), pause: d(violation.breakMinutes), given: d(violation.givenMinutes) })}`;
    case "daysOff":
      return `${who} ${t("violation.daysOff")}`;
  }
}
