// The frame every catalogue card shares (activities for families, jobs for
// young people): the kind with its pictogram, the title as a link that
// covers the whole card (a big target for a thumb), and facts with icons.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Language } from "~/lib/i18n.ts";
import { Icon } from "../icons.tsx";
import { RowIcon, type RowIconName } from "./row-icons.tsx";

type Picked = { text: string; language: Language; fallback: boolean };

/** Attributes for text that fell back to Danish: screen readers switch voice, and Arabic pages keep it left-to-right. */
export function fallbackAttributes(text: { language: Language; fallback: boolean }) {
  return text.fallback ? { lang: text.language, dir: "ltr" as const } : {};
}

/** One fact of a card: an icon (its name for screen readers) and the value. */
export function Fact({ icon, label, children }: { icon: RowIconName; label: string; children: ReactNode }) {
  return (
    <div className="flex items-start gap-2">
      <dt className="shrink-0">
        <RowIcon name={icon} className="mt-0.5 size-5 text-brand-700" />
        <span className="sr-only">{label}</span>
      </dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

export function CardFrame(props: { icon: string; kind: Picked; title: Picked; to: string; children: ReactNode }) {
  return (
    <article className="relative flex h-full flex-col gap-3 rounded-xl border-2 border-slate-300 bg-white p-4 shadow-sm hover:border-brand-700 has-[a:focus-visible]:border-brand-700 has-[a:focus-visible]:outline-3 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-brand-700">
      <p className="flex items-center gap-2 text-sm font-semibold text-brand-800">
        <Icon name={props.icon} className="size-8 shrink-0 rounded-full bg-brand-50 p-1 text-brand-700" />
        <span {...fallbackAttributes(props.kind)}>{props.kind.text}</span>
      </p>
      <h3 className="text-lg leading-snug font-bold">
        <Link
          to={props.to}
          {...fallbackAttributes(props.title)}
          className="text-slate-900 no-underline after:absolute after:inset-0 after:rounded-xl after:content-[''] hover:underline focus-visible:outline-none"
        >
          {props.title.text}
        </Link>
      </h3>
      {props.children}
    </article>
  );
}
