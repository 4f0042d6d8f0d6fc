// The route side of "which families a partner may open" (the rule:
// mayOpenHousehold in app/domain/households/assisted.server.ts, ADR 012).
import { mayOpenHousehold } from "~/domain/households/assisted.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { notFound } from "./http.server.ts";

/** The staff member or partner, if they may open this household (with the `?pass=` of a phone search); anyone else gets the same 404 as for no household. */
export async function requireHouseholdAccess(request: Request, householdId: string | undefined) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  const pass = new URL(request.url).searchParams.get("pass");
  if (!householdId || !(await mayOpenHousehold(user, householdId, pass))) notFound();
  return { user, pass };
}
