// What a milestone can measure, and is it reached, on track or behind?
// Pure (the browser's form and the server share it): progress is compared
// with a straight line from 0 on the first day to the target on the
// deadline. "On track" means at least as far as that line for the time
// elapsed (days, both ends inclusive); after the deadline anything short of
// the target is behind.
import type { MilestoneMeasure } from "~/generated/prisma/enums.ts";
import { periodDays } from "./period.ts";

/** What a milestone can count, in the order the form offers them (labels: milestoneMeasure.<measure> in reports.json). */
export const MEASURES = [
  "UNIQUE_PARTICIPANTS",
  "UNIQUE_HOUSEHOLDS",
  "ENROLMENTS",
  "ATTENDANCES",
  "SESSIONS_HELD",
  "ACTIVITIES_HELD",
  "YOUTH_EMPLOYED",
  "HOURS_WORKED",
] as const satisfies readonly MilestoneMeasure[];

export type Judgement = "reached" | "onTrack" | "behind";

export type MilestoneProgress = {
  judgement: Judgement;
  /** Where the straight line stands today (whole units, rounded down: the line must be met, not beaten). */
  expectedByNow: number;
  /** Share of the milestone's time that has passed, 0–1. */
  elapsed: number;
};

export function judgeMilestone(input: { value: number; target: number; startsOn: string; deadline: string; today: string }): MilestoneProgress {
  const total = periodDays({ from: input.startsOn, to: input.deadline });
  const passed = input.today < input.startsOn ? 0 : Math.min(total, periodDays({ from: input.startsOn, to: input.today }));
  const elapsed = total <= 0 ? 1 : passed / total;
  const expectedByNow = Math.floor(input.target * elapsed);
  const judgement: Judgement = input.value >= input.target ? "reached" : input.value >= expectedByNow && elapsed < 1 ? "onTrack" : "behind";
  return { judgement, expectedByNow, elapsed };
}
