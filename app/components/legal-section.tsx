// A titled section of the privacy notice or the accessibility statement: a list of points, or free content.
import type { ReactNode } from "react";

export function LegalSection(props: { title: string; items?: string[]; children?: ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="text-xl font-bold">{props.title}</h2>
      {props.items ? (
        <ul className="list-disc space-y-1 ps-6">
          {props.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
      {props.children}
    </section>
  );
}
