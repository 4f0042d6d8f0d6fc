// Who may run which activity: staff and admins run all of them, partners
// (volunteers, club trainers) only those they are attached to. The route side
// asks through requireActivityAccess (app/web/activity-access.server.ts).
import { db } from "~/lib/db.server.ts";
import { isId } from "~/lib/ids.ts";
import { isStaff } from "~/lib/roles.ts";
import type { SessionUser } from "~/lib/session.server.ts";

/** Activity ids a partner is attached to; null means all (staff). */
export async function accessibleActivityIds(user: Pick<SessionUser, "id" | "role">): Promise<string[] | null> {
  if (isStaff(user)) return null;
  const rows = await db.activityPartner.findMany({ where: { userId: user.id }, select: { activityId: true } });
  return rows.map((row) => row.activityId);
}

/** The activity a session belongs to, or null when there is no such session. */
export async function activityOfSession(sessionId: string): Promise<string | null> {
  if (!isId(sessionId)) return null;
  const session = await db.activitySession.findUnique({ where: { id: sessionId }, select: { activityId: true } });
  return session?.activityId ?? null;
}

/** Whether the user runs this activity: staff any, partners those they are attached to, nobody else. */
export async function mayRunActivity(user: Pick<SessionUser, "id" | "role">, activityId: string): Promise<boolean> {
  if (!isId(activityId)) return false;
  if (isStaff(user)) return true;
  if (user.role !== "PARTNER") return false;
  return (await db.activityPartner.count({ where: { userId: user.id, activityId } })) > 0;
}
