// The staff area's start: the activities this person runs (all for staff,
// their own for partners), with the next session and places.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pick } from "~/domain/activities/text.ts";
import { recentNotMe } from "~/domain/households/invitations.server.ts";
import { openDeletionRequests } from "~/domain/households/personal-data.server.ts";
import { accessibleActivityIds } from "~/domain/staff/access.server.ts";
import { staffActivityList } from "~/domain/staff/roster.server.ts";
import { isolated } from "~/domain/text-rules.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDate, formatTime } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { ButtonLink } from "~/components/ui/button.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  const [language, ids] = await Promise.all([getLanguage(request), accessibleActivityIds(user)]);
  // Staff (not partners) see the families waiting for their data to be deleted, and who said "not me" to a family.
  const [activities, deletionRequests, notMe] = await Promise.all([
    staffActivityList(ids),
    ids === null ? openDeletionRequests() : Promise.resolve([]),
    ids === null ? recentNotMe() : Promise.resolve([]),
  ]);
  return {
    deletionRequests,
    notMe,
    name: [user.firstName, user.lastName].filter(Boolean).join(" "),
    role: user.role,
    activities: activities.map((activity) => ({
      id: activity.id,
      title: pick(activity.title, language),
      status: activity.status,
      capacity: activity.capacity,
      requiresSignUp: activity.requiresSignUp,
      confirmed: activity.confirmed,
      waiting: activity.waiting,
      nextSession: activity.nextSession,
    })),
  };
}

export default function StaffHome() {
  const { t } = useTranslation("staff");
  const { t: tp } = useTranslation("privacy");
  const language = useLanguage();
  const { name, role, activities, deletionRequests, notMe } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("signedInAs", { name, role: t(`common:role.${role}`) })}</p>
      <p className="flex flex-wrap gap-2">
        {role !== "PARTNER" ? <ButtonLink to="/staff/activities/new">{t("newActivity")}</ButtonLink> : null}
        <Link to="/staff/families" className="inline-flex min-h-12 items-center rounded-lg border-2 border-brand-700 px-4 font-semibold no-underline">
          {t("families.findOrRegister")}
        </Link>
        {role !== "PARTNER" ? (
          <ButtonLink to="/staff/jobs" variant="secondary">
            {t("jobs")}
          </ButtonLink>
        ) : null}
        <ButtonLink to="/staff/jobs/shifts" variant="secondary">
          {t("shiftsAndHours")}
        </ButtonLink>
        {role !== "PARTNER" ? (
          <>
            <ButtonLink to="/staff/reports" variant="secondary">
              {t("reports:nav.report")}
            </ButtonLink>
            <ButtonLink to="/staff/milestones" variant="secondary">
              {t("reports:nav.milestones")}
            </ButtonLink>
            <ButtonLink to="/staff/people/duplicates" variant="secondary">
              {t("register.duplicatesTitle")}
            </ButtonLink>
            <ButtonLink to="/staff/import" variant="secondary">
              {t("import:open")}
            </ButtonLink>
            <ButtonLink to="/staff/system" variant="secondary">
              {t("system.open")}
            </ButtonLink>
          </>
        ) : null}
      </p>
      {deletionRequests.length ? (
        <section aria-labelledby="deletion-requests" className="space-y-2 rounded-xl border-2 border-amber-300 bg-amber-50 p-4">
          <h2 id="deletion-requests" className="text-xl font-bold">
            {tp("staff.openRequests", { n: deletionRequests.length })}
          </h2>
          <ul className="space-y-1">
            {deletionRequests.map((request) => (
              <li key={request.href}>
                <Link to={request.href} className="inline-flex min-h-11 items-center">
                  {tp("staff.openRequest", { names: isolated(request.names), date: formatDate(new Date(request.requestedAt), language) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {notMe.length ? (
        <section aria-labelledby="not-me" className="space-y-2 rounded-xl border-2 border-amber-300 bg-amber-50 p-4">
          <h2 id="not-me" className="text-xl font-bold">
            {t("families.notMe.title")}
          </h2>
          <p className="text-sm">{t("families.notMe.intro")}</p>
          <ul className="space-y-1">
            {notMe.map((answer) => (
              <li key={`${answer.href}-${answer.answeredAt}`}>
                <Link to={answer.href} className="inline-flex min-h-11 items-center">
                  {t(answer.kind === "CLAIM" ? "families.notMe.claim" : "families.notMe.join", {
                    name: answer.name,
                    date: formatDate(new Date(answer.answeredAt), language),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 className="text-xl font-bold">{role === "PARTNER" ? t("yourActivities") : t("allActivities")}</h2>
      {activities.length === 0 ? <p>{t("noActivities")}</p> : null}
      <ul className="space-y-3">
        {activities.map((activity) => (
          <li key={activity.id} className="space-y-2 rounded-xl border-2 border-slate-200 p-4">
            <h3 className="text-lg font-bold">
              <Link to={`/staff/activities/${activity.id}`} lang={activity.title.language}>
                {activity.title.text}
              </Link>
              {activity.status === "DRAFT" ? <span className="ms-2 rounded bg-slate-200 px-2 text-sm">{t("draft")}</span> : null}
              {activity.status === "CANCELLED" ? <span className="ms-2 rounded bg-red-100 px-2 text-sm">{t("roster.cancelled")}</span> : null}
            </h3>
            <p className="text-sm text-slate-700">
              {activity.requiresSignUp
                ? t("counts", { confirmed: activity.confirmed, capacity: activity.capacity ?? "∞", waiting: activity.waiting })
                : t("dropIn")}
            </p>
            {activity.nextSession ? (
              <ButtonLink to={`/staff/sessions/${activity.nextSession.id}`}>
                {t("takeAttendance", {
                  date: `${formatDate(new Date(activity.nextSession.startsAt), language)} ${formatTime(new Date(activity.nextSession.startsAt), language)}`,
                })}
              </ButtonLink>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
