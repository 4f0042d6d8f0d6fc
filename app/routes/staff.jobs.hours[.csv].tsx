// Confirmed hours and pay for one month as CSV for payroll (staff).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { hoursExportTable, requestedMonth } from "~/domain/jobs/hours-export.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { toCsv } from "~/lib/csv.ts";
import { getLanguage } from "~/lib/i18n.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const month = requestedMonth(new URL(request.url).searchParams.get("month"));
  if (!month) throw new Response("Bad request", { status: 400 });
  const table = await hoursExportTable(month, await getLanguage(request));
  return new Response(toCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="timer-${month}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
