// A household's private calendar feed; the secret in the URL is the only key.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { householdCalendar } from "~/domain/enrolment/calendar.server.ts";
import { notFound } from "~/web/http.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const ics = /^[a-z2-7]{32}$/.test(params.token ?? "") ? await householdCalendar(params.token!) : null;
  if (!ics) notFound();
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=900" } });
}
