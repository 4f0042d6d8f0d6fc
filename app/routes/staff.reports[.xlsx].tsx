// The report as an Excel workbook (shared view: small cells suppressed, no
// names): a sheet per table, the filters used and the definitions.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, reportXlsx } from "~/domain/reporting/export.server.ts";
import { loadReport } from "~/domain/reporting/report-data.server.ts";
import { parseReportQuery } from "~/domain/reporting/report-query.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { getLanguage, translator } from "~/lib/i18n.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = await getLanguage(request);
  const report = await loadReport(parseReportQuery(new URL(request.url).searchParams), language);
  const body = await reportXlsx(report, translator(language, "reports"), language);
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${exportFileName(report, "xlsx")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
