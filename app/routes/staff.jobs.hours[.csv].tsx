// Confirmed hours and pay for one month as CSV for payroll (staff).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { EXPORT_COLUMNS, exportTable, hoursForMonth, requestedMonth } from "~/domain/jobs/hours-export.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { toCsv } from "~/lib/csv.ts";
import { getLanguage, translator } from "~/lib/i18n.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const month = requestedMonth(request);
  if (!month) throw new Response("Bad request", { status: 400 });
  const language = await getLanguage(request);
  const t = translator(language, "shifts");
  const { rows } = await hoursForMonth(month, language);
  const table = exportTable(
    rows,
    EXPORT_COLUMNS.map((key) => t(`export.${key}`)),
    (unit) => t(`export.unit${unit}`),
  );
  return new Response(toCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="timer-${month}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
