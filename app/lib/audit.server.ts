// The audit log: who changed what and when, written in the same
// transaction as the change. Only the fields that changed are kept.
import type { Prisma } from "~/generated/prisma/client.ts";
import type { DbTx } from "./db.server.ts";

/** What the log can be about (the admin page's filter lists these). */
export const AUDIT_ENTITY_TYPES = [
  "Enrolment",
  "Attendance",
  "Household",
  "Person",
  "PersonNeeds",
  "Activity",
  "ActivitySession",
  "HeadCount",
  "User",
  "ActivityType",
  "HousingArea",
  "JobPosting",
  "JobApplication",
  "Employment",
  "JobShift",
  "ShiftAssignment",
  "ShiftSwapRequest",
  "SchoolHoliday",
  "Milestone",
] as const;

export type AuditEntry = {
  actorUserId: string | null;
  action: string;
  entityType: (typeof AUDIT_ENTITY_TYPES)[number];
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Keeps only keys whose values differ (compared as JSON). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}

export async function audit(tx: DbTx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
