// Activity types for admins: the list, with how many activities use each.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons.tsx";
import { listActivityTypes } from "~/domain/admin/types.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { Notice } from "~/components/ui/alert.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:types.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  return { types: await listActivityTypes() };
}

function DoneMessage() {
  const { t } = useTranslation("admin");
  const [params] = useSearchParams();
  const done = params.get("done");
  const text = done === "created" ? t("createdMessage") : done === "updated" ? t("saved") : done === "deleted" ? t("deletedMessage") : null;
  return text ? <Notice>{text}</Notice> : null;
}

export default function AdminTypes() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { types } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p>
        <Link to="/admin" className="inline-flex min-h-11 items-center">
          {t("backToAdmin")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("types.title")}</h1>
      <p>{t("types.lead")}</p>
      <DoneMessage />
      <p>
        <ButtonLink to="/admin/types/new">{t("types.new")}</ButtonLink>
      </p>
      {types.length ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse">
            <caption className="sr-only">{t("types.title")}</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("types.name")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("types.dropInColumn")}
                </th>
                <th scope="col" className="py-2 pe-3 text-end">
                  {t("types.activities")}
                </th>
                <th scope="col" className="hidden py-2 text-end sm:table-cell">
                  {t("sortOrder")}
                </th>
              </tr>
            </thead>
            <tbody>
              {types.map((type) => (
                <tr key={type.id} className="border-b border-slate-200 align-top">
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("types.none")}</p>
      )}
    </div>
  );
}
