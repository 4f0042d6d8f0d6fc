// Confirmed hours and pocket money per young person and job for one month,
// for payroll (staff), with CSV and xlsx downloads of the same rows.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { hoursForMonth, requestedMonth } from "~/domain/jobs/hours-export.server.ts";
import { durationText } from "~/domain/jobs/work-time-text.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatKroner, formatMonth, formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "shifts:hours.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = await getLanguage(request);
  const month = requestedMonth(new URL(request.url).searchParams.get("month"));
  if (!month) return { month: new URL(request.url).searchParams.get("month") ?? "", invalid: true, rows: [], waiting: 0 };
  return { month, invalid: false, ...(await hoursForMonth(month, language)) };
}

export default function Hours() {
  const { t } = useTranslation("shifts");
  const language = useLanguage();
  const { month, invalid, rows, waiting } = useLoaderData<typeof loader>();
  const totalOre = rows.reduce((sum, row) => sum + row.payOre, 0);
  const totalMinutes = rows.reduce((sum, row) => sum + row.minutes, 0);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p>
        <Link to="/staff/jobs/shifts" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          {t("overview.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("hours.title")}</h1>
      <p>{t("hours.intro")}</p>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <Field id="month" name="month" type="month" label={t("hours.month")} defaultValue={month} errors={invalid ? [t("errors.monthInvalid")] : undefined} />
        <Button type="submit" className="mb-7">
          {t("hours.show")}
        </Button>
      </Form>
      {invalid ? null : (
        <>
          {waiting > 0 ? <p className="font-semibold">{t("hours.waiting", { number: formatNumber(waiting, language) })}</p> : null}
          <p className="flex flex-wrap gap-3">
            <a href={`/staff/jobs/hours.csv?month=${month}`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline" download>
              {t("hours.csv")}
            </a>
            <a href={`/staff/jobs/hours.xlsx?month=${month}`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline" download>
              {t("hours.xlsx")}
            </a>
          </p>
          {rows.length === 0 ? (
            <p>{t("hours.none")}</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("hours.caption", { month: formatMonth(month, language) })}>
              <table className="w-full text-start">
                <caption className="sr-only">{t("hours.caption", { month: formatMonth(month, language) })}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="p-2 text-start">
                      {t("hours.name")}
                    </th>
                    <th scope="col" className="p-2 text-start">
                      {t("hours.job")}
                    </th>
                    <th scope="col" className="p-2 text-end">
                      {t("hours.shifts")}
                    </th>
                    <th scope="col" className="p-2 text-end">
                      {t("hours.hours")}
                    </th>
                    <th scope="col" className="p-2 text-end">
                      {t("hours.pay")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.name}|${row.job}`} className="border-b border-slate-200">
                      <th scope="row" className="p-2 text-start font-semibold">
                        {row.name}
                      </th>
                      <td className="p-2">{row.job}</td>
                      <td className="p-2 text-end">{formatNumber(row.shifts, language)}</td>
                      <td className="p-2 text-end">{durationText(t, row.minutes, language)}</td>
                      <td className="p-2 text-end">{formatKroner(row.payOre, language)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3} className="p-2 text-start">
                      {t("hours.total")}
                    </th>
                    <td className="p-2 text-end font-semibold">{durationText(t, totalMinutes, language)}</td>
                    <td className="p-2 text-end font-semibold">{formatKroner(totalOre, language)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
