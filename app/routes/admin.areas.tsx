// Housing areas for admins: the list, with the period each belongs to the
// plan and how many residents and activities refer to it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listHousingAreas } from "~/domain/admin/areas.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDay, formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { BackLink, DoneMessage } from "~/components/admin/page.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:areas.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  return { areas: await listHousingAreas() };
}

export default function AdminAreas() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { areas } = useLoaderData<typeof loader>();
  const period = (from: string | null, to: string | null) => {
    if (from && to) return t("areas.period", { from: formatDay(from, language), to: formatDay(to, language) });
    if (from) return t("areas.periodFrom", { from: formatDay(from, language) });
    if (to) return t("areas.periodTo", { to: formatDay(to, language) });
    return t("areas.periodOpen");
  };
  return (
    <div className="space-y-4">
      <BackLink to="/admin">{t("backToAdmin")}</BackLink>
      <h1 className="text-2xl font-bold">{t("areas.title")}</h1>
      <p>{t("areas.lead")}</p>
      <DoneMessage />
      <p>
        <ButtonLink to="/admin/areas/new">{t("areas.new")}</ButtonLink>
      </p>
      <DataTable
        caption={t("areas.title")}
        columns={[
          { label: t("areas.name") },
          { label: t("areas.planPeriod") },
          { label: t("areas.people"), className: "hidden py-2 pe-3 text-end sm:table-cell" },
          { label: t("sortOrder"), className: "hidden py-2 text-end sm:table-cell" },
        ]}
        items={areas}
        empty={t("areas.none")}
        row={(area) => (
          <>
            <th scope="row" className="py-2 pe-3 text-start font-normal">
              <Link to={`/admin/areas/${area.id}`} className="inline-flex min-h-11 items-center font-semibold" lang="da">
                {area.name}
              </Link>
              <span className="block text-sm text-slate-700" dir="ltr">
                {area.code}
              </span>
            </th>
            <td className="py-2 pe-3">
              {area.isPlanArea ? t("yes") : <strong>{t("areas.notPlanArea")}</strong>}
              <span className="block text-sm text-slate-700">{period(area.activeFrom, area.activeTo)}</span>
            </td>
            <td className="hidden py-2 pe-3 text-end sm:table-cell">{formatNumber(area.people, language)}</td>
            <td className="hidden py-2 text-end sm:table-cell">{formatNumber(area.sortOrder, language)}</td>
          </>
        )}
      />
    </div>
  );
}
