// A titled part of a long form (the heading names the section for screen
// readers), with an optional line of introduction.
import type { ReactNode } from "react";

export function FormSection(props: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className="space-y-2 border-t border-slate-200 pt-4">
      <h2 id={props.id} className="text-xl font-bold">
        {props.title}
      </h2>
      {props.intro ? <p className="text-slate-800">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}
