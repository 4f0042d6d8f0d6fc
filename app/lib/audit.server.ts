// The audit log: who changed what and when, written in the same
// transaction as the change. Only the fields that changed are kept.
import type { DbTx } from "./db.server.ts";

/** What the log can be about (the admin page's filter lists these). */
export const AUDIT_ENTITY_TYPES = [
  "Enrolment",
  "Attendance",
  "Household",
  "Person",
  "PersonNeeds",
  "ChildContact",
  "Activity",
  "Programme",
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
  "ImportBatch",
  "AbsenceNotice",
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
  // A plain INSERT: written by every change, and Prisma 6 compiles each ORM call anew (ADR 011).
  const json = (value: Record<string, unknown> | null | undefined) => (value == null ? null : JSON.stringify(value));
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("actorUserId", "action", "entityType", "entityId", "before", "after")
    VALUES (${entry.actorUserId}::uuid, ${entry.action}, ${entry.entityType}, ${entry.entityId}, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb)`;
}
