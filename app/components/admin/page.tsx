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

/** "Created", "Saved", "Deleted" or "Merged", from `?done=` in the URL. */
export function DoneMessage() {
  const { t } = useTranslation("admin");
  const [params] = useSearchParams();
  const done = params.get("done");
  const messages: Record<string, string> = { created: t("createdMessage"), updated: t("saved"), deleted: t("deletedMessage"), merged: t("mergedMessage") };
  const text = done ? (messages[done] ?? null) : null;
  return text ? <Notice>{text}</Notice> : null;
}
