// A print-friendly roster: one table, no navigation when printed.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pick } from "~/domain/activities/text.ts";
import { requireActivityAccess } from "~/web/activity-access.server.ts";
import { activityRoster } from "~/domain/staff/roster.server.ts";
import { rosterContacts } from "~/domain/attendance/collected.server.ts";
import { RosterContacts } from "~/components/collect-sheet.tsx";
import { formatDateTime } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { printPageHandle } from "~/lib/print.ts";

export const handle = printPageHandle;
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.title.text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireActivityAccess(request, params.activityId);
  const [language, roster] = await Promise.all([getLanguage(request), activityRoster(params.activityId!, { userId: user.id })]);
  // Who may collect, whom to call (issue 19): the children with a place, where the activity asks for it; logged.
  const contacts = await rosterContacts(
    params.activityId!,
    roster.placed.map((row) => row.personId),
    { userId: user.id },
  );
  return {
    contacts: contacts ? Object.fromEntries(contacts) : null,
    title: pick(roster.activity.title, language),
    rows: [...roster.placed.map((row) => ({ ...row, position: null as number | null })), ...roster.waiting],
    printedAt: new Date(),
  };
}

export default function PrintRoster() {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  const { title, rows, printedAt, contacts } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-3 print:text-sm">
      <h1 className="text-2xl font-bold" lang={title.language}>
        {title.text}
      </h1>
      <p className="text-sm">{t("print.printed", { date: formatDateTime(new Date(printedAt), language) })}</p>
      <button type="button" onClick={() => window.print()} className="no-print min-h-11 rounded-lg border-2 border-brand-700 px-4 font-semibold">
        {t("print.print")}
      </button>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("print.tableLabel")}>
        <table className="w-full border-collapse text-start">
          <thead>
            <tr className="border-b-2 border-slate-400">
              {["name", "age", "area", "status", "guardians", "photoConsent", "needs"].map((key) => (
                <th key={key} scope="col" className="p-2 text-start">
                  {t(`csv.${key}`)}
                </th>
              ))}
              {contacts ? (
                <th scope="col" className="p-2 text-start">
                  {t("collect.title")}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.enrolmentId} className="border-b border-slate-200 align-top">
                <td className="p-2">
                  <bdi>{row.name}</bdi>
                </td>
                <td className="p-2">{row.age ?? ""}</td>
                <td className="p-2">{row.area ?? ""}</td>
                <td className="p-2">
                  {row.status === "WAITING" ? t("csv.waiting", { position: row.position }) : row.status === "OFFERED" ? t("csv.offered") : t("csv.placed")}
                </td>
                <td className="p-2">
                  {row.guardians.map((guardian) => (
                    <div key={guardian.name + guardian.phone}>
                      <bdi>{guardian.name}</bdi> <span dir="ltr">{guardian.phone ?? guardian.email ?? ""}</span>
                    </div>
                  ))}
                </td>
                <td className="p-2">{row.photoConsent === null ? "" : row.photoConsent ? t("csv.yes") : t("csv.no")}</td>
                <td className="p-2">
                  <bdi>{row.needs ?? ""}</bdi>
                </td>
                {contacts ? <td className="p-2">{contacts[row.personId] ? <RosterContacts child={contacts[row.personId]!} /> : null}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
