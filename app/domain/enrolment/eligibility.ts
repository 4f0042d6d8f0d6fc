// Who may join an activity: pure rules, checked on the server for every
// person in a sign-up and explained per person when one is not eligible.
import { ageOnKnown } from "../dates.ts";

export type Ineligibility =
  | { reason: "tooYoung"; minAge: number; age: number }
  | { reason: "tooOld"; maxAge: number; age: number }
  | { reason: "birthDateMissing" }
  | { reason: "areaNotEligible" }
  | { reason: "overlap"; otherActivityTitle: string; day: string }
  | { reason: "alreadySignedUp" }
  | { reason: "adultNotAllowed" };

export type Interval = { startsAt: Date; endsAt: Date };

export type EligibilityInput = {
  activity: {
    minAge: number | null;
    maxAge: number | null;
    /** Copenhagen day of the first session: age is measured then. */
    startDay: string;
    /** Plan areas whose residents may join; empty means all plan areas. */
    eligibleAreaIds: readonly string[];
    openToOutsiders: boolean;
    /** Family courses take whole families; other activities take children. */
    familiesJoinTogether: boolean;
    sessions: readonly Interval[];
  };
  person: {
    role: "GUARDIAN" | "CHILD";
    /** YYYY-MM-DD */
    birthDay: string | null;
    /** The year alone, when that is all that is known (ageOnKnown: the age reached in the year). */
    birthYear?: number | null;
    /** null: unknown area, treated like outside the plan areas. */
    area: { id: string; isPlanArea: boolean } | null;
    alreadySignedUp: boolean;
    /** Sessions of other activities the person holds a place in. */
    otherCommitments: readonly (Interval & { activityTitle: string; day: string })[];
  };
};

const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export function ineligibilities({ activity, person }: EligibilityInput): Ineligibility[] {
  const problems: Ineligibility[] = [];
  if (person.alreadySignedUp) problems.push({ reason: "alreadySignedUp" });

  if (person.role === "GUARDIAN") {
    if (!activity.familiesJoinTogether) problems.push({ reason: "adultNotAllowed" });
  } else if (activity.minAge !== null || activity.maxAge !== null) {
    const age = ageOnKnown({ birthDay: person.birthDay, birthYear: person.birthYear ?? null }, activity.startDay);
    if (age === null) problems.push({ reason: "birthDateMissing" });
    else {
      if (activity.minAge !== null && age < activity.minAge) problems.push({ reason: "tooYoung", minAge: activity.minAge, age });
      if (activity.maxAge !== null && age > activity.maxAge) problems.push({ reason: "tooOld", maxAge: activity.maxAge, age });
    }
  }

  const inPlanArea = person.area?.isPlanArea === true;
  const areaOk = inPlanArea ? activity.eligibleAreaIds.length === 0 || activity.eligibleAreaIds.includes(person.area!.id) : activity.openToOutsiders;
  if (!areaOk) problems.push({ reason: "areaNotEligible" });

  for (const other of person.otherCommitments) {
    if (activity.sessions.some((session) => overlaps(session, other))) {
      problems.push({ reason: "overlap", otherActivityTitle: other.activityTitle, day: other.day });
      break;
    }
  }
  return problems;
}
