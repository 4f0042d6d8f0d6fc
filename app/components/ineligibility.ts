// Why a person may not join, as a translation key and its values
// (namespace "activity"), for every page that explains it.
import type { Ineligibility } from "~/domain/enrolment/eligibility.ts";

export function reasonKey(problem: Ineligibility): [string, Record<string, unknown>] {
  switch (problem.reason) {
    case "tooYoung":
      return ["activity:reasons.tooYoung", { minAge: problem.minAge, age: problem.age, count: problem.minAge }];
    case "tooOld":
      return ["activity:reasons.tooOld", { maxAge: problem.maxAge, age: problem.age, count: problem.maxAge }];
    case "overlap":
      return ["activity:reasons.overlap", { activity: problem.otherActivityTitle }];
    default:
      return [`activity:reasons.${problem.reason}`, {}];
  }
}
