// Milestones: targets promised to the funder, their progress measured with
// the report's own counting (report.server.ts) from the first day to today
// (or the deadline, when passed), and staff's status text per period.
import type { MilestoneMeasure, Prisma } from "~/generated/prisma/client.ts";
import { audit } from "~/lib/audit.server.ts";
import { db } from "~/lib/db.server.ts";
import { copenhagenDay, dateOnly } from "../dates.ts";
import type { Scope } from "./counts.ts";
import { judgeMilestone, type MilestoneProgress } from "./milestones.ts";
import type { Period } from "./period.ts";
import { countJobs, countParticipation } from "./report.server.ts";

type Counts = { participation: Map<string, ReturnType<typeof countParticipation>>; jobs: Map<string, ReturnType<typeof countJobs>> };

/** Counts already asked for in this request: milestones on the same selection and period share one statement. */
const newCounts = (): Counts => ({ participation: new Map(), jobs: new Map() });

function once<T>(cache: Map<string, T>, key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key)!;
}

/** The value of one measure over a period and a selection of activities (jobs ignore the selection). */
export async function measureValue(measure: MilestoneMeasure, period: Period, scope: Scope, counts: Counts = newCounts()): Promise<number> {
  const periodKey = `${period.from}|${period.to}`;
  if (measure === "YOUTH_EMPLOYED" || measure === "HOURS_WORKED") {
    const jobs = await once(counts.jobs, periodKey, () => countJobs(period));
    return measure === "YOUTH_EMPLOYED" ? jobs.employed.total : Math.floor(jobs.minutesWorked / 60);
  }
  const scopeKey = `${periodKey}|${scope.activityId ?? ""}|${scope.programmeId ?? ""}|${scope.activityTypeId ?? ""}|${scope.effortAreaId ?? ""}`;
  const participation = await once(counts.participation, scopeKey, () => countParticipation(period, scope));
  switch (measure) {
    case "UNIQUE_PARTICIPANTS":
      return participation.uniqueParticipants.total;
    case "UNIQUE_HOUSEHOLDS":
      return participation.uniqueHouseholds.total;
    case "ENROLMENTS":
      return participation.enrolments.total;
    case "ATTENDANCES":
      return participation.attendances.total;
    case "SESSIONS_HELD":
      return participation.sessionsHeld;
    case "ACTIVITIES_HELD":
      return participation.activitiesHeld;
  }
}

const MILESTONE_SELECT = {
  id: true,
  title: true,
  measure: true,
  target: true,
  startsOn: true,
  deadline: true,
  activityId: true,
  programmeId: true,
  activityTypeId: true,
  effortAreaId: true,
  activity: { select: { title: true } },
  programme: { select: { name: true } },
  activityType: { select: { name: true } },
  effortArea: { select: { name: true } },
  notes: { select: { id: true, periodStart: true, periodEnd: true, text: true, updatedAt: true }, orderBy: { periodStart: "desc" } },
} satisfies Prisma.MilestoneSelect;

export type MilestoneView = {
  id: string;
  title: unknown;
  measure: MilestoneMeasure;
  target: number;
  startsOn: string;
  deadline: string;
  scope: { kind: "activity" | "programme" | "activityType" | "effortArea" | "all"; id: string | null; name: unknown };
  value: number;
  progress: MilestoneProgress;
  notes: { id: string; periodStart: string; periodEnd: string; text: string }[];
};

function scopeOf(row: { activityId: string | null; programmeId: string | null; activityTypeId: string | null; effortAreaId: string | null }): Scope {
  return {
    activityId: row.activityId ?? undefined,
    programmeId: row.programmeId ?? undefined,
    activityTypeId: row.activityTypeId ?? undefined,
    effortAreaId: row.effortAreaId ?? undefined,
  };
}

