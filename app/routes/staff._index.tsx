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
import { copenhagenWeek, DESK_SORTS, DESK_VIEWS, deskView, type DeskBadge, type DeskSort, type DeskView } from "~/domain/staff/desk.ts";
import { isolated } from "~/domain/text-rules.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDate, formatDay, formatTime } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { Button, ButtonLink } from "~/components/ui/button.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:title");

/** A wide page on a laptop: the activities as a table. */
export const handle = { wide: true };

/** ?view=, ?q= and ?sort= of the start page; anything else is the default (a bookmark with an old value still opens). */
function deskQuery(url: URL): { view: DeskView; query: string; sort: DeskSort } {
  const view = url.searchParams.get("view");
  const sort = url.searchParams.get("sort");
  return {
    view: (DESK_VIEWS as readonly string[]).includes(view ?? "") ? (view as DeskView) : "current",
    query: (url.searchParams.get("q") ?? "").slice(0, 100),
    sort: (DESK_SORTS as readonly string[]).includes(sort ?? "") ? (sort as DeskSort) : "next",
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  const [language, ids] = await Promise.all([getLanguage(request), accessibleActivityIds(user)]);
  const desk = deskQuery(new URL(request.url));
  const now = new Date();
  // Staff (not partners) see the families waiting for their data to be deleted, and who said "not me" to a family.
  const [activities, deletionRequests, notMe] = await Promise.all([
    staffActivityList(ids, now),
    ids === null ? openDeletionRequests() : Promise.resolve([]),
    ids === null ? recentNotMe() : Promise.resolve([]),
  ]);
  const { items, counts } = deskView(
    activities.map((activity) => ({ ...activity, title: pick(activity.title, language).text, localTitle: pick(activity.title, language) })),
    { ...desk, now },
  );
  const week = copenhagenWeek(now);
  return {
    deletionRequests,
    notMe,
    name: [user.firstName, user.lastName].filter(Boolean).join(" "),
    role: user.role,
    desk,
    counts,
    week: { monday: week.monday, sunday: week.sunday },
    activities: items.map((activity) => ({
      id: activity.id,
      title: activity.localTitle,
      badge: activity.badge,
      capacity: activity.capacity,
      requiresSignUp: activity.requiresSignUp,
      confirmed: activity.confirmed,
      waiting: activity.waiting,
      // An ended activity offers no attendance link for a date to come (there is none) and no place to give.
      nextSession: activity.phase === "ended" ? null : activity.nextSession,
      weekSessions: activity.weekSessions.map((session) => ({ id: session.id, startsAt: session.startsAt })),
    })),
  };
}

export default function StaffHome() {
  const { t } = useTranslation("staff");
  const { t: tp } = useTranslation("privacy");
  const language = useLanguage();
  const { name, role, deletionRequests, notMe } = useLoaderData<typeof loader>();
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
      <Desk />
    </div>
  );
}

const BADGE_STYLE: Record<DeskBadge, string> = {
  open: "bg-green-100 text-green-900",
  full: "bg-slate-200 text-slate-900",
  waitingList: "bg-amber-100 text-amber-900",
  dropIn: "bg-brand-50 text-brand-900",
  draft: "bg-slate-100 text-slate-800 border border-dashed border-slate-500",
  cancelled: "bg-red-100 text-red-900",
  ended: "bg-slate-100 text-slate-700",
};

