// JSON endpoint for the attendance page with JavaScript: one mark per
// request, setting (not toggling) present, so retries after a flaky
// connection are safe. Without JavaScript the page's own form is used.
import type { ActionFunctionArgs } from "@remix-run/node";
import { AttendanceError, markAttendance } from "~/domain/attendance/attendance.server.ts";
import { markSchema } from "~/domain/attendance/schemas.ts";
import { requireSessionAccess } from "~/web/activity-access.server.ts";
import { notFound } from "~/web/http.server.ts";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSessionAccess(request, params.sessionId);
  const formData = await request.formData();
  const parsed = markSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return Response.json({ ok: false, error: "badInput" }, { status: 400 });
  try {
    await markAttendance({
      sessionId: params.sessionId!,
      personId: parsed.data.personId,
      present: parsed.data.present,
      actorUserId: user.id,
      early: formData.get("early") === "1",
    });
  } catch (error) {
    if (error instanceof AttendanceError) return Response.json({ ok: false, error: error.code }, { status: 422 });
    throw error;
  }
  return Response.json({ ok: true, present: parsed.data.present });
}

export async function loader() {
  notFound();
}
