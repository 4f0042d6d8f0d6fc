// An activity's sessions (staff and admins): add sessions from a plan (with
// a preview), move or cancel one session — the families with a place are
// told — or delete one nobody has relied on yet.
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EditorNav, Notice, StatusBadge } from "~/components/editor/editor-parts.tsx";
import { DisclosureMarker } from "~/components/ui/disclosure-marker.tsx";
import { SessionPlanForm, type PlanDefaults, type PlanPreview } from "~/components/editor/session-plan-form.tsx";
import { SessionRow, type SessionReply } from "~/components/editor/session-row.tsx";
import { cancelSessionSchema, deleteSessionSchema, moveSessionSchema, sessionPlanSchema, toSessionPlan } from "~/domain/activities/editor-schemas.ts";
import { addSessions, cancelSession, deleteSession, EditorError, moveSession, previewSessions, sessionsForEditing } from "~/domain/activities/editor.server.ts";
import { pick } from "~/domain/activities/text.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "editor:sessions.title", data ? `${data.title.text} – ${data.sessionsWord}` : undefined);

type PlanReply = { form: "plan"; result: SubmissionResult<string[]>; preview?: PlanPreview };
type Reply = PlanReply | ({ form: "session" } & SessionReply);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const [activity, language] = await Promise.all([sessionsForEditing(params.activityId!), getLanguage(request)]);
  if (!activity) notFound();
  const { translator } = await import("~/lib/i18n.server.ts");
  return { activity, title: pick(activity.title, language), sessionsWord: translator(language, "editor")("sessions.title") };
}

type Replying = { reply: (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> };

/** A refusal from the domain as the form's errors (on the field it names, else the whole form). */
function refusal(error: unknown, submission: Replying): SubmissionResult<string[]> {
  if (!(error instanceof EditorError)) throw error;
  if (error.code === "activityNotFound") notFound();
  const message = `errors.${error.code}`;
  return submission.reply(error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] });
}

export async function action({ request, params }: ActionFunctionArgs): Promise<Reply | Response> {
  const user = await requireUser(request, "STAFF");
  const activityId = params.activityId!;
  const formData = await request.formData();
  const intent = formData.get("intent");
  const done = (query: string) => redirect(`/staff/activities/${activityId}/sessions?${query}`);
  if (intent === "preview" || intent === "add") {
    const submission = parseWithZod(formData, { schema: sessionPlanSchema });
    if (submission.status !== "success") return { form: "plan", result: submission.reply() };
    const plan = toSessionPlan(submission.value);
    try {
      if (intent === "preview") return { form: "plan", result: submission.reply(), preview: await previewSessions({ activityId, plan }) };
      const added = await addSessions({ activityId, plan, place: submission.value.place, actorUserId: user.id });
      return done(`done=added&added=${added.added}&skipped=${added.skipped.length}`);
    } catch (error) {
      return { form: "plan", result: refusal(error, submission) };
    }
  }
  if (intent === "move") {
    const submission = parseWithZod(formData, { schema: moveSessionSchema });
    const sessionId = String(formData.get("sessionId") ?? "");
    if (submission.status !== "success") return { form: "session", intent, sessionId, result: submission.reply() };
    try {
      const moved = await moveSession({ activityId, actorUserId: user.id, ...submission.value });
      return done(`done=moved&notified=${moved.notified}`);
    } catch (error) {
      return { form: "session", intent, sessionId, result: refusal(error, submission) };
    }
  }
  if (intent === "cancel" || intent === "delete") {
    const submission = parseWithZod(formData, { schema: intent === "cancel" ? cancelSessionSchema : deleteSessionSchema });
    const sessionId = String(formData.get("sessionId") ?? "");
    if (submission.status !== "success") return { form: "session", intent, sessionId, result: submission.reply() };
    try {
      if (intent === "delete") {
        await deleteSession({ activityId, sessionId, actorUserId: user.id });
        return done("done=deleted");
      }
      const cancelled = await cancelSession({ activityId, sessionId, actorUserId: user.id });
      return done(`done=cancelled&notified=${cancelled.notified}`);
    } catch (error) {
      return { form: "session", intent, sessionId, result: refusal(error, submission) };
    }
  }
  throw new Response("Bad request", { status: 400 });
}

