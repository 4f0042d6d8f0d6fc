// Accounts for admins: search by name, e-mail or phone, filter by role, 50
// a page; each opens its own page for role, organisation and disabling.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
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

const control = "block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 text-lg focus:border-brand-700";

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
      <p>
        <Link to="/admin" className="inline-flex min-h-11 items-center">
          {t("backToAdmin")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("users.title")}</h1>
      {done === "created" ? <Notice>{t("users.created")}</Notice> : null}
      <p>
        <ButtonLink to="/admin/users/new">{t("users.new")}</ButtonLink>
      </p>
      <Form
        method="get"
        role="search"
        aria-labelledby="user-search-heading"
        key={`${filters.q ?? ""}|${filters.role ?? ""}`}
        className="space-y-3 rounded-xl border-2 border-brand-100 bg-brand-50 p-4"
      >
        <h2 id="user-search-heading" className="text-lg font-bold">
          {t("users.searchHeading")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor="user-q" className="block font-semibold">
              {t("users.search")}
            </label>
            <input id="user-q" type="search" name="q" defaultValue={filters.q ?? ""} autoComplete="off" enterKeyHint="search" className={control} />
          </div>
          <div className="space-y-1">
            <label htmlFor="user-role" className="block font-semibold">
              {t("users.role")}
            </label>
            <select id="user-role" name="role" defaultValue={filters.role ?? ""} className={control}>
              <option value="">{t("users.anyRole")}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`common:role.${role}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit">{t("users.searchButton")}</Button>
          {filters.q || filters.role ? (
            <Link to="/admin/users" className="inline-flex min-h-11 items-center">
              {t("users.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      <section aria-labelledby="user-results" className="space-y-3">
        <h2 id="user-results" className="text-xl font-bold">
          {t("users.found", { number: formatNumber(total, language) })}
        </h2>
        {users.length ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-start">
              <caption className="sr-only">{t("users.caption")}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="py-2 pe-3 text-start">
                    {t("users.name")}
                  </th>
                  <th scope="col" className="py-2 pe-3 text-start">
                    {t("users.role")}
                  </th>
                  <th scope="col" className="py-2 text-start">
                    {t("users.status")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} className="border-b border-slate-200 align-top">
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
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("users.none")}</p>
        )}
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
