// Edit an activity (staff and admins; partners may not): the form, publish
// or take out of the catalogue, copy, and cancel with a message to every
// family. Each form posts an `intent`; each intent is one domain call.
import type { z } from "zod";
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityForm } from "~/components/editor/activity-form.tsx";
import { EditorNav, Notice, Problem, StatusBadge } from "~/components/editor/editor-parts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, ErrorText } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { activitySchema, cancelActivitySchema, copyActivitySchema } from "~/domain/activities/editor-schemas.ts";
import {
  activityForEditing,
  cancelActivity,
  copyActivity,
  EditorError,
  editorOptions,
  publishActivity,
  unpublishActivity,
  updateActivity,
} from "~/domain/activities/editor.server.ts";
import { pick } from "~/domain/activities/text.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "editor:edit.title", data?.title.text);

type Intent = "save" | "publish" | "unpublish" | "cancel" | "copy";
type Reply = { intent: Intent; result: SubmissionResult<string[]> };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const [activity, options, language] = await Promise.all([activityForEditing(params.activityId!), editorOptions(params.activityId), getLanguage(request)]);
  if (!activity) notFound();
  return { activity, options, title: pick(activity.title, language) };
}

/** A refusal from the domain as the form's errors (on the field it names, else the whole form). */
function refusal(
  intent: Intent,
  error: unknown,
  submission?: { reply: (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> },
): Reply {
  if (!(error instanceof EditorError)) throw error;
  if (error.code === "activityNotFound") notFound();
  const message = `errors.${error.code}`;
  if (!submission) return { intent, result: { status: "error", error: { "": [message] } } };
  return { intent, result: submission.reply(error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] }) };
}

export async function action({ request, params }: ActionFunctionArgs): Promise<Reply | Response> {
  const user = await requireUser(request, "STAFF");
  const activityId = params.activityId!;
  const formData = await request.formData();
  const intent = formData.get("intent");
  const done = (query: string) => redirect(`/staff/activities/${activityId}/edit?${query}`);
  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: activitySchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      const saved = await updateActivity({ activityId, values: submission.value, actorUserId: user.id });
      return done(`done=saved&offers=${saved.offers}&terms=${saved.changed.includes("terms") ? 1 : 0}`);
    } catch (error) {
      return refusal(intent, error, submission);
    }
  }
  if (intent === "copy") {
    const submission = parseWithZod(formData, { schema: copyActivitySchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      const copy = await copyActivity({ activityId, actorUserId: user.id, shiftWeeks: submission.value.shiftWeeks });
      return redirect(`/staff/activities/${copy.id}/edit?done=copied`);
    } catch (error) {
      return refusal(intent, error, submission);
    }
  }
  if (intent === "cancel") {
    const submission = parseWithZod(formData, { schema: cancelActivitySchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    try {
      const { notified } = await cancelActivity({ activityId, actorUserId: user.id });
      return done(`done=cancelled&notified=${notified}`);
    } catch (error) {
      return refusal(intent, error, submission);
    }
  }
  if (intent === "publish" || intent === "unpublish") {
    try {
      if (intent === "publish") await publishActivity({ activityId, actorUserId: user.id });
      else await unpublishActivity({ activityId, actorUserId: user.id });
      return done(`done=${intent}ed`);
    } catch (error) {
      return refusal(intent, error);
    }
  }
  throw new Response("Bad request", { status: 400 });
}

function DoneNotice() {
  const { t } = useTranslation("editor");
  const language = useLanguage();
  const [params] = useSearchParams();
  const { activity } = useLoaderData<typeof loader>();
  const done = params.get("done");
  if (!done) return null;
  const count = (name: string) => formatNumber(Number(params.get(name) ?? 0), language);
  return (
    <Notice>
      {done === "saved" ? t("done.saved") : null}
      {done === "saved" && params.get("terms") === "1" ? ` ${t("done.termsVersion", { version: activity.termsVersion })}` : null}
      {done === "saved" && Number(params.get("offers")) > 0 ? ` ${t("done.offers", { number: count("offers") })}` : null}
      {done === "published" ? t("done.published") : null}
      {done === "unpublished" ? t("done.unpublished") : null}
      {done === "cancelled" ? t("done.cancelled", { number: count("notified") }) : null}
      {done === "copied" ? t("done.copied") : null}
    </Notice>
  );
}

function MissingTranslations() {
  const { t } = useTranslation("editor");
  const { activity } = useLoaderData<typeof loader>();
  const rows = (["en", "ar"] as const).filter((language) => activity.missing[language].length > 0);
  if (rows.length === 0) return null;
  return (
    <div role="note" className="space-y-1 rounded-lg border-2 border-accent-500 bg-amber-50 p-3">
      <p className="font-semibold">{t("missing.title")}</p>
      <ul className="list-disc ps-6">
        {rows.map((language) => (
          <li key={language}>
            {t(`language.${language}`)}: {activity.missing[language].map((field) => t(`fields.${field}`)).join(", ")}
          </li>
        ))}
      </ul>
      <p className="text-sm">{t("missing.explain")}</p>
    </div>
  );
}

function StatusSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("editor");
  const language = useLanguage();
  const { activity } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const error = reply && (reply.intent === "publish" || reply.intent === "unpublish") ? reply.result.error?.[""] : undefined;
  return (
    <section aria-labelledby="status-heading" className="space-y-2 rounded-xl border border-slate-200 p-4">
      <h2 id="status-heading" className="text-xl font-bold">
        {t("statusSection.title")}
      </h2>
      <p>
        {t("statusSection.now")} <StatusBadge status={activity.status} />
      </p>
      <p>{t("statusSection.upcoming", { number: formatNumber(activity.upcomingSessions, language) })}</p>
      {error?.length ? <Problem>{error.map((key) => t(key)).join(" ")}</Problem> : null}
      <div className="flex flex-wrap items-center gap-3">
        {activity.status === "DRAFT" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <Button type="submit" pending={navigation.state !== "idle"}>
              {t("statusSection.publish")}
            </Button>
          </Form>
        ) : null}
        {activity.status === "PUBLISHED" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="unpublish" />
            <Button type="submit" variant="secondary" pending={navigation.state !== "idle"}>
              {t("statusSection.unpublish")}
            </Button>
          </Form>
        ) : null}
        <Link to={`/staff/activities/${activity.id}/sessions`} className="inline-flex min-h-11 items-center">
          {t("statusSection.sessions")}
        </Link>
        {activity.status === "PUBLISHED" ? (
          <Link to={`/activities/${activity.slug}`} className="inline-flex min-h-11 items-center">
            {t("statusSection.publicPage")}
          </Link>
        ) : null}
      </div>
    </section>
  );
}

