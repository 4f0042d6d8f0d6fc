// One sign-up's sessions as an .ics file, for the household that owns it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { signUpCalendar } from "~/domain/enrolment/calendar.server.ts";
import { householdOf } from "~/domain/households/household.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { getLanguage } from "~/lib/i18n.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const household = await householdOf(user);
  const id = params.signUpId ?? "";
  const ics = household && /^[0-9a-f-]{36}$/.test(id) ? await signUpCalendar(id, household.id, await getLanguage(request)) : null;
  if (!ics) throw new Response("Not found", { status: 404 });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="aktivitet-${id.slice(0, 8)}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
