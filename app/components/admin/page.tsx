// Pieces every admin page shares: the link back up, the "done" message
// after a redirect from an edit page, and the list table.
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

export type Column = { label: string; className?: string };

/**
 * A list as a table (scrolls sideways on narrow screens) with a caption for
 * screen readers, or the `empty` text when there is nothing. `row` renders
 * the cells of one row; a column's class defaults to a start-aligned one.
 */
export function AdminTable<T extends { id: string }>(props: {
  caption: string;
  columns: Column[];
  items: T[];
  row: (item: T) => ReactNode;
  empty: string;
  className?: string;
}) {
  if (!props.items.length) return <p>{props.empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className={props.className ?? "w-full border-collapse"}>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            {props.columns.map((column) => (
              <th key={column.label} scope="col" className={column.className ?? "py-2 pe-3 text-start"}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr key={item.id} className="border-b border-slate-200 align-top">
              {props.row(item)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
