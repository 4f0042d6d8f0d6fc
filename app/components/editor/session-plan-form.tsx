// The form that adds sessions from a plan: single dates, days in a row (a
// camp) or a weekly series, with periods to skip (holidays) and the option
// to skip the school holidays. "Show the dates" previews without saving.
// Without JavaScript every part is shown; with it, only the parts the
// chosen kind uses.
import { getFormProps, getInputProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, RadioGroup } from "~/components/ui/choice.tsx";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { type sessionPlanSchema } from "~/domain/activities/editor-schemas.ts";
import type { SkippedDay } from "~/domain/activities/series.ts";
import { formatDay, formatNumber, formatWhen } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { intlLocale } from "~/lib/i18n.ts";
import { asList } from "~/components/ui/conform.ts";
import { CheckboxGroup } from "./checkbox-group.tsx";
import { Problem } from "./editor-parts.tsx";

export type PlanDefaults = DefaultValue<z.input<typeof sessionPlanSchema>>;
export type PlanPreview = { sessions: { day: string; startsAt: Date; endsAt: Date }[]; skipped: SkippedDay[]; existing: string[] };

/** Slots for single dates and skipped periods: enough for a term's exceptions; more can be added in a second round. */
const DATE_SLOTS = 6;
const SKIP_SLOTS = 3;

function weekdayNames(language: ReturnType<typeof useLanguage>) {
  const format = new Intl.DateTimeFormat(intlLocale(language), { weekday: "long", timeZone: "UTC" });
  // 1 January 2024 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ value: String(weekday), label: format.format(new Date(Date.UTC(2024, 0, weekday))) }));
}

