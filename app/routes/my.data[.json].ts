// The household's data as a JSON file (GDPR data portability): the same as
// the "my data" page shows, for the signed-in guardian's own household only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { copenhagenDay } from "~/domain/dates.ts";
import { householdData } from "~/domain/households/personal-data.server.ts";
import { requireUser } from "~/lib/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["PARENT", "YOUTH"]);
  const now = new Date();
  const data = await householdData(user, now);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="aktivitetsportalen-data-${copenhagenDay(now)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
