// The young person's job interview as an .ics file (the same event as the
// e-mail's attachment). Only their own application; anything else: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { myInterviewCalendar } from "~/domain/jobs/interview-calendar.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { getLanguage } from "~/lib/i18n.server.ts";
import { notFound } from "~/web/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ics = await myInterviewCalendar(params.applicationId ?? "", user.personId, await getLanguage(request));
  if (!ics) notFound();
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="samtale.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