/** A status, not a button: no border of its own (except a draft's dashed one), small text, not a link. */
function Badge({ badge }: { badge: DeskBadge }) {
  const { t } = useTranslation("staff");
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${BADGE_STYLE[badge]}`}>{t(`desk.badge.${badge}`)}</span>
  );
}

type DeskData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The link to the same page with some of ?view=, ?q= and ?sort= changed (the defaults left out). */
function deskHref(desk: DeskData["desk"], change: Partial<DeskData["desk"]>): string {
  const next = { ...desk, ...change };
  const params = new URLSearchParams();
  if (next.view !== "current") params.set("view", next.view);
  if (next.query) params.set("q", next.query);
  if (next.sort !== "next") params.set("sort", next.sort);
  const search = params.toString();
  return search ? `/staff?${search}` : "/staff";
}

function Places({ activity }: { activity: DeskData["activities"][number] }) {
  const { t } = useTranslation("staff");
  return activity.requiresSignUp ? (
    <>{t("counts", { confirmed: activity.confirmed, capacity: activity.capacity ?? "∞", waiting: activity.waiting })}</>
  ) : (
    <>{t("dropIn")}</>
  );
}

/** The dates an activity shows: this week's (each a link to its attendance) or the next one. */
function Dates({ activity, view }: { activity: DeskData["activities"][number]; view: DeskView }) {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  const when = (startsAt: string) => `${formatDate(new Date(startsAt), language)} ${formatTime(new Date(startsAt), language)}`;
  const sessions = view === "week" ? activity.weekSessions : activity.nextSession ? [activity.nextSession] : [];
  if (sessions.length === 0) return <span className="text-slate-700">{t("desk.noNextDate")}</span>;
  return (
    <ul className="flex flex-wrap gap-2">
      {sessions.map((session) => (
        <li key={session.id}>
          <ButtonLink to={`/staff/sessions/${session.id}`} size="sm" variant={view === "week" ? "secondary" : "primary"}>
            {t("takeAttendance", { date: when(session.startsAt) })}
          </ButtonLink>
        </li>
      ))}
    </ul>
  );
}

/** The activities: current, upcoming, ended or this week, searchable; a sortable table on a laptop, cards on a phone. */
function Desk() {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  const { role, desk, counts, week, activities } = useLoaderData<typeof loader>();
  const columns: { key: DeskSort | null; label: string }[] = [
    { key: "name", label: t("desk.column.activity") },
    { key: "status", label: t("desk.column.status") },
    { key: null, label: t("desk.column.places") },
    { key: "next", label: desk.view === "week" ? t("desk.column.thisWeek") : t("desk.column.next") },
  ];
  const caption = `${role === "PARTNER" ? t("yourActivities") : t("allActivities")}: ${t(`desk.view.${desk.view}`)}`;
  return (
    <section aria-labelledby="desk-heading" className="space-y-4">
      <h2 id="desk-heading" className="text-xl font-bold">
        {role === "PARTNER" ? t("yourActivities") : t("allActivities")}
      </h2>
      <form method="get" action="/staff" role="search" className="flex flex-wrap items-end gap-2">
        {desk.view !== "current" ? <input type="hidden" name="view" value={desk.view} /> : null}
        {desk.sort !== "next" ? <input type="hidden" name="sort" value={desk.sort} /> : null}
        <label className="flex grow flex-col font-semibold sm:grow-0">
          {t("desk.search.label")}
          <input
            type="search"
            name="q"
            defaultValue={desk.query}
            maxLength={100}
            className="min-h-12 w-full rounded-lg border-2 border-slate-500 px-3 font-normal sm:w-80"
          />
        </label>
        <Button type="submit" variant="secondary">
          {t("desk.search.submit")}
        </Button>
        {desk.query ? (
          <Link to={deskHref(desk, { query: "" })} className="inline-flex min-h-12 items-center px-2">
            {t("desk.search.clear")}
          </Link>
        ) : null}
      </form>
      <nav aria-label={t("desk.view.label")}>
        <ul className="flex flex-wrap gap-2">
          {(["week", "current", "upcoming", "ended"] as const).map((view) => (
            <li key={view}>
              <Link
                to={deskHref(desk, { view })}
                aria-current={view === desk.view ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border-2 px-4 font-semibold no-underline ${view === desk.view ? "border-brand-700 bg-brand-700 text-white" : "border-brand-700 bg-white text-brand-800"}`}
              >
                {t(`desk.view.${view}`)} ({counts[view]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {desk.view === "week" ? (
        <p className="font-semibold">{t("desk.weekOf", { from: formatDay(week.monday, language), to: formatDay(week.sunday, language) })}</p>
      ) : null}
      {activities.length === 0 ? <p>{desk.query ? t("desk.noMatch", { query: desk.query }) : t(`desk.empty.${desk.view}`)}</p> : null}
      {activities.length ? (
        <>
          {/* A laptop: one table across the width, sorted by a link in a column's heading (works without JavaScript). */}
          <div className="hidden lg:block">
            <table className="w-full border-collapse">
              <caption className="sr-only">{caption}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  {columns.map((column) => (
                    <th
                      key={column.label}
                      scope="col"
                      className="py-2 pe-3 text-start"
                      aria-sort={column.key && column.key === desk.sort ? "ascending" : undefined}
                    >
                      {column.key ? (
                        <Link to={deskHref(desk, { sort: column.key })} className="inline-flex min-h-11 items-center gap-1">
                          {column.label}
                          {column.key === desk.sort ? <span aria-hidden="true">▾</span> : null}
                        </Link>
                      ) : (
                        column.label
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {activities.map((activity) => (
                  <tr key={activity.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pe-3">
                      <Link to={`/staff/activities/${activity.id}`} lang={activity.title.language} className="inline-flex min-h-11 items-center font-semibold">
                        {activity.title.text}
                      </Link>
                    </td>
                    <td className="py-3 pe-3">
                      <Badge badge={activity.badge} />
                    </td>
                    <td className="py-3 pe-3 text-sm">
                      <Places activity={activity} />
                    </td>
                    <td className="py-2 pe-3">
                      <Dates activity={activity} view={desk.view} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* A phone: one card each. */}
          <ul className="space-y-3 lg:hidden">
            {activities.map((activity) => (
              <li key={activity.id} className="space-y-2 rounded-xl border-2 border-slate-200 p-4">
                <h3 className="flex flex-wrap items-center gap-x-2 text-lg font-bold">
                  <Link to={`/staff/activities/${activity.id}`} lang={activity.title.language} className="inline-flex min-h-11 items-center">
                    {activity.title.text}
                  </Link>
                  <Badge badge={activity.badge} />
                </h3>
                <p className="text-sm text-slate-700">
                  <Places activity={activity} />
                </p>
                <Dates activity={activity} view={desk.view} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
