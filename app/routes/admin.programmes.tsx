// Programmes (indsatser) for admins: the list, with how many activities (terms, groups) and milestones use each.
// Staff create programmes in the activity editor; here a name is corrected, two spellings merged, an unused one deleted.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink, DoneMessage } from "~/components/admin/page.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { listProgrammes } from "~/domain/admin/programmes.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:programmes.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  return { programmes: await listProgrammes() };
}

export default function AdminProgrammes() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { programmes } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <BackLink to="/admin">{t("backToAdmin")}</BackLink>
      <h1 className="text-2xl font-bold">{t("programmes.title")}</h1>
      <p>{t("programmes.lead")}</p>
      <DoneMessage />
      <p>
        <ButtonLink to="/admin/programmes/new">{t("programmes.new")}</ButtonLink>
      </p>
      <DataTable
        caption={t("programmes.title")}
        columns={[
          { label: t("programmes.name") },
          { label: t("programmes.activities"), className: "py-2 pe-3 text-end" },
          { label: t("programmes.milestones"), className: "py-2 text-end" },
        ]}
        items={programmes}
        empty={t("programmes.none")}
        row={(programme) => (
          <>
            <th scope="row" className="py-2 pe-3 text-start font-normal">
              <Link to={`/admin/programmes/${programme.id}`} className="inline-flex min-h-11 items-center font-semibold">
                <bdi>{programme.name}</bdi>
              </Link>
            </th>
            <td className="py-2 pe-3 text-end">{formatNumber(programme.activities, language)}</td>
            <td className="py-2 text-end">{formatNumber(programme.milestones, language)}</td>
          </>
        )}
      />
    </div>
  );
}
