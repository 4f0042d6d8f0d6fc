// The audit log as admins read it: newest first, filtered by entity type,
// action and Copenhagen calendar days, 50 a page by keyset (so a page deep
// in a long log costs the same as the first). Also the one place the admin
// pages write their own events through, with the entity types they add.
import type { Prisma } from "~/generated/prisma/client.ts";
import { dayProblem, localParts } from "~/domain/dates.ts";
import { audit, AUDIT_ENTITY_TYPES, type AuditEntry } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { isId } from "~/lib/ids.ts";

export const AUDIT_PAGE_SIZE = 50;

/** Entity types written by the admin pages. */
export const ADMIN_ENTITY_TYPES = ["User", "ActivityType", "HousingArea"] as const;
export type AdminEntityType = (typeof ADMIN_ENTITY_TYPES)[number];

export { AUDIT_ENTITY_TYPES };

/** Writes an admin page's event, in the caller's transaction. */
export async function auditAdmin(tx: DbTx, entry: Omit<AuditEntry, "entityType"> & { entityType: AdminEntityType }): Promise<void> {
  await audit(tx, entry);
}

export type AuditFilters = { entityType?: string; action?: string; from?: string; to?: string };
export type AuditCursor = { direction: "older" | "newer"; at: Date; id: string };

/** The log's filter days: dates of the plan period (dates.ts); another value is ignored. */
const isDay = (value: string | null): value is string => value !== null && dayProblem(value, "plan") === null;

/** Filters and cursor from the page's query string; anything malformed is ignored, never an error. */
export function parseAuditQuery(params: URLSearchParams): { filters: AuditFilters; cursor: AuditCursor | null } {
  const filters: AuditFilters = {};
  const entityType = params.get("entityType")?.trim();
  if (entityType && /^[A-Za-z]{1,40}$/.test(entityType)) filters.entityType = entityType;
  const action = params.get("action")?.trim();
  if (action && /^[\w.-]{1,80}$/.test(action)) filters.action = action;
  const from = params.get("from");
  const to = params.get("to");
  if (isDay(from)) filters.from = from;
  if (isDay(to)) filters.to = to;
  let cursor: AuditCursor | null = null;
  for (const direction of ["older", "newer"] as const) {
    const match = /^(\d{1,15})_(.+)$/.exec(params.get(direction) ?? "");
    if (match && isId(match[2])) cursor = { direction, at: new Date(Number(match[1])), id: match[2]! };
  }
  return { filters, cursor };
}

export const cursorOf = (event: { at: Date | string; id: string }) => `${new Date(event.at).getTime()}_${event.id}`;

/** The instant a Copenhagen calendar day begins (UTC+1 or UTC+2; midnight always exists there). */
export function startOfCopenhagenDay(day: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  for (const hours of [1, 2]) {
    const instant = new Date(midnightUtc - hours * 3_600_000);
    const parts = localParts(instant);
    if (parts.day === day && parts.time === "00:00") return instant;
  }
  return new Date(midnightUtc - 3_600_000);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function whereOf(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = startOfCopenhagenDay(filters.from);
  if (filters.to) at.lt = startOfCopenhagenDay(nextDay(filters.to));
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
