// "Mine aktiviteter": every child's places, waiting-list positions and open
// offers, with cancel, accept/decline, and calendar links.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { myActivitiesActionSchema } from "~/domain/enrolment/my-activities-schema.ts";
import { AbsenceQuick } from "~/components/absence-quick.tsx";
import { ScheduleSummary } from "~/components/schedule-summary.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { pick } from "~/domain/activities/text.ts";
import { createCalendarFeed, revokeCalendarFeed } from "~/domain/enrolment/calendar.server.ts";
import { cancelEnrolment } from "~/domain/enrolment/cancel.server.ts";
import { EnrolmentError } from "~/domain/enrolment/errors.ts";
import { householdActivities } from "~/domain/enrolment/my-activities.server.ts";
import { answerOffer } from "~/domain/enrolment/waiting-list.server.ts";
import { householdOf } from "~/domain/households/household.server.ts";
import { hasOpenInvitations } from "~/domain/households/invitations.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { formatDate, formatDateTime, formatTime, formatTimeRange } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { Alert, Notice } from "~/components/ui/alert.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "my:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const [household, language, invited] = await Promise.all([householdOf(user), getLanguage(request), hasOpenInvitations(user.id)]);
  const items = household ? await householdActivities(household.id) : [];
  return {
    // Someone named this login for their family, or staff registered one for it: answered on /my/invitations.
    invited,
    hasChildren: Boolean(household?.members.some((member) => member.role === "CHILD")),
    hasFeed: Boolean(household?.calendarTokenHash),
    items: items.map((item) => ({
      ...item,
      activity: {
        ...item.activity,
        title: pick(item.activity.title, language),
        practicalInfo: item.activity.practicalInfo && pick(item.activity.practicalInfo, language).text ? pick(item.activity.practicalInfo, language) : null,
      },
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const parsed = parseWithZod(await request.formData(), { schema: myActivitiesActionSchema });
  if (parsed.status !== "success") return { error: "errors.badRequest" as const, feedUrl: null };
  const household = await householdOf(user);
  if (!household) return { error: "errors.badRequest" as const, feedUrl: null };
  const input = parsed.value;
  try {
    switch (input.intent) {
      case "cancel": {
        const { previous, offered } = await cancelEnrolment({
          enrolmentId: input.enrolmentId,
          actor: { userId: user.id, personId: user.personId, isStaff: false },
        });
        // "The place goes to the next on the waiting list" only when someone was offered it.
        return redirect(`/my?done=${previous === "WAITING" ? "left" : offered > 0 ? "cancelled" : "cancelledNoQueue"}`);
      }
      case "accept":
      case "decline": {
        const answer = await answerOffer({ offerId: input.offerId, householdId: household.id }, input.intent);
        return redirect(`/my?done=offer-${answer}`);
      }
      case "createFeed":
        return { error: null, feedUrl: appUrl(await createCalendarFeed(household.id)) };
      case "revokeFeed":
        await revokeCalendarFeed(household.id);
        return redirect("/my?done=feedRevoked");
    }
  } catch (error) {
    if (error instanceof EnrolmentError) return { error: `activity:errors.${error.code}` as const, feedUrl: null };
    throw error;
  }
}

function Flash() {
  const { t } = useTranslation("my");
  const [params] = useSearchParams();
  const done = params.get("done");
  if (!done) return null;
  const key = `done.${done}`;
  return <Notice>{t(key, { position: params.get("position") ?? "", defaultValue: "" })}</Notice>;
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

/** "Are you sure?" — shown after the first tap, so one slip never gives a place away. */
// Focus moves into the box when it opens (with JavaScript; without, the link's #confirm takes the reader there), so a
// screen reader reads the question and the next Tab reaches "yes".
function Confirm({ question, intent, field, value }: { question: string; intent: string; field: string; value: string }) {
  const { t } = useTranslation("my");
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} id="confirm" tabIndex={-1} role="alertdialog" aria-label={question} className="space-y-2 rounded-lg border-2 border-red-700 bg-red-50 p-3">
      <p className="font-semibold">{question}</p>
      <div className="flex flex-wrap gap-2">
        <Form method="post" action="/my">
          <input type="hidden" name={field} value={value} />
          <Button type="submit" name="intent" value={intent} variant="danger">
            {t("confirm.yes")}
          </Button>
        </Form>
        <Link
          to="/my"
          preventScrollReset
          className="inline-flex min-h-12 items-center rounded-lg border-2 border-brand-700 bg-white px-5 font-semibold no-underline"
        >
          {t("confirm.no")}
        </Link>
      </div>
    </div>
  );
}

function SignUpCard({ item }: { item: Item }) {
  const { t } = useTranslation("my");
  const [params] = useSearchParams();
  const confirm = params.get("confirm");
  const language = useLanguage();
  const navigation = useNavigation();
  const next = item.next;
  return (
    <li className="space-y-3 rounded-xl border-2 border-slate-200 p-4">
      <h2 className="text-lg font-bold">
        <Link to={`/activities/${item.activity.slug}`} lang={item.activity.title.language}>
          {item.activity.title.text}
        </Link>
      </h2>
      <p className="text-sm">
        <ScheduleSummary summary={item.schedule} />
      </p>
      {next ? (
        <div className="space-y-1 rounded-lg bg-brand-50 p-3 text-sm">
          <p className="font-semibold">
            {t("next", {
              date: formatDate(new Date(next.startsAt), language),
              time: formatTimeRange(new Date(next.startsAt), new Date(next.endsAt), language),
            })}
          </p>
          <p>
            {t("nextPlace")} <bdi>{next.place}</bdi>
            {item.sessions.length > 1 ? ` · ${t("sessionsLeft", { n: item.sessions.length })}` : ""}
          </p>
          {item.activity.practicalInfo ? (
            <p>
              {t("nextBring")}{" "}
              <span className="whitespace-pre-line" lang={item.activity.practicalInfo.language}>
                {item.activity.practicalInfo.text}
              </span>
            </p>
          ) : null}
        </div>
      ) : null}
      {item.offer ? (
        <div className="space-y-2 rounded-lg border-2 border-accent-500 bg-amber-50 p-3">
          <p className="font-semibold">{t("offer.text", { date: formatDateTime(new Date(item.offer.expiresAt), language) })}</p>
          {confirm === item.offer.id ? (
            <Confirm question={t("confirm.decline")} intent="decline" field="offerId" value={item.offer.id} />
          ) : (
            <div className="flex flex-wrap gap-2">
              <Form method="post">
                <input type="hidden" name="offerId" value={item.offer.id} />
                <Button type="submit" name="intent" value="accept" pending={navigation.state !== "idle"}>
                  {t("offer.accept")}
                </Button>
              </Form>
              <Link
                to={`/my?confirm=${item.offer.id}#confirm`}
                preventScrollReset
                className="inline-flex min-h-12 items-center rounded-lg border-2 border-brand-700 bg-white px-5 font-semibold no-underline"
              >
                {t("offer.decline")}
              </Link>
            </div>
          )}
        </div>
      ) : null}
      <ul className="divide-y divide-slate-200">
        {item.people.map((person) => (
          <li key={person.enrolmentId} className="space-y-2 py-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <p className="font-semibold">{person.name}</p>
                <p className={`text-sm font-semibold ${person.status === "CONFIRMED" ? "text-brand-800" : "text-amber-900"}`}>
                  {person.status === "CONFIRMED"
                    ? t("status.confirmed")
                    : person.status === "OFFERED"
                      ? t("status.offered")
                      : t("status.waiting", { position: person.position ?? "" })}
                </p>
              </div>
              {person.mayCancel ? (
                confirm === person.enrolmentId ? null : (
                  <Link
                    to={`/my?confirm=${person.enrolmentId}#confirm`}
                    preventScrollReset
                    className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 px-3 text-sm font-semibold no-underline"
                  >
                    {person.status === "CONFIRMED" ? t("cancelFor", { name: person.name }) : t("leaveListFor", { name: person.name })}
                  </Link>
                )
              ) : (
                <p className="text-sm text-slate-700">{t("tooLateToCancel")}</p>
              )}
            </div>
            {person.status === "CONFIRMED" && item.absenceSession ? <AbsenceQuick session={item.absenceSession} person={person} /> : null}
            {confirm === person.enrolmentId ? (
              <Confirm
                question={person.status === "CONFIRMED" ? t("confirm.cancel", { name: person.name }) : t("confirm.leave", { name: person.name })}
                intent="cancel"
                field="enrolmentId"
                value={person.enrolmentId}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {item.hasConfirmed ? (
        <a href={`/my/calendar/${item.signUpId}.ics`} className="inline-flex min-h-11 items-center" download>
          {t("addToCalendar")}
        </a>
      ) : null}
      {item.cancelDeadline && item.people.some((person) => person.status === "CONFIRMED" && person.mayCancel) ? (
        <p className="text-sm text-slate-700">
          {t("cancelBy", { date: formatDate(new Date(item.cancelDeadline), language), time: formatTime(new Date(item.cancelDeadline), language) })}
        </p>
      ) : null}
    </li>
  );
}

function CalendarFeed() {
  const { t } = useTranslation("my");
  const { hasFeed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const feedUrl = result?.feedUrl ?? null;
  return (
    <section aria-labelledby="feed-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="feed-heading" className="text-xl font-bold">
        {t("feed.title")}
      </h2>
      <p>{t("feed.intro")}</p>
      {feedUrl ? (
        <div className="space-y-2 rounded-lg bg-brand-50 p-3">
          <p className="font-semibold">{t("feed.created")}</p>
          <a
            href={feedUrl.replace(/^https?:/, "webcal:")}
            className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 font-semibold text-white no-underline"
          >
            {t("feed.subscribe")}
          </a>
          <p className="text-sm">{t("feed.copy")}</p>
          <p className="break-all rounded bg-white p-2 font-mono text-sm" dir="ltr" data-testid="feed-url">
            {feedUrl}
          </p>
        </div>
      ) : null}
      <Form method="post" className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="createFeed" variant={hasFeed ? "secondary" : "primary"}>
          {hasFeed ? t("feed.renew") : t("feed.create")}
        </Button>
        {hasFeed ? (
          <Button type="submit" name="intent" value="revokeFeed" variant="secondary">
            {t("feed.revoke")}
          </Button>
        ) : null}
      </Form>
    </section>
  );
}

export default function MyActivities() {
  const { t } = useTranslation("my");
  const { items, hasChildren, invited } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Flash />
      {invited ? (
        <p className="rounded-lg border-2 border-accent-500 bg-amber-50 p-3">
          <Link to="/my/invitations" className="inline-flex min-h-11 items-center font-semibold">
            {t("household:invitations.banner")}
          </Link>
        </p>
      ) : null}
      {result?.error ? <Alert>{t(result.error)}</Alert> : null}
      {items.length === 0 ? (
        <div className="space-y-3 rounded-xl bg-brand-50 p-4">
          <p>{hasChildren ? t("empty") : t("emptyNoChildren")}</p>
          <div className="flex flex-wrap gap-2">
            <ButtonLink to="/activities">{t("findActivities")}</ButtonLink>
            {!hasChildren ? (
              <Link
                to="/my/household/children/new"
                className="inline-flex min-h-12 items-center rounded-lg border-2 border-brand-700 px-5 font-semibold no-underline"
              >
                {t("addChild")}
              </Link>
            ) : null}
          </div>
        </div>
      ) : (
        <ul className="space-y-4">
          {items.map((item) => (
            <SignUpCard key={item.activity.slug} item={item} />
          ))}
        </ul>
      )}
      <p>
        <Link to="/my/household" className="inline-flex min-h-11 items-center">
          {t("manageFamily")}
        </Link>
      </p>
      <CalendarFeed />
    </div>
  );
}
