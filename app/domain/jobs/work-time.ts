// Checks a shift for a young person against the work-time rules
// (work-time-rules.ts). Pure: the caller passes the person, the shifts they
// already have, the new one, and which days are school days. Every
// violation names its rule and the figures, so staff see in plain words why
// ("Ali is 14: at most 2 hours on a school day; this shift would make it 3").
import { addDaysToDay, ageOn, localParts, mondayOf } from "../dates.ts";
import { limitsFor, type Limits } from "./work-time-rules.ts";

export type Shift = { startsAt: Date; endsAt: Date; breakMinutes: number };

export type Violation =
  | { rule: "tooYoung"; age: number }
  | { rule: "dayLimit"; age: number; schoolDay: boolean; limitMinutes: number; totalMinutes: number }
  | { rule: "weekLimit"; age: number; schoolWeek: boolean; limitMinutes: number; totalMinutes: number }
  | { rule: "night"; age: number; nightStart: string; nightEnd: string }
  /** `actualRestMinutes`: the longest unbroken rest the young person would have around the new shift (see restInStretch). */
  | { rule: "rest"; age: number; restMinutes: number; actualRestMinutes: number }
  | { rule: "break"; age: number; breakAfterMinutes: number; breakMinutes: number; givenMinutes: number }
  | { rule: "daysOff"; age: number; consecutiveDaysOff: number };

export type Person = { birthDate: string; inSchool: boolean };
/** Is this Copenhagen day (YYYY-MM-DD) a school day for the person? Weekends and holidays are not. */
export type SchoolCalendar = (day: string) => boolean;

const minutes = (shift: Shift) => Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000);
const workMinutes = (shift: Shift) => minutes(shift) - shift.breakMinutes;
const clock = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function daysOfWeek(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDaysToDay(monday, i));
}

/** Does the shift touch the night (e.g. 20:00–06:00)? Measured in Copenhagen clock minutes from the shift's day. */
function inNight(shift: Shift, limits: Limits): boolean {
  const from = clock(localParts(shift.startsAt).time);
  const to = from + minutes(shift);
  return from < clock(limits.nightEnd) || to > clock(limits.nightStart);
}

/**
 * The rest a working stretch leaves, as the young person would count it: the
 * longer of the rest around the stretch within its 24 hours (24 h minus the
 * stretch: 06–09 and 14–16 leave 14 h) and the longest gap between its shifts
 * (18:00–20:00, then 08:30 the next morning: 12 h 30 min — not 24 h minus the
 * 14½-hour stretch). Never negative.
 */
function restInStretch(all: readonly Shift[], stretchStart: number, stretchEnd: number): number {
  const inside = all.filter((s) => s.startsAt.getTime() >= stretchStart && s.endsAt.getTime() <= stretchEnd);
  let longestGap = 0;
  let workedUntil = stretchStart;
  for (const s of inside) {
    longestGap = Math.max(longestGap, s.startsAt.getTime() - workedUntil);
    workedUntil = Math.max(workedUntil, s.endsAt.getTime());
  }
  const around = 24 * 60 * 60_000 - (stretchEnd - stretchStart);
  return Math.max(0, Math.round(Math.max(longestGap, around) / 60_000));
}