function Preview({ preview }: { preview: PlanPreview }) {
  const { t } = useTranslation("editor");
  const language = useLanguage();
  const existing = new Set(preview.existing);
  return (
    <div role="status" className="space-y-2 rounded-xl border-2 border-brand-700 bg-brand-50 p-3">
      <p className="font-semibold">{t("plan.previewCount", { number: formatNumber(preview.sessions.length, language) })}</p>
      {preview.sessions.length ? (
        <ol className="list-decimal space-y-0.5 ps-6">
          {preview.sessions.map((session) => (
            <li key={session.day}>
              {formatWhen(new Date(session.startsAt), new Date(session.endsAt), language)}
              {existing.has(session.day) ? ` (${t("plan.alreadyThere")})` : null}
            </li>
          ))}
        </ol>
      ) : null}
      {preview.skipped.length ? (
        <>
          <p className="font-semibold">{t("plan.skippedCount", { number: formatNumber(preview.skipped.length, language) })}</p>
          <ul className="list-disc ps-6">
            {preview.skipped.map((skipped) => (
              <li key={skipped.day}>
                {formatDay(skipped.day, language)} – {skipped.reason === "schoolHoliday" ? t("plan.reasonHoliday") : t("plan.reasonSkipped")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function SessionPlanForm(props: {
  lastResult: SubmissionResult<string[]> | undefined;
  preview: PlanPreview | undefined;
  defaultValue: PlanDefaults;
  pending: boolean;
}) {
  const { t } = useTranslation("editor");
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof sessionPlanSchema>, z.output<typeof sessionPlanSchema>>({
    id: "session-plan",
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
  });
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // The preview (or a refusal for the whole plan) is read where the form starts: bring it into view and focus after the answer.
  const feedback = useRef<HTMLDivElement>(null);
  const hasFeedback = Boolean(props.preview || form.errors?.length);
  useEffect(() => {
    if (hasFeedback && feedback.current) {
      feedback.current.focus();
      feedback.current.scrollIntoView({ block: "start" });
    }
  }, [props.lastResult, hasFeedback]);
  const kind = fields.kind.value;
  const hide = (...kinds: string[]) => hydrated && Boolean(kind) && !kinds.includes(kind!);
  const tr = errorTexts(t);
  const dates = (fields.dates.initialValue ?? []) as unknown as (string | undefined)[];
  const skips = (fields.skip.initialValue ?? []) as unknown as ({ from?: string; until?: string } | undefined)[];
  const slotId = (name: string) => `${form.id}-${name.replace(/[[\].]/g, "-")}`;
  const slot = (name: string, label: string, value: string | undefined, hint?: string) => (
    <Field key={name} id={slotId(name)} name={name} type="date" label={label} hint={hint} defaultValue={value ?? ""} errors={tr(form.allErrors[name])} />
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <div ref={feedback} tabIndex={-1} className="space-y-2 scroll-mt-4">
        {form.errors?.length ? <Problem>{tr(form.errors)?.join(" ")}</Problem> : null}
        {props.preview ? <Preview preview={props.preview} /> : null}
      </div>
      <RadioGroup
        id={fields.kind.id}
        name={fields.kind.name}
        legend={t("plan.kind")}
        defaultValue={fields.kind.initialValue}
        options={[
          { value: "dates", label: t("plan.kindDates") },
          { value: "consecutiveDays", label: t("plan.kindConsecutive") },
          { value: "weekly", label: t("plan.kindWeekly") },
        ]}
        errors={tr(fields.kind.errors)}
      />
      <fieldset className="space-y-1">
        <legend className="font-semibold">{t("plan.times")}</legend>
        <div className="grid grid-cols-2 gap-x-4">
          <Field
            {...getInputProps(fields.startTime, { type: "time" })}
            id={fields.startTime.id}
            label={t("plan.startTime")}
            errors={tr(fields.startTime.errors)}
          />
          <Field {...getInputProps(fields.endTime, { type: "time" })} id={fields.endTime.id} label={t("plan.endTime")} errors={tr(fields.endTime.errors)} />
        </div>
      </fieldset>
      <fieldset className="space-y-1 rounded-xl border border-slate-200 p-3" hidden={hide("dates")}>
        <legend className="px-1 font-semibold">{t("plan.dates")}</legend>
        <p className="text-sm text-slate-700">{t("plan.datesHint")}</p>
        <div className="grid gap-x-4 sm:grid-cols-3">
          {Array.from({ length: DATE_SLOTS }, (_, i) => slot(`dates[${i}]`, t("plan.dateN", { n: i + 1 }), dates[i]))}
        </div>
        <p id={`${fields.dates.id}-error`} className="min-h-6 text-sm font-semibold text-red-800" aria-live="polite">
          {tr(fields.dates.errors)?.join(" ")}
        </p>
      </fieldset>
      <fieldset className="space-y-1 rounded-xl border border-slate-200 p-3" hidden={hide("consecutiveDays", "weekly")}>
        <legend className="px-1 font-semibold">{t("plan.period")}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field {...getInputProps(fields.from, { type: "date" })} id={fields.from.id} label={t("plan.from")} errors={tr(fields.from.errors)} />
          <Field
            {...getInputProps(fields.until, { type: "date" })}
            id={fields.until.id}
            label={t("plan.until")}
            hint={t("plan.untilHint")}
            errors={tr(fields.until.errors)}
          />
        </div>
      </fieldset>
      <div className="space-y-3 rounded-xl border border-slate-200 p-3" hidden={hide("weekly")}>
        <CheckboxGroup
          id={fields.weekdays.id}
          name={fields.weekdays.name}
          legend={t("plan.weekdays")}
          options={weekdayNames(language)}
          defaultValue={asList(fields.weekdays.initialValue)}
          errors={tr(fields.weekdays.errors)}
          columns="many"
        />
        <RadioGroup
          id={fields.interval.id}
          name={fields.interval.name}
          legend={t("plan.interval")}
          defaultValue={fields.interval.initialValue ?? "1"}
          options={[
            { value: "1", label: t("plan.everyWeek") },
            { value: "2", label: t("plan.everyOtherWeek") },
          ]}
          errors={tr(fields.interval.errors)}
        />
      </div>
      <fieldset className="space-y-2 rounded-xl border border-slate-200 p-3">
        <legend className="px-1 font-semibold">{t("plan.skip")}</legend>
        <p className="text-sm text-slate-700">{t("plan.skipHint")}</p>
        {Array.from({ length: SKIP_SLOTS }, (_, i) => (
          <fieldset key={i} className="grid gap-x-4 sm:grid-cols-2">
            <legend className="sr-only">{t("plan.skipN", { n: i + 1 })}</legend>
            {slot(`skip[${i}].from`, t("plan.skipFrom", { n: i + 1 }), skips[i]?.from)}
            {slot(`skip[${i}].until`, t("plan.skipUntil", { n: i + 1 }), skips[i]?.until, t("plan.skipUntilHint"))}
          </fieldset>
        ))}
        <Checkbox
          id={fields.skipSchoolHolidays.id}
          name={fields.skipSchoolHolidays.name}
          defaultChecked={fields.skipSchoolHolidays.initialValue === "on"}
          label={t("plan.skipSchoolHolidays")}
          description={t("plan.skipSchoolHolidaysHint")}
        />
      </fieldset>
      <Field
        {...getInputProps(fields.place, { type: "text" })}
        id={fields.place.id}
        label={t("plan.place")}
        hint={t("plan.placeHint")}
        autoComplete="off"
        errors={tr(fields.place.errors)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="preview" variant="secondary" pending={props.pending}>
          {t("plan.preview")}
        </Button>
        <Button type="submit" name="intent" value="add" pending={props.pending}>
          {t("plan.add")}
        </Button>
      </div>
    </Form>
  );
}