function CopySection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("editor");
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof copyActivitySchema>>({
    id: "activity-copy",
    lastResult: reply?.intent === "copy" ? reply.result : undefined,
  });
  return (
    <section aria-labelledby="copy-heading" className="space-y-2 rounded-xl border border-slate-200 p-4">
      <h2 id="copy-heading" className="text-xl font-bold">
        {t("copy.title")}
      </h2>
      <p>{t("copy.intro")}</p>
      {form.errors?.length ? <Problem>{form.errors.map((key) => t(key)).join(" ")}</Problem> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="copy" />
        <Field
          {...getInputProps(fields.shiftWeeks, { type: "number" })}
          id={fields.shiftWeeks.id}
          label={t("copy.shiftWeeks")}
          hint={t("copy.shiftWeeksHint")}
          inputMode="numeric"
          className="max-w-xs"
          errors={fields.shiftWeeks.errors?.map((key) => t(key))}
        />
        <Button type="submit" variant="secondary" pending={navigation.state !== "idle"}>
          {t("copy.submit")}
        </Button>
      </Form>
    </section>
  );
}

function CancelSection({ reply }: { reply: Reply | undefined }) {
  const { t } = useTranslation("editor");
  const language = useLanguage();
  const { activity } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof cancelActivitySchema>>({
    id: "activity-cancel",
    lastResult: reply?.intent === "cancel" ? reply.result : undefined,
  });
  const errors = fields.confirm.errors?.map((key) => t(key));
  return (
    <section aria-labelledby="cancel-heading" className="space-y-2 rounded-xl border-2 border-red-200 p-4">
      <h2 id="cancel-heading" className="text-xl font-bold">
        {t("cancel.title")}
      </h2>
      <p>{t("cancel.intro")}</p>
      {form.errors?.length ? <Problem>{form.errors.map((key) => t(key)).join(" ")}</Problem> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="cancel" />
        <Checkbox
          id={fields.confirm.id}
          name={fields.confirm.name}
          label={t("cancel.confirm", { number: formatNumber(activity.familiesToTell, language) })}
          invalid={Boolean(errors?.length)}
          describedBy={errors?.length ? `${fields.confirm.id}-error` : undefined}
        />
        <ErrorText id={fields.confirm.id} errors={errors} />
        <Button type="submit" variant="secondary" className="border-red-700 text-red-900" pending={navigation.state !== "idle"}>
          {t("cancel.submit")}
        </Button>
      </Form>
    </section>
  );
}

export default function EditActivity() {
  const { t } = useTranslation("editor");
  const { activity, options, title } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const navigation = useNavigation();
  const cancelled = activity.status === "CANCELLED";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <EditorNav activityId={activity.id} current="edit" />
      <h1 className="text-2xl font-bold">
        <span lang={title.language}>{title.text}</span> <StatusBadge status={activity.status} />
      </h1>
      <DoneNotice />
      {cancelled ? <Notice>{t("edit.cancelledNote")}</Notice> : <StatusSection reply={reply} />}
      <MissingTranslations />
      {cancelled ? null : (
        <section aria-labelledby="form-heading" className="space-y-2">
          <h2 id="form-heading" className="text-xl font-bold">
            {t("edit.formTitle")}
          </h2>
          <ActivityForm
            id="activity-edit"
            lastResult={reply?.intent === "save" ? reply.result : undefined}
            defaultValue={activity.values}
            options={options}
            submitLabel={t("edit.submit")}
            pending={navigation.state !== "idle"}
            intent="save"
          />
        </section>
      )}
      <CopySection reply={reply} />
      {cancelled ? null : <CancelSection reply={reply} />}
    </div>
  );
}
