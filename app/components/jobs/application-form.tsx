// The application form for a pocket-money job: about you, school, why you
// want the job, when you can work, and a parent's contact. Validated in the
// browser when JavaScript runs and always on the server (the same schema);
// what was typed stays on any error.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { asList } from "~/components/editor/activity-form.tsx";
import { CheckboxGroup } from "~/components/editor/checkbox-group.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, ErrorText, RadioGroup, SelectField, TextareaField } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { applicationSchema, AVAILABILITY, GUARDIAN_LANGUAGES, MOTIVATION_MAX } from "~/domain/jobs/application-schemas.ts";

export type ApplicationFormDefaults = { firstName: string; lastName: string; birthDate: string; housingAreaId: string };

function Section(props: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className="space-y-2 border-t border-slate-200 pt-4">
      <h2 id={props.id} className="text-xl font-bold">
        {props.title}
      </h2>
      {props.intro ? <p className="text-slate-800">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}

export function ApplicationForm(props: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: ApplicationFormDefaults;
  areas: { id: string; name: string; isPlanArea: boolean }[];
  pending: boolean;
}) {
  const { t } = useTranslation("jobs");
  const [form, fields] = useForm({
    id: "job-application",
    lastResult: props.lastResult,
    defaultValue: { ...props.defaultValue, guardianLanguage: "da" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applicationSchema }),
  });
  const tr = (errors?: string[]) => errors?.map((error) => t(error));
  const alreadyApplied = form.errors?.includes("errors.alreadyApplied");
  const finishedErrors = tr(fields.finishedSchool.errors);
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      {form.errors?.length ? (
        <Alert>
          {tr(form.errors)?.join(" ")}
          {alreadyApplied ? (
            <>
              {" "}
              <Link to="/my/jobs">{t("posting.seeMyJobs")}</Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {form.status === "error" && !form.errors?.length ? <Alert>{t("apply.fixErrors")}</Alert> : null}

      <Section id="apply-you" title={t("apply.sections.you")}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.firstName, { type: "text" })}
            id={fields.firstName.id}
            label={t("apply.fields.firstName")}
            autoComplete="given-name"
            errors={tr(fields.firstName.errors)}
          />
          <Field
            {...getInputProps(fields.lastName, { type: "text" })}
            id={fields.lastName.id}
            label={t("apply.fields.lastName")}
            autoComplete="family-name"
            errors={tr(fields.lastName.errors)}
          />
        </div>
        <Field
          {...getInputProps(fields.birthDate, { type: "date" })}
          id={fields.birthDate.id}
          label={t("apply.fields.birthDate")}
          autoComplete="bday"
          className="max-w-xs"
          errors={tr(fields.birthDate.errors)}
        />
        <SelectField
          id={fields.housingAreaId.id}
          name={fields.housingAreaId.name}
          defaultValue={fields.housingAreaId.initialValue as string | undefined}
          label={t("apply.fields.area")}
          errors={tr(fields.housingAreaId.errors)}
        >
          <option value="">{t("apply.choose")}</option>
          {props.areas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.isPlanArea ? area.name : t("apply.outside")}
            </option>
          ))}
        </SelectField>
      </Section>

      <Section id="apply-school" title={t("apply.sections.school")}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field {...getInputProps(fields.school, { type: "text" })} id={fields.school.id} label={t("apply.fields.school")} errors={tr(fields.school.errors)} />
          <Field
            {...getInputProps(fields.schoolClass, { type: "text" })}
            id={fields.schoolClass.id}
            label={t("apply.fields.schoolClass")}
            hint={t("apply.fields.schoolClassHint")}
            errors={tr(fields.schoolClass.errors)}
          />
        </div>
        <Checkbox
          id={fields.finishedSchool.id}
          name={fields.finishedSchool.name}
          defaultChecked={fields.finishedSchool.initialValue === "on"}
          label={t("apply.fields.finishedSchool")}
          description={t("apply.fields.finishedSchoolHint")}
          invalid={Boolean(finishedErrors?.length)}
          describedBy={finishedErrors?.length ? `${fields.finishedSchool.id}-error` : undefined}
        />
        <ErrorText id={fields.finishedSchool.id} errors={finishedErrors} />
      </Section>

      <Section id="apply-why" title={t("apply.sections.why")}>
        <TextareaField
          {...getTextareaProps(fields.motivation)}
          id={fields.motivation.id}
          label={t("apply.fields.motivation")}
          hint={t("apply.fields.motivationHint", { max: MOTIVATION_MAX })}
          rows={5}
          errors={tr(fields.motivation.errors)}
        />
        <CheckboxGroup
          id={fields.availability.id}
          name={fields.availability.name}
          legend={t("apply.fields.availability")}
          hint={t("apply.fields.availabilityHint")}
          options={AVAILABILITY.map((value) => ({ value, label: t(`availability.${value}`) }))}
          defaultValue={asList(fields.availability.initialValue)}
          errors={tr(fields.availability.errors)}
        />
      </Section>

      <Section id="apply-guardian" title={t("apply.sections.guardian")} intro={t("apply.guardianIntro")}>
        <Field
          {...getInputProps(fields.guardianName, { type: "text" })}
          id={fields.guardianName.id}
          label={t("apply.fields.guardianName")}
          autoComplete="off"
          errors={tr(fields.guardianName.errors)}
        />
        <Field
          {...getInputProps(fields.guardianPhone, { type: "tel" })}
          id={fields.guardianPhone.id}
          label={t("apply.fields.guardianPhone")}
          hint={t("apply.fields.guardianContactHint")}
          autoComplete="off"
          dir="ltr"
          errors={tr(fields.guardianPhone.errors)}
        />
        <Field
          {...getInputProps(fields.guardianEmail, { type: "email" })}
          id={fields.guardianEmail.id}
          label={t("apply.fields.guardianEmail")}
          autoComplete="off"
          dir="ltr"
          errors={tr(fields.guardianEmail.errors)}
        />
        <RadioGroup
          id={fields.guardianLanguage.id}
          name={fields.guardianLanguage.name}
          legend={t("apply.fields.guardianLanguage")}
          options={GUARDIAN_LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))}
          defaultValue={(fields.guardianLanguage.initialValue as string | undefined) ?? "da"}
          errors={tr(fields.guardianLanguage.errors)}
        />
      </Section>

      <Button type="submit" className="w-full text-lg sm:w-auto" pending={props.pending}>
        {t("apply.submit")}
      </Button>
    </Form>
  );
}
