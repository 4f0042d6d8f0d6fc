// A list as a table: the admin lists, a family's own data page.
import type { ReactNode } from "react";

export type Column = { label: string; className?: string };

/**
 * A list as a table (scrolls sideways on narrow screens, also by keyboard) with a caption for
 * screen readers, or the `empty` text when there is nothing. `row` renders
 * the cells of one row; a column's class defaults to a start-aligned one.
 */
export function DataTable<T extends { id: string }>(props: {
  caption: string;
  columns: Column[];
  items: T[];
  row: (item: T) => ReactNode;
  empty: string;
  className?: string;
}) {
  if (!props.items.length) return <p>{props.empty}</p>;
  return (
    // Focusable and named, so a keyboard can scroll it when it is wider than the screen (axe: scrollable-region-focusable).
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={props.caption}>
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
