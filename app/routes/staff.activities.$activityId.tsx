// An activity's roster for staff and attached partners: places, waiting
// list, guardians' phones, "things we should know", photo consent; sessions
// with attendance links. Staff (not partners) can give waiting families a
// place, remove an enrolment and change the number of places.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Fragment } from "react";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { pick } from "~/domain/activities/text.ts";
import { missedInARow } from "~/domain/attendance/attendance.server.ts";
import { cancelEnrolment } from "~/domain/enrolment/cancel.server.ts";
import { EnrolmentError } from "~/domain/enrolment/errors.ts";
import { requireActivityAccess } from "~/web/activity-access.server.ts";
import { isStaff } from "~/lib/roles.ts";
import { activityRoster, giveWaitingPlace, setCapacity } from "~/domain/staff/roster.server.ts";
import { rosterActionSchema } from "~/domain/staff/schemas.ts";
import { formatDateTime, formatWhen } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage, translator } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { Alert, Notice } from "~/components/ui/alert.tsx";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data ? `${data.title.text} – ${data.rosterWord}` : undefined);

/** A wide page on a laptop: the roster and the waiting list as tables. */
export const handle = { wide: true };

/** ?sort= of the placed list (the waiting list keeps its order: the order is the rule). */
const ROSTER_SORTS = ["list", "name", "age", "area"] as const;
type RosterSort = (typeof ROSTER_SORTS)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireActivityAccess(request, params.activityId);
  const language = await getLanguage(request);
  const [roster, missing] = await Promise.all([activityRoster(params.activityId!, { userId: user.id }), missedInARow(params.activityId!)]);
  const asked = new URL(request.url).searchParams.get("sort");
  const sort: RosterSort = (ROSTER_SORTS as readonly string[]).includes(asked ?? "") ? (asked as RosterSort) : "list";
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, language);
  const placed = [...roster.placed].sort((a, b) =>
    sort === "name"
      ? byName(a, b)
      : sort === "age"
        ? (a.age ?? Infinity) - (b.age ?? Infinity) || byName(a, b)
        : sort === "area"
          ? (a.area ?? "\uffff").localeCompare(b.area ?? "\uffff", "da") || byName(a, b)
          : 0,
  );
  return {
    canManage: isStaff(user),
    ended: roster.ended,
    sort,
    title: pick(roster.activity.title, language),
    rosterWord: translator(language, "staff")("roster.title"),
    activity: {
      id: roster.activity.id,
      slug: roster.activity.slug,
      capacity: roster.activity.capacity,
      capacityUnit: roster.activity.capacityUnit,
      requiresSignUp: roster.activity.requiresSignUp,
    },
    sessions: roster.activity.sessions,
    placed,
    waiting: roster.waiting,
    taken: roster.taken,
    missing,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireActivityAccess(request, params.activityId);
  if (!isStaff(user)) throw new Response("Forbidden", { status: 403 });
  const submission = parseWithZod(await request.formData(), { schema: rosterActionSchema, disableAutoCoercion: true });
  if (submission.status !== "success") return { error: "staff:errors.badInput" };
  const input = submission.value;
  let offered = 0;
  try {
    if (input.intent === "capacity")
      ({ offered } = await setCapacity({ activityId: params.activityId!, capacity: input.capacity === "" ? null : input.capacity, actorUserId: user.id }));
    if (input.intent === "place") await giveWaitingPlace({ signUpId: input.signUpId, activityId: params.activityId!, actorUserId: user.id });
    if (input.intent === "remove")
      ({ offered } = await cancelEnrolment({
        enrolmentId: input.enrolmentId,
        actor: { userId: user.id, personId: user.personId, isStaff: true },
        activityId: params.activityId!,
      }));
  } catch (error) {
    if (error instanceof EnrolmentError) return { error: `activity:errors.${error.code}` };
    throw error;
  }
  return redirect(`/staff/activities/${params.activityId}?done=${input.intent}${input.intent === "place" ? "" : `&offered=${offered}`}`);
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["placed"][number];

function Guardians({ row }: { row: Row }) {
  const { t } = useTranslation("staff");
  return (
    <ul className="text-sm">
      {row.guardians.map((guardian) => (
        <li key={guardian.name + guardian.phone}>
          <bdi>{guardian.name || t("roster.guardian")}</bdi>:{" "}
          {guardian.phone ? (
            <a href={`tel:${guardian.phone.replaceAll(" ", "")}`} className="inline-flex min-h-11 items-center" dir="ltr">
              {guardian.phone}
            </a>
          ) : guardian.email ? (
            <a href={`mailto:${guardian.email}`} className="inline-flex min-h-11 items-center" dir="ltr">
              {guardian.email}
            </a>
          ) : (
            t("roster.noPhone")
          )}
        </li>
      ))}
    </ul>
  );
}

function Photo({ row }: { row: Row }) {
  const { t } = useTranslation("staff");
  return (
    <>
      {row.photoConsent === true ? t("roster.photoYes") : row.photoConsent === false ? <strong>{t("roster.photoNo")}</strong> : t("roster.photoUnknown")}
      {row.spokenConsent ? ` · ${t("roster.spokenConsent")}` : ""}
    </>
  );
}

function Needs({ row }: { row: Row }) {
  const { t } = useTranslation("staff");
  return row.needs ? (
    <p className="rounded bg-amber-50 p-2 text-sm">
      <strong>{t("roster.needs")}:</strong> <bdi>{row.needs}</bdi>
    </p>
  ) : null;
}

function Offered({ row }: { row: Row }) {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  return row.status === "OFFERED" && row.offerExpiresAt ? (
    <span className="rounded bg-amber-100 px-2 text-sm">{t("roster.offered", { date: formatDateTime(new Date(row.offerExpiresAt), language) })}</span>
  ) : null;
}

/** One person as a card (a phone). */
function Person({ row, children }: { row: Row; children?: React.ReactNode }) {
  const { t } = useTranslation("staff");
  return (
    <li className="space-y-1 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold">
          <bdi>{row.name}</bdi>
          {row.age !== null ? <span className="font-normal text-slate-700"> · {t("common:units.years", { count: row.age })}</span> : null}
          {row.area ? (
            <span className="font-normal text-slate-700">
              {" "}
              · <bdi>{row.area}</bdi>
            </span>
          ) : null}
        </p>
        <Offered row={row} />
      </div>
      <Guardians row={row} />
      <p className="text-sm">
        <Photo row={row} />
      </p>
      <Needs row={row} />
      {children}
    </li>
  );
}

/** One person as a table row's cells (a laptop): name, age, area, parents, photos and what we should know. */
function PersonCells({ row }: { row: Row }) {
  const { t } = useTranslation("staff");
  return (
    <>
      <td className="py-2 pe-3 font-semibold">
        <bdi>{row.name}</bdi> <Offered row={row} />
      </td>
      <td className="py-2 pe-3">{row.age !== null ? t("common:units.years", { count: row.age }) : ""}</td>
      <td className="py-2 pe-3">{row.area ? <bdi>{row.area}</bdi> : ""}</td>
      <td className="py-2 pe-3">
        <Guardians row={row} />
      </td>
      <td className="py-2 pe-3 text-sm">
        <Photo row={row} />
        <Needs row={row} />
      </td>
    </>
  );
}

/** A column heading that sorts the placed list by it (a link: works without JavaScript). */
function SortHeading({ sort, current, children }: { sort: RosterSort; current: RosterSort; children: React.ReactNode }) {
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  next.delete("done");
  next.delete("offered");
  if (sort === "list") next.delete("sort");
  else next.set("sort", sort);
  const search = next.toString();
  return (
    <th scope="col" className="py-2 pe-3 text-start" aria-sort={sort === current ? "ascending" : undefined}>
      <Link to={search ? `?${search}` : "."} className="inline-flex min-h-11 items-center gap-1" preventScrollReset>
        {children}
        {sort === current ? <span aria-hidden="true">▾</span> : null}
      </Link>
    </th>
  );
}

/** What the last change did, said in words (after a redirect, so a reload does not repeat it). */
function Done() {
  const { t } = useTranslation("staff");
  const [params] = useSearchParams();
  const done = params.get("done");
  if (done !== "capacity" && done !== "place" && done !== "remove") return null;
  const offered = Math.max(0, Number(params.get("offered")) || 0);
  return (
    <Notice>
      {t(`roster.done.${done}`)}
      {done === "place" || (done === "remove" && offered === 0) ? null : ` ${t("roster.done.offered", { count: offered })}`}
    </Notice>
  );
}

function Remove({ row }: { row: Row }) {
  const { t } = useTranslation("staff");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name="enrolmentId" value={row.enrolmentId} />
      <Button type="submit" variant="secondary" size="sm" aria-label={t("roster.removeNamed", { name: row.name })}>
        {t("roster.remove")}
      </Button>
    </Form>
  );
}

