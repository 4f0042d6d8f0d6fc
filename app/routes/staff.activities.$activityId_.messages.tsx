// Write to the families of an activity (or of one session), in up to three
// languages; and the log of every message sent about the activity.
import type { z } from "zod";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, SelectField, TextareaField } from "~/components/ui/choice.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { pick } from "~/domain/activities/text.ts";
import { broadcastCost, broadcastForm, messageLog, sendToParticipants, UnknownSessionError } from "~/domain/staff/broadcast.server.ts";
import { requireActivityAccess } from "~/web/activity-access.server.ts";
import { broadcastSchema } from "~/domain/staff/schemas.ts";
import { formatDate, formatDateTime, formatTime } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { RateLimitedError } from "~/lib/rate-limit.server.ts";
import { Notice } from "~/components/ui/alert.tsx";
import { errorTexts } from "~/components/ui/field.tsx";

/** The provider's states that mean the phone has the SMS (delivery-reports.server.ts). */
const DELIVERED = new Set(["DELIVERED", "ACCEPTED"]);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:messages.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActivityAccess(request, params.activityId);
  const language = await getLanguage(request);
  const activity = await broadcastForm(params.activityId!);
  return { activityId: activity.id, title: pick(activity.title, language), sessions: activity.sessions, log: await messageLog(activity.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireActivityAccess(request, params.activityId);
  const submission = parseWithZod(await request.formData(), { schema: broadcastSchema });
  if (submission.status !== "success") return submission.reply();
  const { da, en, ar, sessionId, includeWaiting, intent, expectedSms } = submission.value;
  const input = { activityId: params.activityId!, sessionId: sessionId ?? null, text: { da, en, ar }, includeWaiting: includeWaiting === "on" };
  try {
    if (intent === "preview") return { ...submission.reply(), cost: await broadcastCost(input) };
    if (expectedSms !== undefined) {
      // Edited after the preview (or the families changed): show the new cost instead of sending at the old one.
      const cost = await broadcastCost(input);
      if (cost.segments !== expectedSms) return { ...submission.reply({ formErrors: ["messages.preview.changed"] }), cost };
    }
    const { queued } = await sendToParticipants({ ...input, actorUserId: user.id });
    // A fresh address after each send: the form is keyed by it, so it starts empty (a preview keeps what was typed).
    return redirect(`/staff/activities/${params.activityId}/messages?sent=${queued}&at=${Date.now().toString(36)}`);
  } catch (error) {
    if (error instanceof RateLimitedError) return submission.reply({ formErrors: ["messages.errors.tooMany"] });
    if (error instanceof UnknownSessionError) return submission.reply({ fieldErrors: { sessionId: ["messages.errors.unknownSession"] } });
    throw error;
  }
}

export default function Messages() {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  // A new form after each send (a new address, "?sent=…&at=…"): the text just sent is not there to be sent twice. A
  // refused form or a preview is answered without a new address, so it keeps what was typed.
  const location = useLocation();
  const [form, fields] = useForm<z.input<typeof broadcastSchema>>({ lastResult });
  const cost = lastResult && "cost" in lastResult ? lastResult.cost : null;
  const tr = errorTexts(t);
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/staff/activities/${data.activityId}`} className="inline-flex min-h-11 items-center">
          {t("attendance.backToRoster")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t("messages.title")}: <span lang={data.title.language}>{data.title.text}</span>
      </h1>
      {params.get("sent") ? <Notice>{t("messages.sent", { n: Number(params.get("sent")) })}</Notice> : null}
      <FormErrors errors={tr(form.errors)} />
      <Form key={location.search} method="post" {...getFormProps(form)} className="space-y-2">
        <p className="text-sm text-slate-700">{t("messages.intro")}</p>
        <TextareaField {...getTextareaProps(fields.da)} id={fields.da.id} label={t("messages.da")} lang="da" errors={tr(fields.da.errors)} />
        <TextareaField {...getTextareaProps(fields.en)} id={fields.en.id} label={t("messages.en")} lang="en" errors={tr(fields.en.errors)} />
        <TextareaField {...getTextareaProps(fields.ar)} id={fields.ar.id} label={t("messages.ar")} lang="ar" dir="rtl" errors={tr(fields.ar.errors)} />
        <SelectField id={fields.sessionId.id} name={fields.sessionId.name} defaultValue={fields.sessionId.initialValue} label={t("messages.about")}>
          <option value="">{t("messages.wholeActivity")}</option>
          {data.sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {formatDate(new Date(session.startsAt), language)} {formatTime(new Date(session.startsAt), language)}
            </option>
          ))}
        </SelectField>
        <Checkbox
          id={fields.includeWaiting.id}
          name={fields.includeWaiting.name}
          label={t("messages.includeWaiting")}
          defaultChecked={fields.includeWaiting.initialValue === "on"}
        />
        {cost ? (
          <section aria-labelledby="cost-heading" className="space-y-1 rounded-lg border-2 border-brand-700 p-3" role="status">
            <h2 id="cost-heading" className="font-bold">
              {t("messages.preview.title")}
            </h2>
            <p>{t("messages.preview.byEmail", { count: cost.byEmail })}</p>
            <p>{t("messages.preview.bySms", { count: cost.bySms })}</p>
            <p className="font-semibold">{t("messages.preview.segments", { count: cost.segments })}</p>
            <p className="text-sm text-slate-700">{t("messages.preview.why")}</p>
            <input type="hidden" name="expectedSms" value={cost.segments} />
          </section>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {cost ? (
            <Button type="submit" name="intent" value="send" pending={navigation.state !== "idle"}>
              {t("messages.send")}
            </Button>
          ) : null}
          <Button type="submit" name="intent" value="preview" variant={cost ? "secondary" : "primary"} pending={navigation.state !== "idle"}>
            {t(cost ? "messages.preview.again" : "messages.preview.button")}
          </Button>
        </div>
      </Form>
      <section aria-labelledby="log-heading" className="space-y-2">
        <h2 id="log-heading" className="text-xl font-bold">
          {t("messages.log")}
        </h2>
        {data.log.length === 0 ? <p>{t("messages.none")}</p> : null}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("print.tableLabel")}>
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-2 text-start">
                  {t("messages.when")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("messages.to")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("messages.what")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("messages.status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.log.map((message) => (
                <tr key={message.id} className="border-b border-slate-200 align-top">
                  <td className="p-2">{formatDateTime(new Date(message.createdAt), language)}</td>
                  <td className="p-2" dir="ltr">
                    {message.recipient} ({t(`privacy:channels.${message.channel}`)},{" "}
                    {t(`common:languageName.${message.language}`, { defaultValue: message.language })})
                  </td>
                  <td className="p-2" dir="auto">
                    {message.subject ?? message.body.slice(0, 80)}
                  </td>
                  <td className="p-2">
                    {message.status === "SENT" && message.deliveryStatus && DELIVERED.has(message.deliveryStatus)
                      ? t("messages.state.DELIVERED")
                      : t(`messages.state.${message.status}`)}
                    {message.status === "FAILED" && message.deliveryStatus ? <> — {t("messages.undelivered")}</> : null}
                    {message.fallbackForId ? <> — {t("messages.fallback")}</> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
