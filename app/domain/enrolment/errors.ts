// Named errors of enrolment; routes turn them into translated messages.
import type { Ineligibility } from "./eligibility.ts";
import { DomainError } from "../errors.ts";

export type EnrolmentErrorCode =
  | "activityNotFound"
  | "noSignUpNeeded"
  | "notOpenYet"
  | "closed"
  | "notGuardian"
  | "notInHousehold"
  | "nobodyChosen"
  | "ineligible"
  | "enrolmentNotFound"
  | "alreadyCancelled"
  | "cancelDeadlinePassed"
  | "offerNotFound"
  | "noRoom"
  | "belowTaken"
  | "activityEnded";

export class EnrolmentError extends DomainError<EnrolmentErrorCode> {
  constructor(
    code: EnrolmentErrorCode,
    /** For "ineligible": why, per person id. */
    readonly problems: Record<string, Ineligibility[]> = {},
  ) {
    super("activity", code);
  }
}
