// JSON endpoint for the attendance page with JavaScript: one mark per
// request, setting (not toggling) present, so retries after a flaky
// connection are safe. Without JavaScript the page's own form is used.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { AttendanceError, markAttendance } from "~/domain/attendance/attendance.server.ts";
import { markSchema } from "~/domain/attendance/schemas.ts";
import { requireSessionAccess } from "~/web/activity-access.server.ts";
import { notFound } from "~/web/http.server.ts";

/** One mark, and "1" in `early` when staff answered "take attendance anyway" for a session on a later day. */
const markRequestSchema = markSchema.extend({
  early: z
    .string()
    .optional()
    .transform((value) => value === "1"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSessionAccess(request, params.sessionId);
  const submission = parseWithZod(await request.formData(), { schema: markRequestSchema });
  if (submission.status !== "success") return Response.json({ ok: false, error: "badInput" }, { status: 400 });
  const { personId, present, early } = submission.value;
  try {
    await markAttendance({ sessionId: params.sessionId!, personId, present, actorUserId: user.id, early });
  } catch (error) {
    if (error instanceof AttendanceError) return Response.json({ ok: false, error: error.code }, { status: 422 });
    throw error;
  }
  return Response.json({ ok: true, present });
}

export async function loader() {
  notFound();
}
