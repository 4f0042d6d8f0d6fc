// The shapes of the report's figures (filled by report.server.ts), kept free
// of the database so pure code (tables, exports, charts) can use them.
import type { AgeBand } from "./period.ts";

export type Scope = { activityId?: string; programmeId?: string; activityTypeId?: string; effortAreaId?: string };

/** A figure broken down by the report's dimensions. Keys: housing area id (null: unknown), age band, gender (null: not recorded). */
export type Breakdown = {
  total: number;
  byArea: Record<string, number>;
  byAge: Partial<Record<AgeBand, number>>;
  byGender: Record<string, number>;
};

export const UNKNOWN = "unknown";
/** The programme key of activities that belong to no programme. */
export const NO_PROGRAMME = "none";

export type ActivityRow = {
  activityId: string;
  /** The activity's type, where it had participants (for relating the activities to the types table). */
  typeId?: string;
  /** The activity's programme (NO_PROGRAMME: none), where it had participants. */
  programmeId?: string;
  enrolments: number;
  waitingList: number;
  cancellations: number;
  attendances: number;
  sessionsHeld: number;
  uniqueParticipants: number;
  headCountAdults: number;
  headCountChildren: number;
};

export type Counts = {
  enrolments: Breakdown;
  waitingList: Breakdown;
  cancellations: Breakdown;
  attendances: Breakdown;
  uniqueParticipants: Breakdown;
  uniqueHouseholds: Pick<Breakdown, "total" | "byArea">;
  sessionsHeld: number;
  activitiesHeld: number;
  /** People whose recorded housing area changed between their participations in the period. */
  moved: number;
  headCounts: { adults: number; children: number; byArea: Record<string, { adults: number; children: number }> };
  perActivity: ActivityRow[];
  perType: { typeId: string; uniqueParticipants: number; attendances: number }[];
  /** Unique people once across all the terms of each programme; NO_PROGRAMME: the activities in none. */
  perProgramme: { programmeId: string; uniqueParticipants: number; attendances: number }[];
  perMonth: { month: string; uniqueParticipants: number; attendances: number }[];
};

export type JobCounts = {
  applicants: Breakdown;
  employed: Breakdown;
  shiftsWorked: number;
  minutesWorked: number;
};