function DoneNotice() {
  const { t } = useTranslation("editor");
  const language = useLanguage();
  const [params] = useSearchParams();
  const done = params.get("done");
  const number = (name: string) => formatNumber(Number(params.get(name) ?? 0), language);
  if (done === "created") return <Notice>{t("done.created")}</Notice>;
  if (done === "added") {
    return (
      <Notice>
        {t("done.added", { number: number("added") })}
        {Number(params.get("skipped")) > 0 ? ` ${t("done.skipped", { number: number("skipped") })}` : null}
      </Notice>
    );
  }
  if (done === "moved") return <Notice>{t("done.moved", { number: number("notified") })}</Notice>;
  if (done === "cancelled") return <Notice>{t("done.sessionCancelled", { number: number("notified") })}</Notice>;
  if (done === "deleted") return <Notice>{t("done.deleted")}</Notice>;
  return null;
}

/** The form starts from the last weekly plan (times, weekdays, place), if there is one. */
function planDefaults(lastPlan: ReturnType<typeof useLoaderData<typeof loader>>["activity"]["lastPlan"]): PlanDefaults {
  if (!lastPlan || lastPlan.kind !== "weekly") return { interval: "1" };
  return {
    kind: "weekly",
    weekdays: lastPlan.weekdays.map(String),
    interval: String(lastPlan.interval),
    startTime: lastPlan.startTime,
    endTime: lastPlan.endTime,
    place: lastPlan.place ?? "",
  };
}

export default function ActivitySessions() {
  const { t } = useTranslation("editor");
  const language = useLanguage();
  const { activity, title } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const navigation = useNavigation();
  const pending = navigation.state !== "idle";
  const upcoming = activity.sessions.filter((session) => !session.past);
  const past = activity.sessions.filter((session) => session.past);
  const sessionReply = reply?.form === "session" ? reply : undefined;
  const planReply = reply?.form === "plan" ? reply : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <EditorNav activityId={activity.id} current="sessions" />
      <h1 className="text-2xl font-bold">
        <span lang={title.language}>{title.text}</span> – {t("sessions.title")} <StatusBadge status={activity.status} />
      </h1>
      <DoneNotice />
      {activity.status === "CANCELLED" ? <Notice>{t("edit.cancelledNote")}</Notice> : null}
      <section aria-labelledby="upcoming-heading" className="space-y-2">
        <h2 id="upcoming-heading" className="text-xl font-bold">
          {t("sessions.upcoming", { number: formatNumber(upcoming.length, language) })}
        </h2>
        <p className="text-sm text-slate-700">
          {t("sessions.familiesNote", { number: formatNumber(activity.familiesToTell, language), place: activity.place })}
        </p>
        {upcoming.length === 0 ? <p>{t("sessions.none")}</p> : null}
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {upcoming.map((session) => (
            <SessionRow key={session.id} session={session} reply={sessionReply} families={activity.familiesToTell} pending={pending} />
          ))}
        </ol>
      </section>
      {past.length ? (
        <details className="group rounded-xl border border-slate-200">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 font-semibold text-brand-800">
            <DisclosureMarker />
            {t("sessions.past", { number: formatNumber(past.length, language) })}
          </summary>
          <ol className="divide-y divide-slate-200 border-t border-slate-200">
            {past.map((session) => (
              <SessionRow key={session.id} session={session} reply={sessionReply} families={activity.familiesToTell} pending={pending} />
            ))}
          </ol>
        </details>
      ) : null}
      {activity.status === "CANCELLED" ? null : (
        <section aria-labelledby="plan-heading" className="space-y-2 rounded-xl border-2 border-brand-100 p-4">
          <h2 id="plan-heading" className="text-xl font-bold">
            {t("plan.title")}
          </h2>
          <p>{t("plan.intro")}</p>
          <SessionPlanForm lastResult={planReply?.result} preview={planReply?.preview} defaultValue={planDefaults(activity.lastPlan)} pending={pending} />
        </section>
      )}
    </div>
  );
}
