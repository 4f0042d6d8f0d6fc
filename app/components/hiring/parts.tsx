// Small pieces of the staff pipeline pages: status and consent badges, the
// written-contract warning, hours in words, the page links, lists of rows,
// a form's error, and the shell of a print page (print button, "save as
// PDF" hint, nothing but the document on paper).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";

export type ApplicationStatus = "AWAITING_GUARDIAN" | "GUARDIAN_DECLINED" | "RECEIVED" | "INTERVIEW" | "HIRED" | "REJECTED" | "WAITING_LIST" | "WITHDRAWN";
export type ConsentState = "notNeeded" | "waiting" | "confirmed" | "declined";

const statusColour: Record<ApplicationStatus, string> = {
  AWAITING_GUARDIAN: "bg-amber-100 text-amber-950",
  GUARDIAN_DECLINED: "bg-slate-200 text-slate-900",
  RECEIVED: "bg-brand-100 text-brand-800",
  INTERVIEW: "bg-sky-100 text-sky-950",
  HIRED: "bg-green-100 text-green-950",
  REJECTED: "bg-slate-200 text-slate-900",
  WAITING_LIST: "bg-amber-100 text-amber-950",
  WITHDRAWN: "bg-slate-200 text-slate-900",
};

/** The links above a staff hiring page: back to the pages it belongs to. */
export function HiringNav({ links }: { links: { to: string; label: ReactNode }[] }) {
  const { t } = useTranslation("hiring");
  return (
    <nav aria-label={t("nav.label")}>
      <ul className="flex flex-wrap gap-x-4">
        {links.map((link) => (
          <li key={link.to}>
            {/* The label in one span: as flex items, "Ansøgninger:" and the title lost the space between them. */}
            <Link to={link.to} className="inline-flex min-h-11 items-center">
              <span>{link.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A titled list of rows (applications, employments), saying so when it is empty. */
/** A list of rows (cards); with `table`, the table is shown on a wide screen and the cards on a phone. */
export function RowList(props: { id: string; title: string; hint?: string; empty: boolean; table?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation("hiring");
  return (
    <section aria-labelledby={props.id} className="space-y-2">
      <h2 id={props.id} className="text-xl font-bold">
        {props.title}
      </h2>
      {props.hint ? <p className="text-sm">{props.hint}</p> : null}
      {props.empty ? <p>{t("list.none")}</p> : null}
      {props.table && !props.empty ? <div className="hidden lg:block">{props.table}</div> : null}
      <ul className={props.table ? "space-y-2 lg:hidden" : "space-y-2"}>{props.children}</ul>
    </section>
  );
}

/** One row of a RowList: the person's name as the link to their page, then the details. */
export function Row(props: { to: string; name: string; children: ReactNode }) {
  return (
    <li className="space-y-1 rounded-xl border-2 border-slate-200 p-3">
      <h3 className="text-lg font-bold">
        <Link to={props.to} className="inline-flex min-h-11 items-center">
          {props.name}
        </Link>
      </h3>
      {props.children}
    </li>
  );
}

/** A form's own errors (translation keys in hiring.json), or nothing. */
export function FormProblem({ errors }: { errors?: string[] }) {
  const { t } = useTranslation("hiring");
  return <FormErrors errors={errors?.map((key) => t(key))} />;
}

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation("hiring");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${statusColour[status]}`}>{t(`status.${status}`)}</span>;
}

export function ConsentText({ state }: { state: ConsentState }) {
  const { t } = useTranslation("hiring");
  return <>{t(`consent.${state}`)}</>;
}

/** Minutes as hours in words: "12,5 timer". */
export function Hours({ minutes }: { minutes: number }) {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  return <>{t("common:units.hours", { count: minutes / 60, value: formatNumber(minutes / 60, language, { maximumFractionDigits: 2 }) })}</>;
}

export function ContractBadge() {
  const { t } = useTranslation("hiring");
  return <span className="inline-block rounded bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-900">{t("contract.badge")}</span>;
}

/** The written-contract warning: more than a month at 8 hours a week or more on average. */
export function ContractWarning(props: { employmentId: string; required: boolean; longerThanMonth: boolean; averageWeeklyMinutes: number }) {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const average = props.averageWeeklyMinutes / 60;
  const hours = t("common:units.hours", { count: average, value: formatNumber(average, language, { maximumFractionDigits: 1 }) });
  const link = (
    <Link to={`/staff/jobs/employments/${props.employmentId}/contract`} className="inline-flex min-h-11 items-center font-semibold">
      {t("contract.open")}
    </Link>
  );
  if (props.required) {
    return (
      <div role="note" className="space-y-1 rounded-lg border-2 border-red-700 bg-red-50 p-3">
        <p className="font-semibold text-red-900">{t("contract.requiredTitle")}</p>
        <p>{t("contract.requiredText", { hours })}</p>
        {link}
      </div>
    );
  }
  return (
    <div role="note" className="space-y-1 rounded-lg border border-slate-300 p-3">
      <p>{props.longerThanMonth ? t("contract.notYetLong", { hours }) : t("contract.notNeededShort")}</p>
      {link}
    </div>
  );
}

/** A print page: the document, a print button and the PDF hint, which are hidden on paper with the site's header and footer. */
export function PrintPage({ children, tools }: { children: ReactNode; tools?: ReactNode }) {
  const { t } = useTranslation("hiring");
  return (
    <div className="space-y-4 print:text-sm">
      <div className="no-print space-y-2 rounded-lg border border-slate-300 p-3">
        {tools}
        <button type="button" onClick={() => window.print()} className="min-h-11 rounded-lg border-2 border-brand-700 px-4 font-semibold">
          {t("print.print")}
        </button>
        <p className="text-sm">{t("print.pdfHint")}</p>
      </div>
      {children}
    </div>
  );
}

/** Links to the same page in Danish and in English (?lng=), the current one marked. */
export function DocumentLanguages({ current }: { current: "da" | "en" }) {
  const { t } = useTranslation("hiring");
  return (
    <nav aria-label={t("print.languages")}>
      <ul className="flex flex-wrap gap-x-4">
        {(["da", "en"] as const).map((language) => (
          <li key={language}>
            <Link
              to={`?lng=${language}`}
              aria-current={current === language ? "page" : undefined}
              className="inline-flex min-h-11 items-center aria-[current=page]:font-bold"
            >
              {t(`print.language.${language}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A contract or reference on its print page: the way back, any words before it, the language links, the document. */
export function DocumentPage(props: { document: PrintDocument; back: { to: string; label: string }; intro?: string }) {
  return (
    <PrintPage
      tools={
        <>
          <Link to={props.back.to} className="inline-flex min-h-11 items-center">
            {props.back.label}
          </Link>
          {props.intro ? <p>{props.intro}</p> : null}
          <DocumentLanguages current={props.document.language} />
        </>
      }
    >
      <DocumentView document={props.document} />
    </PrintPage>
  );
}

type PrintDocument = {
  language: "da" | "en";
  title: string;
  intro: string[];
  sections: { heading: string; lines: string[] }[];
  signatures: { heading: string; lines: string[] } | null;
  printed: string;
};

/** A contract or reference as built on the server, in its own language (which may differ from the page's). */
export function DocumentView({ document }: { document: PrintDocument }) {
  return (
    <article lang={document.language} dir="ltr" className="space-y-4 rounded-xl border border-slate-300 bg-white p-4 text-start print:border-0 print:p-0">
      <h1 className="text-2xl font-bold">{document.title}</h1>
      {document.intro.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {document.sections.map((section) => (
        <section key={section.heading} className="space-y-1 break-inside-avoid">
          <h2 className="text-lg font-bold">{section.heading}</h2>
          {section.lines.map((line, index) => (
            <p key={index} className="whitespace-pre-line">
              {line}
            </p>
          ))}
        </section>
      ))}
      {document.signatures ? (
        <section className="space-y-2 break-inside-avoid pt-4">
          <h2 className="text-lg font-bold">{document.signatures.heading}</h2>
          <div className="grid gap-8 sm:grid-cols-2 print:grid-cols-2">
            {document.signatures.lines.map((label) => (
              <div key={label} className="space-y-1">
                <div className="h-12 border-b-2 border-slate-700" />
                <p className="text-sm">{label}</p>
              </div>
            ))}
          </div>
        </section>
      ) : null}
      <p className="text-sm">{document.printed}</p>
    </article>
  );
}
