// The filter box above an admin list: a GET form (works without
// JavaScript) with a heading, labelled controls, a submit button and, when
// something is filtered, a link that clears it.
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";

export const filterControl = "block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 text-lg focus:border-brand-700";

export function SearchPanel(props: {
  id: string;
  heading: string;
  /** Changes when the filters do, so the controls show them again. */
  formKey: string;
  gridClassName: string;
  submitLabel: string;
  clear: { to: string; label: string } | null;
  children: ReactNode;
}) {
  return (
    <Form method="get" role="search" aria-labelledby={props.id} key={props.formKey} className="space-y-3 rounded-xl border-2 border-brand-100 bg-brand-50 p-4">
      <h2 id={props.id} className="text-lg font-bold">
        {props.heading}
      </h2>
      <div className={props.gridClassName}>{props.children}</div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">{props.submitLabel}</Button>
        {props.clear ? (
          <Link to={props.clear.to} className="inline-flex min-h-11 items-center">
            {props.clear.label}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** A filter's label, control and (when the filter could not be used) why: the control names `${id}-error`. */
export function FilterField({ id, label, className, error, children }: { id: string; label: string; className?: string; error?: string; children: ReactNode }) {
  return (
    <div className={className ? `space-y-1 ${className}` : "space-y-1"}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
