// One session on the sessions page: when and where, and — while it is still
// to come — forms to move it (new date, time or place) or cancel it, both of
// which tell the families with a place. A session nobody can have relied
// on yet (no sign-ups, no attendance) can simply be deleted.
import type { z } from "zod";
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, ErrorText } from "~/components/ui/choice.tsx";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { type cancelSessionSchema, type moveSessionSchema } from "~/domain/activities/editor-schemas.ts";
import { formatNumber, formatWhen } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { DisclosureMarker } from "~/components/ui/disclosure-marker.tsx";
import { Problem } from "./editor-parts.tsx";

export type SessionView = {
  id: string;
  startsAt: Date | string;
  endsAt: Date | string;
  place: string | null;
  cancelledAt: Date | string | null;
  past: boolean;
  day: string;
  startTime: string;
  endTime: string;
  deletable: boolean;
};

export type SessionReply = { intent: "move" | "cancel" | "delete"; sessionId: string; result: SubmissionResult<string[]> };

export function sessionLabel(session: SessionView, language: ReturnType<typeof useLanguage>): string {
  const start = new Date(session.startsAt);
  return formatWhen(start, new Date(session.endsAt), language);
}

function MoveForm({ session, reply, pending }: { session: SessionView; reply: SessionReply | undefined; pending: boolean }) {
  const { t } = useTranslation("editor");
  const [form, fields] = useForm<z.input<typeof moveSessionSchema>>({
    id: `move-${session.id}`,
    lastResult: reply?.intent === "move" ? reply.result : undefined,
    defaultValue: { sessionId: session.id, date: session.day, startTime: session.startTime, endTime: session.endTime, place: session.place ?? "" },
  });
  const tr = errorTexts(t);
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-1">
      <h3 className="font-semibold">{t("session.moveTitle")}</h3>
      {form.errors?.length ? <Problem>{tr(form.errors)?.join(" ")}</Problem> : null}
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name={fields.sessionId.name} value={session.id} />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <Field {...getInputProps(fields.date, { type: "date" })} id={fields.date.id} label={t("session.date")} errors={tr(fields.date.errors)} />
        <Field
          {...getInputProps(fields.startTime, { type: "time" })}
          id={fields.startTime.id}
          label={t("plan.startTime")}
          errors={tr(fields.startTime.errors)}
        />
        <Field {...getInputProps(fields.endTime, { type: "time" })} id={fields.endTime.id} label={t("plan.endTime")} errors={tr(fields.endTime.errors)} />
      </div>
      <Field
        {...getInputProps(fields.place, { type: "text" })}
        id={fields.place.id}
        label={t("session.place")}
        hint={t("session.placeHint")}
        autoComplete="off"
        errors={tr(fields.place.errors)}
      />
      <Button type="submit" size="sm" pending={pending}>
        {t("session.move")}
      </Button>
    </Form>
  );
}

function CancelForm({ session, reply, families, pending }: { session: SessionView; reply: SessionReply | undefined; families: number; pending: boolean }) {
  const { t } = useTranslation("editor");
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof cancelSessionSchema>>({
    id: `cancel-${session.id}`,
    lastResult: reply?.intent === "cancel" ? reply.result : undefined,
  });
  const errors = fields.confirm.errors?.map((error) => t(error));
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-1">
      <h3 className="font-semibold">{t("session.cancelTitle")}</h3>
      {form.errors?.length ? <Problem>{form.errors.map((error) => t(error)).join(" ")}</Problem> : null}
      <input type="hidden" name="intent" value="cancel" />
      <input type="hidden" name={fields.sessionId.name} value={session.id} />
      <Checkbox
        id={fields.confirm.id}
        name={fields.confirm.name}
        label={t("session.confirmCancel", { number: formatNumber(families, language) })}
        invalid={Boolean(errors?.length)}
        describedBy={errors?.length ? `${fields.confirm.id}-error` : undefined}
      />
      <ErrorText id={fields.confirm.id} errors={errors} />
      <Button type="submit" size="sm" variant="secondary" pending={pending}>
        {t("session.cancel")}
      </Button>
    </Form>
  );
}

export function SessionRow(props: { session: SessionView; reply: SessionReply | undefined; families: number; pending: boolean }) {
  const { t } = useTranslation("editor");
  const language = useLanguage();
  const { session } = props;
  const reply = props.reply?.sessionId === session.id ? props.reply : undefined;
  const label = sessionLabel(session, language);
  const open = reply !== undefined && reply.result.status === "error";
  return (
    <li className="space-y-2 p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className={session.cancelledAt ? "line-through" : "font-semibold"}>
          {label}
          {session.place ? <span className="font-normal"> · {session.place}</span> : null}
        </p>
        {session.cancelledAt ? <span className="rounded bg-red-100 px-2 text-sm font-semibold text-red-900">{t("session.cancelled")}</span> : null}
      </div>
      {!session.cancelledAt && !session.past ? (
        <details open={open} className="group rounded-lg border border-slate-200">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 font-semibold text-brand-800">
            <DisclosureMarker />
            {t("session.change")}
            <span className="sr-only"> – {label}</span>
          </summary>
          <div className="space-y-4 border-t border-slate-200 p-3">
            <MoveForm session={session} reply={reply} pending={props.pending} />
            <CancelForm session={session} reply={reply} families={props.families} pending={props.pending} />
          </div>
        </details>
      ) : null}
      {session.deletable ? (
        <Form method="post">
          {reply?.intent === "delete" && reply.result.error?.[""]?.length ? (
            <Problem>{reply.result.error[""].map((error) => t(error)).join(" ")}</Problem>
          ) : null}
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="sessionId" value={session.id} />
          <Button type="submit" size="sm" variant="secondary" aria-label={`${t("session.delete")} – ${label}`} pending={props.pending}>
            {t("session.delete")}
          </Button>
        </Form>
      ) : null}
    </li>
  );
}
