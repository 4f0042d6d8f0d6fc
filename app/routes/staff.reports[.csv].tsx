// The report as CSV (shared view: small cells suppressed, no names), for staff.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, reportCsv } from "~/domain/reporting/export.server.ts";
import { loadReport } from "~/domain/reporting/report-data.server.ts";
import { parseReportQuery } from "~/domain/reporting/report-query.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { getLanguage, translator } from "~/lib/i18n.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = await getLanguage(request);
  const report = await loadReport(parseReportQuery(new URL(request.url).searchParams), language);
  return new Response(reportCsv(report, translator(language, "reports"), language), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(report, "csv")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
