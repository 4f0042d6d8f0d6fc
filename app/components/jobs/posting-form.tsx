// The job-posting form (staff; new and edit): kind of job, texts in three
// languages, who may apply, pay, positions and deadline, place and contact,
// status. Validated in the browser when JavaScript runs and always on the
// server (the same schema); what was typed stays on any error.
import { getFormProps, getInputProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ContactFields, LocalizedOptions, NumberField } from "~/components/editor/form-fields.tsx";
import { LocalizedTextField } from "~/components/editor/localized-text-field.tsx";
import { Button } from "~/components/ui/button.tsx";
import { RadioGroup, SelectField } from "~/components/ui/choice.tsx";
import { choiceProps } from "~/components/ui/conform.ts";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { FormSection } from "~/components/ui/form-section.tsx";
import { PAY_UNITS, POSTING_STATUSES, type postingSchema } from "~/domain/jobs/posting-schemas.ts";

export type PostingFormOptions = { types: { id: string; name: unknown }[]; organisations: { id: string; name: string }[] };
export type PostingFormDefaults = DefaultValue<z.input<typeof postingSchema>>;

export function PostingForm(props: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: PostingFormDefaults;
  options: PostingFormOptions;
  submitLabel: string;
  pending: boolean;
}) {
  const { t } = useTranslation("jobs");
  const [form, fields] = useForm<z.input<typeof postingSchema>, z.output<typeof postingSchema>>({
    id: props.id,
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
  });
  const tr = errorTexts(t);
  const number = (field: (typeof fields)["minAge"], label: string, hint?: string) => <NumberField field={field} label={label} hint={hint} tr={tr} />;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <FormErrors errors={tr(form.errors)} status={form.status} fixErrors={t("editor.fixErrors")} />

      <FormSection id={`${props.id}-basics`} title={t("editor.sections.basics")}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField {...choiceProps(fields.typeId, tr)} label={t("editor.fields.type")}>
            <option value="">{t("apply.choose")}</option>
            <LocalizedOptions items={props.options.types} />
          </SelectField>
          <SelectField {...choiceProps(fields.organisationId, tr)} label={t("editor.fields.organisation")} hint={t("editor.fields.organisationHint")}>
            <option value="">{t("editor.fields.noOrganisation")}</option>
            {props.options.organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </SelectField>
        </div>
        <RadioGroup
          {...choiceProps(fields.status, tr)}
          legend={t("editor.fields.status")}
          hint={t("editor.fields.statusHint")}
          options={POSTING_STATUSES.map((value) => ({ value, label: t(`postingStatus.${value}`) }))}
        />
      </FormSection>

      <FormSection id={`${props.id}-texts`} title={t("editor.sections.texts")}>
        <p className="text-sm text-slate-700">{t("editor.textsIntro")}</p>
        <LocalizedTextField legend={t("editor.fields.title")} fields={fields.title.getFieldset()} required />
        <LocalizedTextField legend={t("editor.fields.description")} fields={fields.description.getFieldset()} multiline required rows={6} />
        <LocalizedTextField
          legend={t("editor.fields.hoursInfo")}
          hint={t("editor.fields.hoursInfoHint")}
          fields={fields.hoursInfo.getFieldset()}
          multiline
          required
        />
        <LocalizedTextField legend={t("editor.fields.risks")} hint={t("editor.fields.risksHint")} fields={fields.risks.getFieldset()} multiline required />
        <LocalizedTextField legend={t("editor.fields.season")} hint={t("editor.fields.seasonHint")} fields={fields.season.getFieldset()} />
      </FormSection>

      <FormSection id={`${props.id}-terms`} title={t("editor.sections.terms")}>
        <div className="grid grid-cols-2 gap-x-4">
          {number(fields.minAge, t("editor.fields.minAge"))}
          {number(fields.maxAge, t("editor.fields.maxAge"))}
        </div>
        <p className="text-sm text-slate-700">{t("editor.fields.agesHint")}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.pay, { type: "text" })}
            id={fields.pay.id}
            label={t("editor.fields.pay")}
            hint={t("editor.fields.payHint")}
            inputMode="decimal"
            autoComplete="off"
            errors={tr(fields.pay.errors)}
          />
          <RadioGroup
            {...choiceProps(fields.payUnit, tr)}
            legend={t("editor.fields.payUnit")}
            options={PAY_UNITS.map((value) => ({ value, label: t(`editor.payUnit.${value}`) }))}
          />
        </div>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {number(fields.positions, t("editor.fields.positions"))}
          <Field
            {...getInputProps(fields.applicationDeadline, { type: "date" })}
            id={fields.applicationDeadline.id}
            label={t("editor.fields.deadline")}
            hint={t("editor.fields.deadlineHint")}
            errors={tr(fields.applicationDeadline.errors)}
          />
        </div>
      </FormSection>

      <FormSection id={`${props.id}-where`} title={t("editor.sections.where")}>
        <Field
          {...getInputProps(fields.workPlace, { type: "text" })}
          id={fields.workPlace.id}
          label={t("editor.fields.workPlace")}
          autoComplete="off"
          errors={tr(fields.workPlace.errors)}
        />
        <ContactFields
          fields={{ name: fields.contactName, phone: fields.contactPhone, email: fields.contactEmail }}
          labels={{
            legend: t("editor.fields.contact"),
            name: t("editor.fields.contactName"),
            phone: t("editor.fields.contactPhone"),
            email: t("editor.fields.contactEmail"),
          }}
          tr={tr}
        />
      </FormSection>

      <div className="border-t border-slate-200 pt-4">
        <Button type="submit" pending={props.pending}>
          {props.submitLabel}
        </Button>
      </div>
    </Form>
  );
}