/** The violations the new shift would cause (empty: allowed). */
export function checkShift(person: Person, existing: readonly Shift[], shift: Shift, isSchoolDay: SchoolCalendar): Violation[] {
  const { day } = localParts(shift.startsAt);
  const age = ageOn(person.birthDate, day);
  const limits = limitsFor({ age, inSchool: person.inSchool });
  if (!limits.mayWork) return [{ rule: "tooYoung", age }];
  const violations: Violation[] = [];
  const all = [...existing, shift].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const dayOf = (s: Shift) => localParts(s.startsAt).day;

  // Per day.
  const schoolDay = isSchoolDay(day);
  const dayLimit = schoolDay ? limits.schoolDayMinutes : limits.freeDayMinutes;
  const dayTotal = all.filter((s) => dayOf(s) === day).reduce((sum, s) => sum + workMinutes(s), 0);
  if (dayTotal > dayLimit) violations.push({ rule: "dayLimit", age, schoolDay, limitMinutes: dayLimit, totalMinutes: dayTotal });

  // Per ISO week; a week with any school day counts as a school week.
  // A birthday inside the week: the week's limit is the one for the age on the first day worked in it,
  // so the answer does not depend on the order in which the shifts were taken.
  const week = daysOfWeek(mondayOf(day));
  const schoolWeek = week.some((d) => isSchoolDay(d));
  const inWeek = all.filter((s) => week.includes(dayOf(s)));
  const firstDayWorked = inWeek.map(dayOf).sort()[0] ?? day;
  const weekLimits = limitsFor({ age: ageOn(person.birthDate, firstDayWorked), inSchool: person.inSchool });
  const weekRules = weekLimits.mayWork ? weekLimits : limits;
  const weekLimit = schoolWeek ? weekRules.schoolWeekMinutes : weekRules.freeWeekMinutes;
  const weekTotal = inWeek.reduce((sum, s) => sum + workMinutes(s), 0);
  // The sentence names the age the cap was taken from (a 15th birthday mid-week keeps the week's 14-year-old cap).
  const weekAge = weekLimits.mayWork ? ageOn(person.birthDate, firstDayWorked) : age;
  if (weekTotal > weekLimit) violations.push({ rule: "weekLimit", age: weekAge, schoolWeek, limitMinutes: weekLimit, totalMinutes: weekTotal });

  // Night.
  if (inNight(shift, limits)) violations.push({ rule: "night", age, nightStart: limits.nightStart, nightEnd: limits.nightEnd });

  // Unbroken rest in every 24 hours: shifts closer than the rest period form one working stretch,
  // and a stretch may last at most 24 h minus the rest. Only the stretch the new shift joins is
  // judged: an old problem elsewhere must not block an unrelated shift.
  let stretchStart = shift.startsAt.getTime();
  let stretchEnd = shift.endsAt.getTime();
  for (let grown = true; grown;) {
    grown = false;
    for (const other of all) {
      const near = other.startsAt.getTime() - stretchEnd < limits.restMinutes * 60_000 && stretchStart - other.endsAt.getTime() < limits.restMinutes * 60_000;
      if (near && (other.startsAt.getTime() < stretchStart || other.endsAt.getTime() > stretchEnd)) {
        stretchStart = Math.min(stretchStart, other.startsAt.getTime());
        stretchEnd = Math.max(stretchEnd, other.endsAt.getTime());
        grown = true;
      }
    }
  }
  if (stretchEnd - stretchStart > (24 * 60 - limits.restMinutes) * 60_000) {
    violations.push({ rule: "rest", age, restMinutes: limits.restMinutes, actualRestMinutes: restInStretch(all, stretchStart, stretchEnd) });
  }

  // A break on a long working day.
  const sameDay = all.filter((s) => dayOf(s) === day);
  const span = Math.max(...sameDay.map((s) => s.endsAt.getTime())) - Math.min(...sameDay.map((s) => s.startsAt.getTime()));
  const given = sameDay.reduce((sum, s) => sum + s.breakMinutes, 0) + gapsBetween(sameDay);
  if (span / 60_000 - given > limits.breakAfterMinutes && given < limits.breakMinutes) {
    violations.push({ rule: "break", age, breakAfterMinutes: limits.breakAfterMinutes, breakMinutes: limits.breakMinutes, givenMinutes: given });
  }

  // Two consecutive days off in the week.
  const worked = new Set(all.map(dayOf).filter((d) => week.includes(d)));
  const free = week.map((d) => !worked.has(d));
  const hasConsecutive = free.some(
    (isFree, i) =>
      isFree &&
      free.slice(i, i + limits.consecutiveDaysOff).length === limits.consecutiveDaysOff &&
      free.slice(i, i + limits.consecutiveDaysOff).every(Boolean),
  );
  if (!hasConsecutive) violations.push({ rule: "daysOff", age, consecutiveDaysOff: limits.consecutiveDaysOff });
  return violations;
}

/** Minutes between shifts on the same day (they count as breaks). */
function gapsBetween(shifts: Shift[]): number {
  let gap = 0;
  for (let i = 1; i < shifts.length; i++) gap += Math.max(0, (shifts[i]!.startsAt.getTime() - shifts[i - 1]!.endsAt.getTime()) / 60_000);
  return Math.round(gap);
}