function GivePlace({ signUpId, busy }: { signUpId: string; busy: boolean }) {
  const { t } = useTranslation("staff");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="place" />
      <input type="hidden" name="signUpId" value={signUpId} />
      <Button type="submit" size="sm" pending={busy}>
        {t("roster.givePlace")}
      </Button>
    </Form>
  );
}

export default function Roster() {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const waitingGroups = [...new Set(data.waiting.map((row) => row.signUpId))];
  // An ended activity offers no "give a place now": the action would refuse it (activityEnded).
  const canGive = data.canManage && !data.ended;
  return (
    <div className="space-y-6">
      <p>
        <Link to="/staff" className="inline-flex min-h-11 items-center">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold" lang={data.title.language}>
        {data.title.text}
      </h1>
      {result?.error ? <Alert>{t(result.error)}</Alert> : null}
      <Done />
      <p className="flex flex-wrap gap-x-4">
        <a href={`/staff/activities/${data.activity.id}/roster.csv`} className="inline-flex min-h-11 items-center" download>
          {t("roster.csv")}
        </a>
        <Link to={`/staff/activities/${data.activity.id}/print`} className="inline-flex min-h-11 items-center">
          {t("roster.print")}
        </Link>
        {data.canManage ? (
          <>
            <Link to={`/staff/activities/${data.activity.id}/edit`} className="inline-flex min-h-11 items-center">
              {t("roster.edit")}
            </Link>
            <Link to={`/staff/activities/${data.activity.id}/sessions`} className="inline-flex min-h-11 items-center">
              {t("roster.editSessions")}
            </Link>
          </>
        ) : null}
        <Link to={`/staff/activities/${data.activity.id}/messages`} className="inline-flex min-h-11 items-center">
          {t("messages.title")}
        </Link>
        <Link to={`/activities/${data.activity.slug}`} className="inline-flex min-h-11 items-center">
          {t("roster.publicPage")}
        </Link>
      </p>
      {data.missing.length ? (
        <div role="note" className="rounded-lg border-2 border-accent-500 bg-amber-50 p-3">
          <p className="font-semibold">{t("roster.missingTitle")}</p>
          <p>
            {data.missing.map((person, index) => (
              <Fragment key={person.personId}>
                {index ? ", " : ""}
                <bdi>{person.name}</bdi>
              </Fragment>
            ))}
          </p>
        </div>
      ) : null}
      {data.activity.requiresSignUp ? (
        <>
          <section aria-labelledby="placed-heading" className="space-y-2">
            <h2 id="placed-heading" className="text-xl font-bold">
              {t("roster.placed", { taken: data.taken, capacity: data.activity.capacity ?? "∞" })}
            </h2>
            {data.canManage && data.ended ? <p className="rounded-lg bg-slate-100 p-3">{t("activity:errors.activityEnded")}</p> : null}
            {data.canManage && !data.ended ? (
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="intent" value="capacity" />
                <label className="flex flex-col font-semibold">
                  {t("roster.capacity")}
                  <input
                    name="capacity"
                    type="number"
                    min={0}
                    defaultValue={data.activity.capacity ?? ""}
                    className="min-h-12 w-28 rounded-lg border-2 border-slate-500 px-3"
                  />
                </label>
                <Button type="submit" variant="secondary" pending={busy}>
                  {t("roster.saveCapacity")}
                </Button>
              </Form>
            ) : null}
            {data.placed.length === 0 ? <p>{t("roster.nobody")}</p> : null}
            {data.placed.length ? (
              <>
                <table className="hidden w-full border-collapse lg:table">
                  <caption className="sr-only">{t("roster.placed", { taken: data.taken, capacity: data.activity.capacity ?? "∞" })}</caption>
                  <thead>
                    <tr className="border-b-2 border-slate-300">
                      <SortHeading sort="name" current={data.sort}>
                        {t("roster.column.name")}
                      </SortHeading>
                      <SortHeading sort="age" current={data.sort}>
                        {t("roster.column.age")}
                      </SortHeading>
                      <SortHeading sort="area" current={data.sort}>
                        {t("roster.column.area")}
                      </SortHeading>
                      <th scope="col" className="py-2 pe-3 text-start">
                        {t("roster.column.guardians")}
                      </th>
                      <th scope="col" className="py-2 pe-3 text-start">
                        {t("roster.column.photo")}
                      </th>
                      {data.canManage ? (
                        <th scope="col" className="py-2 pe-3 text-start">
                          <span className="sr-only">{t("roster.remove")}</span>
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {data.placed.map((row) => (
                      <tr key={row.enrolmentId} className="border-b border-slate-200 align-top">
                        <PersonCells row={row} />
                        {data.canManage ? (
                          <td className="py-2">
                            <Remove row={row} />
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
                <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 px-3 lg:hidden">
                  {data.placed.map((row) => (
                    <Person key={row.enrolmentId} row={row}>
                      {data.canManage ? <Remove row={row} /> : null}
                    </Person>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section aria-labelledby="waiting-heading" className="space-y-2">
            <h2 id="waiting-heading" className="text-xl font-bold">
              {t("roster.waiting", { n: waitingGroups.length })}
            </h2>
            {data.waiting.length === 0 ? <p>{t("roster.nobodyWaiting")}</p> : null}
            {data.waiting.length ? (
              <table className="hidden w-full border-collapse lg:table">
                <caption className="sr-only">{t("roster.waiting", { n: waitingGroups.length })}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="py-2 pe-3 text-start">
                      {t("roster.column.position")}
                    </th>
                    <th scope="col" className="py-2 pe-3 text-start">
                      {t("roster.column.name")}
                    </th>
                    <th scope="col" className="py-2 pe-3 text-start">
                      {t("roster.column.age")}
                    </th>
                    <th scope="col" className="py-2 pe-3 text-start">
                      {t("roster.column.area")}
                    </th>
                    <th scope="col" className="py-2 pe-3 text-start">
                      {t("roster.column.guardians")}
                    </th>
                    <th scope="col" className="py-2 pe-3 text-start">
                      {t("roster.column.photo")}
                    </th>
                    {canGive ? (
                      <th scope="col" className="py-2 pe-3 text-start">
                        <span className="sr-only">{t("roster.givePlace")}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                {waitingGroups.map((signUpId, index) => {
                  const group = data.waiting.filter((row) => row.signUpId === signUpId);
                  return (
                    <tbody key={signUpId} className="border-b-2 border-slate-300">
                      {group.map((row, inGroup) => (
                        <tr key={row.enrolmentId} className="align-top">
                          {inGroup === 0 ? (
                            <th scope="rowgroup" rowSpan={group.length} className="py-2 pe-3 text-start">
                              {index + 1}
                            </th>
                          ) : null}
                          <PersonCells row={row} />
                          {canGive && inGroup === 0 ? (
                            <td rowSpan={group.length} className="py-2">
                              <GivePlace signUpId={signUpId} busy={busy} />
                            </td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  );
                })}
              </table>
            ) : null}
            <ol className="space-y-2 lg:hidden">
              {waitingGroups.map((signUpId, index) => (
                <li key={signUpId} className="rounded-xl border border-slate-200 px-3">
                  <p className="pt-2 font-semibold">{t("roster.position", { position: index + 1 })}</p>
                  <ul className="divide-y divide-slate-200">
                    {data.waiting
                      .filter((row) => row.signUpId === signUpId)
                      .map((row) => (
                        <Person key={row.enrolmentId} row={row} />
                      ))}
                  </ul>
                  {canGive ? (
                    <div className="pb-3">
                      <GivePlace signUpId={signUpId} busy={busy} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : (
        <p className="rounded-lg bg-brand-50 p-3">{t("roster.dropInNote")}</p>
      )}
      <section aria-labelledby="sessions-heading" className="space-y-2">
        <h2 id="sessions-heading" className="text-xl font-bold">
          {t("roster.sessions")}
        </h2>
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {data.sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span className={session.cancelledAt ? "line-through" : ""}>{formatWhen(new Date(session.startsAt), null, language)}</span>
              {session.cancelledAt ? (
                <span>{t("roster.cancelled")}</span>
              ) : (
                <Link to={`/staff/sessions/${session.id}`} className="inline-flex min-h-11 items-center">
                  {t("roster.attendance")}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