/** Milestones with progress as of `now`; optionally only those of a selection (and of the activities inside it). */
export async function listMilestones(now = new Date(), filter: Scope = {}): Promise<MilestoneView[]> {
  const today = copenhagenDay(now);
  // A selection shows the milestones set on it and on the activities inside it.
  const where: Prisma.MilestoneWhereInput = filter.activityId
    ? { activityId: filter.activityId }
    : filter.programmeId
      ? { OR: [{ programmeId: filter.programmeId }, { activity: { programmeId: filter.programmeId } }] }
      : filter.activityTypeId
        ? { OR: [{ activityTypeId: filter.activityTypeId }, { activity: { typeId: filter.activityTypeId } }] }
        : filter.effortAreaId
          ? { OR: [{ effortAreaId: filter.effortAreaId }, { activity: { effortAreaId: filter.effortAreaId } }] }
          : {};
  const rows = await db.milestone.findMany({ where, select: MILESTONE_SELECT, orderBy: [{ deadline: "asc" }, { createdAt: "asc" }] });
  const counts = newCounts();
  return Promise.all(
    rows.map(async (row) => {
      const startsOn = dateOnly(row.startsOn);
      const deadline = dateOnly(row.deadline);
      const to = today < deadline ? today : deadline;
      const value = to < startsOn ? 0 : await measureValue(row.measure, { from: startsOn, to }, scopeOf(row), counts);
      const scope: MilestoneView["scope"] = row.activityId
        ? { kind: "activity", id: row.activityId, name: row.activity?.title }
        : row.programmeId
          ? { kind: "programme", id: row.programmeId, name: row.programme ? { da: row.programme.name } : null }
          : row.activityTypeId
            ? { kind: "activityType", id: row.activityTypeId, name: row.activityType?.name }
            : row.effortAreaId
              ? { kind: "effortArea", id: row.effortAreaId, name: row.effortArea?.name }
              : { kind: "all", id: null, name: null };
      return {
        id: row.id,
        title: row.title,
        measure: row.measure,
        target: row.target,
        startsOn,
        deadline,
        scope,
        value,
        progress: judgeMilestone({ value, target: row.target, startsOn, deadline, today }),
        notes: row.notes.map((note) => ({ id: note.id, periodStart: dateOnly(note.periodStart), periodEnd: dateOnly(note.periodEnd), text: note.text })),
      };
    }),
  );
}

export type MilestoneInput = {
  title: { da: string; en?: string; ar?: string };
  measure: MilestoneMeasure;
  target: number;
  scope: Scope;
  startsOn: string;
  deadline: string;
};

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export async function saveMilestone(input: MilestoneInput & { id?: string }, actorUserId: string): Promise<string> {
  const data = {
    title: input.title,
    measure: input.measure,
    target: input.target,
    activityId: input.scope.activityId ?? null,
    programmeId: input.scope.programmeId ?? null,
    activityTypeId: input.scope.activityTypeId ?? null,
    effortAreaId: input.scope.effortAreaId ?? null,
    startsOn: asDate(input.startsOn),
    deadline: asDate(input.deadline),
  };
  return db.$transaction(async (tx) => {
    const saved = input.id
      ? await tx.milestone.update({ where: { id: input.id }, data, select: { id: true } })
      : await tx.milestone.create({ data, select: { id: true } });
    await audit(tx, {
      actorUserId,
      action: input.id ? "milestone.update" : "milestone.create",
      entityType: "Milestone",
      entityId: saved.id,
      after: { ...data },
    });
    return saved.id;
  });
}

export async function deleteMilestone(id: string, actorUserId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.milestone.delete({ where: { id } });
    await audit(tx, { actorUserId, action: "milestone.delete", entityType: "Milestone", entityId: id });
  });
}

/** Sets (or, with empty text, removes) staff's status text on a milestone for a period. */
export async function saveMilestoneNote(input: { milestoneId: string; period: Period; text: string }, actorUserId: string): Promise<void> {
  const key = { milestoneId: input.milestoneId, periodStart: asDate(input.period.from), periodEnd: asDate(input.period.to) };
  await db.$transaction(async (tx) => {
    if (input.text.trim() === "") await tx.milestoneNote.deleteMany({ where: key });
    else
      await tx.milestoneNote.upsert({
        where: { milestoneId_periodStart_periodEnd: key },
        create: { ...key, text: input.text.trim(), authorId: actorUserId },
        update: { text: input.text.trim(), authorId: actorUserId },
      });
    await audit(tx, { actorUserId, action: "milestone.note", entityType: "Milestone", entityId: input.milestoneId, after: { period: input.period } });
  });
}
