// The audit log as admins read it: newest first, filtered by entity type,
// action and Copenhagen calendar days, 50 a page by keyset (so a page deep
// in a long log costs the same as the first). Also the one place the admin
// pages write their own events through, with the entity types they add.
import type { Prisma } from "~/generated/prisma/client.ts";
import { addDaysToDay, copenhagenMidnight, dayProblem } from "~/domain/dates.ts";
import { audit, AUDIT_ENTITY_TYPES, type AuditEntry } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { isId } from "~/lib/ids.ts";

export const AUDIT_PAGE_SIZE = 50;

/** Entity types written by the admin pages. */
export const ADMIN_ENTITY_TYPES = ["User", "ActivityType", "HousingArea", "Programme"] as const;
export type AdminEntityType = (typeof ADMIN_ENTITY_TYPES)[number];

export { AUDIT_ENTITY_TYPES };

/** Writes an admin page's event, in the caller's transaction. */
export async function auditAdmin(tx: DbTx, entry: Omit<AuditEntry, "entityType"> & { entityType: AdminEntityType }): Promise<void> {
  await audit(tx, entry);
}

export type AuditFilters = { entityType?: string; action?: string; from?: string; to?: string };
export type AuditCursor = { direction: "older" | "newer"; at: Date; id: string };

/** Why a typed filter day is not used: a translation key the page shows beside the field. */
export type AuditDayProblems = { from?: string; to?: string };
const DAY_MESSAGES = { invalid: "common:dates.invalid", outOfRange: "common:dates.range.plan" } as const;

/**
 * Filters and cursor from the page's query string. A malformed entity, action or cursor is ignored; a day that is no
 * day, lies outside the plan period's range (dates.ts) or ends before the first is not used and comes back as a
 * problem the page shows, with what was typed — never an error page, never a silently different list.
 */
export function parseAuditQuery(params: URLSearchParams): {
  filters: AuditFilters;
  cursor: AuditCursor | null;
  typed: { from?: string; to?: string };
  problems: AuditDayProblems;
} {
  const filters: AuditFilters = {};
  const entityType = params.get("entityType")?.trim();
  if (entityType && /^[A-Za-z]{1,40}$/.test(entityType)) filters.entityType = entityType;
  const action = params.get("action")?.trim();
  if (action && /^[\w.-]{1,80}$/.test(action)) filters.action = action;
  const typed: { from?: string; to?: string } = {};
  const problems: AuditDayProblems = {};
  for (const field of ["from", "to"] as const) {
    const value = params.get(field)?.trim().slice(0, 20);
    if (!value) continue;
    typed[field] = value;
    const problem = dayProblem(value, "plan");
    if (problem) problems[field] = DAY_MESSAGES[problem];
    else filters[field] = value;
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    problems.to = "audit.toBeforeFrom";
    delete filters.to;
  }
  let cursor: AuditCursor | null = null;
  for (const direction of ["older", "newer"] as const) {
    const match = /^(\d{1,15})_(.+)$/.exec(params.get(direction) ?? "");
    if (match && isId(match[2])) cursor = { direction, at: new Date(Number(match[1])), id: match[2]! };
  }
  return { filters, cursor, typed, problems };
}

export const cursorOf = (event: { at: Date | string; id: string }) => `${new Date(event.at).getTime()}_${event.id}`;

function whereOf(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = copenhagenMidnight(filters.from);
  if (filters.to) at.lt = copenhagenMidnight(addDaysToDay(filters.to, 1));
  return {
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to ? { at } : {}),
  };
}

const olderThan = (cursor: { at: Date; id: string }): Prisma.AuditEventWhereInput => ({
  OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }],
});
const newerThan = (cursor: { at: Date; id: string }): Prisma.AuditEventWhereInput => ({
  OR: [{ at: { gt: cursor.at } }, { at: cursor.at, id: { gt: cursor.id } }],
});

export type AuditValue = Prisma.JsonValue;
export type AuditEventView = {
  id: string;
  at: Date;
  /** Null: the portal itself (a background job); "" for an account without a name. */
  actorName: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: [string, AuditValue][] | null;
  after: [string, AuditValue][] | null;
};

function entries(value: Prisma.JsonValue | null): [string, AuditValue][] | null {
  if (value === null || typeof value !== "object") return value === null ? null : [["value", value]];
  if (Array.isArray(value)) return [["value", value]];
  return Object.entries(value).map(([key, item]) => [key, item ?? null]);
}

/**
 * One page of the log, newest first. `cursor` continues from an event of
 * the previous page in either direction; `older`/`newer` are the cursors of
 * the neighbouring pages, null at either end.
 */
export async function listAuditEvents(filters: AuditFilters, cursor: AuditCursor | null) {
  const where = whereOf(filters);
  const newer = cursor?.direction === "newer";
  const rows = await db.auditEvent.findMany({
    where: cursor ? { AND: [where, newer ? newerThan(cursor) : olderThan(cursor)] } : where,
    orderBy: newer ? [{ at: "asc" }, { id: "asc" }] : [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (newer) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const exists = async (condition: Prisma.AuditEventWhereInput) =>
    Boolean(await db.auditEvent.findFirst({ where: { AND: [where, condition] }, select: { id: true } }));
  const [hasNewer, hasOlder] = await Promise.all([
    newer ? more : cursor && first ? exists(newerThan(first)) : false,
    newer ? (last ? exists(olderThan(last)) : false) : more,
  ]);

  const actorIds = [...new Set(page.map((row) => row.actorUserId).filter((id): id is string => Boolean(id)))];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, person: { select: { firstName: true, lastName: true } } } })
    : [];
  const names = new Map(actors.map((actor) => [actor.id, `${actor.person.firstName} ${actor.person.lastName}`.trim()]));

  const events: AuditEventView[] = page.map((row) => ({
    id: row.id,
    at: row.at,
    actorUserId: row.actorUserId,
    // An actor whose account is gone keeps an empty name rather than vanishing into "the portal".
    actorName: row.actorUserId ? (names.get(row.actorUserId) ?? "") : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: entries(row.before),
    after: entries(row.after),
  }));
  return {
    events,
    newer: hasNewer && first ? cursorOf(first) : null,
    older: hasOlder && last ? cursorOf(last) : null,
  };
}

/** Actions found in the log, for the filter: one grouped scan, cheap at this programme's volume. */
export async function auditActions(): Promise<string[]> {
  const rows = await db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}
