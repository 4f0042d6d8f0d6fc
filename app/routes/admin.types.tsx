// Activity types for admins: the list, with how many activities use each.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons.tsx";
import { listActivityTypes } from "~/domain/admin/types.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { BackLink, DoneMessage } from "~/components/admin/page.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:types.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  return { types: await listActivityTypes() };
}

export default function AdminTypes() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { types } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <BackLink to="/admin">{t("backToAdmin")}</BackLink>
      <h1 className="text-2xl font-bold">{t("types.title")}</h1>
      <p>{t("types.lead")}</p>
      <DoneMessage />
      <p>
        <ButtonLink to="/admin/types/new">{t("types.new")}</ButtonLink>
      </p>
      <DataTable
        caption={t("types.title")}
        columns={[
          { label: t("types.name") },
          { label: t("types.dropInColumn") },
          { label: t("types.activities"), className: "py-2 pe-3 text-end" },
          { label: t("sortOrder"), className: "hidden py-2 text-end sm:table-cell" },
        ]}
        items={types}
        empty={t("types.none")}
        row={(type) => (
          <>
            <th scope="row" className="py-2 pe-3 text-start font-normal">
              <span className="flex items-start gap-2">
                <Icon name={type.icon} className="mt-2 size-6 shrink-0 text-brand-700" />
                <span>
                  <Link to={`/admin/types/${type.id}`} className="inline-flex min-h-11 items-center font-semibold" lang="da">
                    {type.name.da}
                  </Link>
                  <span className="block text-sm text-slate-700" dir="ltr">
                    {type.code}
                  </span>
                  {type.name.en ? (
                    <span className="block text-sm" lang="en" dir="ltr">
                      {type.name.en}
                    </span>
                  ) : null}
                  {type.name.ar ? (
                    <span className="block text-sm" lang="ar" dir="rtl">
                      {type.name.ar}
                    </span>
                  ) : null}
                </span>
              </span>
            </th>
            <td className="py-2 pe-3">{type.dropIn ? t("yes") : t("no")}</td>
            <td className="py-2 pe-3 text-end">{formatNumber(type.activities, language)}</td>
            <td className="hidden py-2 text-end sm:table-cell">{formatNumber(type.sortOrder, language)}</td>
          </>
        )}
      />
    </div>
  );
}
