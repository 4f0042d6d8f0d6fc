// The administration's start page: the sections an admin manages.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons.tsx";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  return null;
}

export default function AdminHome() {
  const { t } = useTranslation("admin");
  const sections = [
    { to: "/admin/users", icon: "family", title: t("users.title"), text: t("home.users") },
    { to: "/admin/types", icon: "star", title: t("types.title"), text: t("home.types") },
    { to: "/admin/areas", icon: "heart", title: t("areas.title"), text: t("home.areas") },
    { to: "/admin/programmes", icon: "book", title: t("programmes.title"), text: t("home.programmes") },
    { to: "/admin/audit", icon: "clipboard", title: t("audit.title"), text: t("home.audit") },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("home.lead")}</p>
      <ul className="grid gap-3 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.to}>
            <Link
              to={section.to}
              className="flex min-h-11 items-start gap-3 rounded-xl border-2 border-slate-200 p-4 no-underline hover:border-brand-700 focus-visible:border-brand-700"
            >
              <Icon name={section.icon} className="mt-1 size-8 shrink-0 text-brand-700" />
              <span className="space-y-1">
                <span className="block text-lg font-bold text-brand-800 underline">{section.title}</span>
                <span className="block text-slate-700">{section.text}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
