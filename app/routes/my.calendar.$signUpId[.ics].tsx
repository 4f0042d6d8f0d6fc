// One sign-up's sessions as an .ics file, for the household that owns it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { signUpCalendar } from "~/domain/enrolment/calendar.server.ts";
import { householdOf } from "~/domain/households/household.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { getLanguage } from "~/lib/i18n.server.ts";
import { notFound } from "~/web/http.server.ts";
import { isId } from "~/lib/ids.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const household = await householdOf(user);
  const id = params.signUpId ?? "";
  const ics = household && isId(id) ? await signUpCalendar(id, household.id, await getLanguage(request)) : null;
  if (!ics) notFound();
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="aktivitet-${id.slice(0, 8)}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
