// Accounts for admins: search by name, e-mail or phone, filter by role, 50
// a page; each opens its own page for role, organisation and disabling.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/admin/page.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { filterControl, FilterField, SearchPanel } from "~/components/admin/search-panel.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { ROLES } from "~/domain/admin/schemas.ts";
import { listUsers, parseUserQuery } from "~/domain/admin/users.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { Notice } from "~/components/ui/alert.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:users.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  const filters = parseUserQuery(new URL(request.url).searchParams);
  const result = await listUsers(filters);
  return { filters, ...result };
}

export default function AdminUsers() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { filters, users, total, pages } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const pageLink = (page: number) => {
    const next = new URLSearchParams();
    if (filters.q) next.set("q", filters.q);
    if (filters.role) next.set("role", filters.role);
    if (page > 1) next.set("page", String(page));
    const query = next.toString();
    return `/admin/users${query ? `?${query}` : ""}`;
  };
  return (
    <div className="space-y-4">
      <BackLink to="/admin">{t("backToAdmin")}</BackLink>
      <h1 className="text-2xl font-bold">{t("users.title")}</h1>
      {done === "created" ? <Notice>{t("users.created")}</Notice> : null}
      <p>
        <ButtonLink to="/admin/users/new">{t("users.new")}</ButtonLink>
      </p>
      <SearchPanel
        id="user-search-heading"
        heading={t("users.searchHeading")}
        formKey={`${filters.q ?? ""}|${filters.role ?? ""}`}
        gridClassName="grid gap-3 sm:grid-cols-3"
        submitLabel={t("users.searchButton")}
        clear={filters.q || filters.role ? { to: "/admin/users", label: t("users.clear") } : null}
      >
        <FilterField id="user-q" label={t("users.search")} className="sm:col-span-2">
          <input id="user-q" type="search" name="q" defaultValue={filters.q ?? ""} autoComplete="off" enterKeyHint="search" className={filterControl} />
        </FilterField>
        <FilterField id="user-role" label={t("users.role")}>
          <select id="user-role" name="role" defaultValue={filters.role ?? ""} className={filterControl}>
            <option value="">{t("users.anyRole")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`common:role.${role}`)}
              </option>
            ))}
          </select>
        </FilterField>
      </SearchPanel>
      <section aria-labelledby="user-results" className="space-y-3">
        <h2 id="user-results" className="text-xl font-bold">
          {t("users.found", { number: formatNumber(total, language) })}
        </h2>
        <DataTable
          caption={t("users.caption")}
          className="w-full border-collapse text-start"
          columns={[{ label: t("users.name") }, { label: t("users.role") }, { label: t("users.status"), className: "py-2 text-start" }]}
          items={users}
          empty={t("users.none")}
          row={(user) => (
            <>
              <th scope="row" className="py-2 pe-3 text-start font-normal">
                <Link to={`/admin/users/${user.id}`} className="inline-flex min-h-11 items-center font-semibold wrap-anywhere">
                  {user.name || t("users.noName")}
                </Link>
                {user.email ? (
                  <span className="block text-sm wrap-anywhere" dir="ltr">
                    {user.email}
                  </span>
                ) : null}
                {user.phone ? (
                  <span className="block text-sm" dir="ltr">
                    {user.phone}
                  </span>
                ) : null}
              </th>
              <td className="py-2 pe-3">
                {t(`common:role.${user.role}`)}
                {user.organisation ? <span className="block text-sm text-slate-700">{user.organisation}</span> : null}
              </td>
              <td className="py-2">
                {user.disabled ? <strong className="text-red-800">{t("users.disabled")}</strong> : t("users.active")}
                <span className="block text-sm text-slate-700">
                  {user.lastSignInAt ? t("users.lastSignIn", { date: formatDateTime(new Date(user.lastSignInAt), language) }) : t("users.neverSignedIn")}
                </span>
              </td>
            </>
          )}
        />
        {pages > 1 ? (
          <nav aria-label={t("pager.label")} className="flex flex-wrap items-center justify-between gap-3">
            {filters.page > 1 ? (
              <Link to={pageLink(filters.page - 1)} className="inline-flex min-h-11 items-center" rel="prev">
                {t("pager.previous")}
              </Link>
            ) : (
              <span />
            )}
            <span>{t("pager.page", { page: formatNumber(filters.page, language), pages: formatNumber(pages, language) })}</span>
            {filters.page < pages ? (
              <Link to={pageLink(filters.page + 1)} className="inline-flex min-h-11 items-center" rel="next">
                {t("pager.next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
