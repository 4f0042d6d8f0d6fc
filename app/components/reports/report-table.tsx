// One table of the report, as every view shows it: a caption, a row heading
// per line, numbers aligned at the end, and "<5" / ".." for suppressed
// cells. Scrolls sideways on a phone (the region can be reached by keyboard).
import { useTranslation } from "react-i18next";
import { cellText, labelText } from "~/domain/reporting/report-labels.ts";
import type { Table } from "~/domain/reporting/report-tables.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";

export function ReportTable({ table, min, headingLevel = 3 }: { table: Table; min: number; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const titleId = `table-${table.id}-title`;
  const suppressed = table.rows.some((row) => row.cells.some((cell) => cell.kind !== "value"));
  return (
    <section aria-labelledby={titleId} className="space-y-2 break-inside-avoid">
      <Heading id={titleId} className={headingLevel === 2 ? "text-xl font-bold" : "text-lg font-bold"}>
        {t(`table.${table.id}.title`)}
      </Heading>
      {table.id === "headCounts" || table.id === "activities" || table.id === "types" || table.id === "programmes" || table.id === "months" ? (
        <p className="text-sm text-slate-700">{t(`table.${table.id}.note`)}</p>
      ) : null}
      {table.rows.length === 0 ? (
        <p>{t("table.empty")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={titleId} id={`table-${table.id}`}>
          <table className="w-full border-collapse text-start">
            <thead>
              <tr className="border-b-2 border-slate-500">
                <th scope="col" className="p-2 text-start">
                  {t(`table.${table.id}.rowHeading`)}
                </th>
                {table.columns.map((column) => (
                  <th key={column} scope="col" className="p-2 text-end align-bottom">
                    {t(`measure.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index} className={row.total ? "border-t-2 border-slate-500 font-bold" : "border-b border-slate-200"}>
                  <th scope="row" className="p-2 text-start font-semibold">
                    {labelText(row.label, t, language)}
                  </th>
                  {row.cells.map((cell, column) => (
                    <td key={column} className="p-2 text-end tabular-nums">
                      <span dir="ltr">{cellText(cell, language, min)}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {suppressed ? <p className="text-sm text-slate-700">{t("suppressedNote", { min })}</p> : null}
    </section>
  );
}
