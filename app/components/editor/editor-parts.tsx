// Small pieces shared by the editor pages: the status badge, the links
// between the editor's pages, and the success/error notices.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert.tsx";

export { Notice } from "~/components/ui/alert.tsx";

export type ActivityStatus = "DRAFT" | "PUBLISHED" | "CANCELLED";

const badge: Record<ActivityStatus, string> = {
  DRAFT: "bg-slate-200 text-slate-900",
  PUBLISHED: "bg-brand-100 text-brand-800",
  CANCELLED: "bg-red-100 text-red-900",
};

export function StatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation("editor");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${badge[status]}`}>{t(`status.${status}`)}</span>;
}

/** Links between the activity's staff pages; the current one is marked. */
export function EditorNav({ activityId, current }: { activityId: string; current: "edit" | "sessions" }) {
  const { t } = useTranslation("editor");
  const links = [
    { to: `/staff/activities/${activityId}/edit`, label: t("nav.edit"), key: "edit" },
    { to: `/staff/activities/${activityId}/sessions`, label: t("nav.sessions"), key: "sessions" },
    { to: `/staff/activities/${activityId}`, label: t("nav.roster"), key: "roster" },
  ];
  return (
    <nav aria-label={t("nav.label")}>
      <ul className="flex flex-wrap gap-x-4">
        <li>
          <Link to="/staff" className="inline-flex min-h-11 items-center">
            {t("backToStaff")}
          </Link>
        </li>
        {links.map((link) => (
          <li key={link.key}>
            <Link
              to={link.to}
              className="inline-flex min-h-11 items-center aria-[current=page]:font-bold aria-[current=page]:no-underline"
              aria-current={link.key === current ? "page" : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Problem({ children }: { children: ReactNode }) {
  return <Alert>{children}</Alert>;
}
