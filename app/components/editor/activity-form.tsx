// The activity form (new and edit): type and effort area, texts in three
// languages, who may join, sign-up and places, place and contact, partners.
// Validated in the browser when JavaScript runs and always on the server
// (the same schema); what was typed stays on any error.
import { asList } from "~/components/ui/conform.ts";
import { getFormProps, getInputProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, RadioGroup, SelectField } from "~/components/ui/choice.tsx";
import { choiceProps } from "~/components/ui/conform.ts";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { FormSection } from "~/components/ui/form-section.tsx";
import { type activitySchema } from "~/domain/activities/editor-schemas.ts";
import { CheckboxGroup } from "./checkbox-group.tsx";
import { ContactFields, LocalizedOptions, NumberField } from "./form-fields.tsx";
import { LocalizedTextField } from "./localized-text-field.tsx";

export type ActivityFormOptions = {
  types: { id: string; name: unknown }[];
  effortAreas: { id: string; name: unknown }[];
  areas: { id: string; name: string }[];
  programmes: { id: string; name: string }[];
  partners: { id: string; name: string; organisation: string | null }[];
};

export type ActivityFormDefaults = DefaultValue<z.input<typeof activitySchema>>;

/** A form value that may be one string or several (checkboxes sharing a name). */

export function ActivityForm(props: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: ActivityFormDefaults;
  options: ActivityFormOptions;
  submitLabel: string;
  pending: boolean;
  intent?: string;
}) {
  const { t } = useTranslation("editor");
  const [form, fields] = useForm<z.input<typeof activitySchema>, z.output<typeof activitySchema>>({
    id: props.id,
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
  });
  const tr = errorTexts(t);
  const number = (field: (typeof fields)["minAge"], label: string, hint?: string) => <NumberField field={field} label={label} hint={hint} tr={tr} />;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      <FormErrors errors={tr(form.errors)} status={form.status} fixErrors={t("fixErrors")} />

      <FormSection id={`${props.id}-basics`} title={t("sections.basics")}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField {...choiceProps(fields.typeId, tr)} label={t("fields.type")}>
            <option value="">{t("choose")}</option>
            <LocalizedOptions items={props.options.types} />
          </SelectField>
          <SelectField {...choiceProps(fields.effortAreaId, tr)} label={t("fields.effortArea")} hint={t("fields.effortAreaHint")}>
            <option value="">{t("choose")}</option>
            <LocalizedOptions items={props.options.effortAreas} />
          </SelectField>
          <SelectField {...choiceProps(fields.programmeId, tr)} label={t("fields.programme")} hint={t("fields.programmeHint")}>
            <option value="">{t("noProgramme")}</option>
            {props.options.programmes.map((programme) => (
              <option key={programme.id} value={programme.id}>
                {programme.name}
              </option>
            ))}
          </SelectField>
          <Field
            {...getInputProps(fields.newProgramme, { type: "text" })}
            id={fields.newProgramme.id}
            autoComplete="off"
            label={t("fields.newProgramme")}
            hint={t("fields.newProgrammeHint")}
            errors={tr(fields.newProgramme.errors)}
          />
        </div>
      </FormSection>

      <FormSection id={`${props.id}-texts`} title={t("sections.texts")}>
        <p className="text-sm text-slate-700">{t("textsIntro")}</p>
        <LocalizedTextField legend={t("fields.title")} fields={fields.title.getFieldset()} required />
        <LocalizedTextField legend={t("fields.description")} fields={fields.description.getFieldset()} multiline required rows={6} />
        <LocalizedTextField legend={t("fields.practicalInfo")} hint={t("fields.practicalInfoHint")} fields={fields.practicalInfo.getFieldset()} multiline />
        <LocalizedTextField legend={t("fields.terms")} hint={t("fields.termsHint")} fields={fields.terms.getFieldset()} multiline />
      </FormSection>

      <FormSection id={`${props.id}-who`} title={t("sections.who")}>
        <div className="grid grid-cols-2 gap-x-4">
          {number(fields.minAge, t("fields.minAge"))}
          {number(fields.maxAge, t("fields.maxAge"))}
        </div>
        <CheckboxGroup
          id={fields.eligibleAreaIds.id}
          name={fields.eligibleAreaIds.name}
          legend={t("fields.areas")}
          hint={t("fields.areasHint")}
          options={props.options.areas.map((area) => ({ value: area.id, label: area.name }))}
          defaultValue={asList(fields.eligibleAreaIds.initialValue)}
          errors={tr(fields.eligibleAreaIds.errors)}
          columns="two"
        />
        <Checkbox
          id={fields.openToOutsiders.id}
          name={fields.openToOutsiders.name}
          defaultChecked={fields.openToOutsiders.initialValue === "on"}
          label={t("fields.openToOutsiders")}
          description={t("fields.openToOutsidersHint")}
        />
      </FormSection>

      <FormSection id={`${props.id}-places`} title={t("sections.places")}>
        <Checkbox
          id={fields.requiresSignUp.id}
          name={fields.requiresSignUp.name}
          defaultChecked={fields.requiresSignUp.initialValue === "on"}
          label={t("fields.requiresSignUp")}
          description={t("fields.requiresSignUpHint")}
        />
        <Checkbox
          id={fields.asksCollectContacts.id}
          name={fields.asksCollectContacts.name}
          defaultChecked={fields.asksCollectContacts.initialValue === "on"}
          label={t("fields.asksCollectContacts")}
          description={t("fields.asksCollectContactsHint")}
        />
        <div className="grid gap-x-4 pt-3 sm:grid-cols-2">
          {number(fields.capacity, t("fields.capacity"), t("fields.capacityHint"))}
          <RadioGroup
            {...choiceProps(fields.capacityUnit, tr)}
            legend={t("fields.capacityUnit")}
            options={[
              { value: "PERSON", label: t("fields.perPerson") },
              { value: "HOUSEHOLD", label: t("fields.perFamily") },
            ]}
          />
        </div>
        <Field
          {...getInputProps(fields.price, { type: "text" })}
          id={fields.price.id}
          label={t("fields.price")}
          hint={t("fields.priceHint")}
          inputMode="decimal"
          autoComplete="off"
          errors={tr(fields.price.errors)}
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.signUpOpensAt, { type: "datetime-local" })}
            id={fields.signUpOpensAt.id}
            label={t("fields.signUpOpensAt")}
            hint={t("fields.signUpOpensAtHint")}
            errors={tr(fields.signUpOpensAt.errors)}
          />
          <Field
            {...getInputProps(fields.signUpClosesAt, { type: "datetime-local" })}
            id={fields.signUpClosesAt.id}
            label={t("fields.signUpClosesAt")}
            hint={t("fields.signUpClosesAtHint")}
            errors={tr(fields.signUpClosesAt.errors)}
          />
        </div>
        <div className="grid gap-x-4 sm:grid-cols-3">
          {number(fields.cancelDeadlineHours, t("fields.cancelDeadlineHours"), t("fields.cancelDeadlineHoursHint"))}
          {number(fields.offerHoldHours, t("fields.offerHoldHours"), t("fields.offerHoldHoursHint"))}
          {number(fields.reminderHours, t("fields.reminderHours"), t("fields.reminderHoursHint"))}
        </div>
      </FormSection>

      <FormSection id={`${props.id}-where`} title={t("sections.where")}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.place, { type: "text" })}
            id={fields.place.id}
            label={`${t("fields.place")} (${t("required")})`}
            hint={t("fields.placeHint")}
            autoComplete="off"
            errors={tr(fields.place.errors)}
          />
          <Field
            {...getInputProps(fields.address, { type: "text" })}
            id={fields.address.id}
            label={t("fields.address")}
            hint={t("fields.addressHint")}
            autoComplete="off"
            errors={tr(fields.address.errors)}
          />
        </div>
        <ContactFields
          fields={{ name: fields.contactName, phone: fields.contactPhone, email: fields.contactEmail }}
          labels={{
            legend: t("fields.contact"),
            hint: t("fields.contactHint"),
            name: t("fields.contactName"),
            phone: t("fields.contactPhone"),
            email: t("fields.contactEmail"),
          }}
          tr={tr}
        />
      </FormSection>

      <FormSection id={`${props.id}-partners`} title={t("sections.partners")}>
        <CheckboxGroup
          id={fields.partnerIds.id}
          name={fields.partnerIds.name}
          legend={t("fields.partners")}
          hint={t("fields.partnersHint")}
          options={props.options.partners.map((partner) => ({ value: partner.id, label: partner.name, description: partner.organisation ?? undefined }))}
          defaultValue={asList(fields.partnerIds.initialValue)}
          errors={tr(fields.partnerIds.errors)}
          columns="two"
          empty={t("fields.noPartners")}
        />
      </FormSection>

      <div className="border-t border-slate-200 pt-4">
        <Button type="submit" className="w-full sm:w-auto" pending={props.pending}>
          {props.pending ? t("common:form.pending") : props.submitLabel}
        </Button>
      </div>
    </Form>
  );
}
