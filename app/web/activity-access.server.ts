// The route side of "who may run which activity" (the rule itself:
// app/domain/staff/access.server.ts). Every staff loader and action for an
// activity starts here.
import { activityOfSession, mayRunActivity } from "~/domain/staff/access.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import type { SessionUser } from "~/lib/session.server.ts";
import { notFound } from "./http.server.ts";

/**
 * The signed-in staff member or attached partner; anyone else gets 404 —
 * not 403 — so another partner cannot even learn the activity exists.
 */
export async function requireActivityAccess(request: Request, activityId: string | undefined): Promise<SessionUser> {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  if (!activityId || !(await mayRunActivity(user, activityId))) notFound();
  return user;
}

/** The same for one session (a date) of an activity: the session's activity decides. */
export async function requireSessionAccess(request: Request, sessionId: string | undefined): Promise<SessionUser> {
  return requireActivityAccess(request, sessionId ? ((await activityOfSession(sessionId)) ?? undefined) : undefined);
}
