// Pieces every admin page shares: the link back up and the "done" message
// after a redirect from an edit page (the list table is ui/data-table.tsx).
import type { ReactNode } from "react";
import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/ui/alert.tsx";

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link to={to} className="inline-flex min-h-11 items-center">
        {children}
      </Link>
    </p>
  );
}

/** "Created", "Saved" or "Deleted", from `?done=` in the URL. */
export function DoneMessage() {
  const { t } = useTranslation("admin");
  const [params] = useSearchParams();
  const done = params.get("done");
  const text = done === "created" ? t("createdMessage") : done === "updated" ? t("saved") : done === "deleted" ? t("deletedMessage") : null;
  return text ? <Notice>{text}</Notice> : null;
}
