// Confirmed hours and pay for one month as an Excel workbook for payroll (staff).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { hoursExportTable, requestedMonth, toXlsx } from "~/domain/jobs/hours-export.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { getLanguage } from "~/lib/i18n.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const month = requestedMonth(new URL(request.url).searchParams.get("month"));
  if (!month) throw new Response("Bad request", { status: 400 });
  const table = await hoursExportTable(month, await getLanguage(request));
  const body = await toXlsx(table, month);
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="timer-${month}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
