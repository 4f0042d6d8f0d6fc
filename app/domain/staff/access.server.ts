// Who may run which activity: staff and admins run all of them, partners
// (volunteers, club trainers) only those they are attached to. Every staff
// loader and action for an activity goes through requireActivityAccess.
import { requireUser } from "~/lib/auth.server.ts";
import { db } from "~/lib/db.server.ts";
import type { SessionUser } from "~/lib/session.server.ts";

export function isStaff(user: Pick<SessionUser, "role">): boolean {
  return user.role === "STAFF" || user.role === "ADMIN";
}

/** Activity ids a partner is attached to; null means all (staff). */
export async function accessibleActivityIds(user: SessionUser): Promise<string[] | null> {
  if (isStaff(user)) return null;
  const rows = await db.activityPartner.findMany({ where: { userId: user.id }, select: { activityId: true } });
  return rows.map((row) => row.activityId);
}

export async function mayRunActivity(user: SessionUser, activityId: string): Promise<boolean> {
  if (isStaff(user)) return true;
  if (user.role !== "PARTNER") return false;
  return (await db.activityPartner.count({ where: { userId: user.id, activityId } })) > 0;
}

/**
 * The signed-in staff member or attached partner; anyone else gets 404 —
 * not 403 — so another partner cannot even learn the activity exists.
 */
export async function requireActivityAccess(request: Request, activityId: string | undefined): Promise<SessionUser> {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  if (!activityId || !/^[0-9a-f-]{36}$/.test(activityId) || !(await mayRunActivity(user, activityId))) {
    throw new Response("Not found", { status: 404 });
  }
  return user;
}
