// Pocket-money jobs for staff: every posting with its applications counted
// per status and its current employments, and the ways into applications,
// shifts, hours, employments and the school-holiday calendar.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons.tsx";
import { fallbackAttributes } from "~/components/catalogue/card.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { pick } from "~/domain/activities/text.ts";
import { staffPostingOverview } from "~/domain/jobs/postings.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDay, formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jobs:staff.title");

/** The order in which the pipeline's counts are shown. */
const STATUSES = ["AWAITING_GUARDIAN", "RECEIVED", "INTERVIEW", "WAITING_LIST", "HIRED", "REJECTED", "GUARDIAN_DECLINED", "WITHDRAWN"] as const;

const badge: Record<string, string> = {
  DRAFT: "bg-slate-200 text-slate-900",
  PUBLISHED: "bg-brand-100 text-brand-800",
  CLOSED: "bg-amber-100 text-amber-900",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const [language, postings] = await Promise.all([getLanguage(request), staffPostingOverview()]);
  return {
    postings: postings.map((posting) => ({ ...posting, title: pick(posting.title, language), typeName: pick(posting.type.name, language) })),
  };
}

export default function StaffJobs() {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { postings } = useLoaderData<typeof loader>();
  const links = [
    { to: "/staff/jobs/employments", label: t("staff.employments") },
    { to: "/staff/jobs/shifts", label: t("staff.allShifts") },
    { to: "/staff/jobs/hours", label: t("staff.hours") },
    { to: "/staff/holidays", label: t("staff.holidays") },
  ];
  return (
    <div className="space-y-6">
      <p>
        <Link to="/staff" className="inline-flex min-h-11 items-center">
          {t("staff.backToStaff")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("staff.title")}</h1>
        <ButtonLink to="/staff/jobs/new">{t("staff.newPosting")}</ButtonLink>
      </div>
      <nav aria-label={t("staff.navLabel")}>
        <ul className="flex flex-wrap gap-x-4">
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} className="inline-flex min-h-11 items-center">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="postings-heading" className="space-y-3">
        <h2 id="postings-heading" className="text-xl font-bold">
          {t("staff.postings")}
        </h2>
        {postings.length === 0 ? <p>{t("staff.none")}</p> : null}
        <ul className="grid gap-4 lg:grid-cols-2">
          {postings.map((posting) => {
            const headingId = `posting-${posting.id}`;
            const counts = STATUSES.filter((status) => (posting.counts[status] ?? 0) > 0);
            return (
              <li key={posting.id}>
                <article aria-labelledby={headingId} className="space-y-3 rounded-xl border-2 border-slate-300 p-4">
                  <p className="flex items-center gap-2 text-sm font-semibold text-brand-800">
                    <Icon name={posting.type.icon} className="size-7 shrink-0 rounded-full bg-brand-50 p-1 text-brand-700" />
                    <span {...fallbackAttributes(posting.typeName)}>{posting.typeName.text}</span>
                    <span className={`rounded px-2 py-0.5 ${badge[posting.status]}`}>{t(`postingStatus.${posting.status}`)}</span>
                  </p>
                  <h3 id={headingId} className="text-lg font-bold" {...fallbackAttributes(posting.title)}>
                    {posting.title.text}
                  </h3>
                  <p className="text-sm">
                    {t("staff.deadline", { date: formatDay(posting.applicationDeadline, language) })} ·{" "}
                    {t("staff.positions", { number: formatNumber(posting.positions, language) })} ·{" "}
                    {t("staff.employed", { number: formatNumber(posting.employments, language) })}
                  </p>
                  {counts.length > 0 ? (
                    <ul className="flex flex-wrap gap-2" aria-label={t("staff.countsLabel")}>
                      {counts.map((status) => (
                        <li key={status} className="rounded-lg bg-slate-100 px-2 py-1 text-sm">
                          {t(`staffStatus.${status}`)}: <strong>{formatNumber(posting.counts[status] ?? 0, language)}</strong>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-slate-700">{t("staff.noApplications")}</p>
                  )}
                  <div className="flex flex-wrap gap-2">
                    <ButtonLink to={`/staff/jobs/${posting.id}`} size="sm">
                      {t("staff.applications")}
                    </ButtonLink>
                    <ButtonLink to={`/staff/jobs/${posting.id}/shifts`} size="sm" variant="secondary">
                      {t("staff.shifts")}
                    </ButtonLink>
                    <ButtonLink to={`/staff/jobs/${posting.id}/edit`} size="sm" variant="secondary">
                      {t("staff.edit")}
                    </ButtonLink>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
