// The application form for a pocket-money job: about you, school, why you
// want the job, when you can work, and a parent's contact. What the portal
// knows already is shown, not asked: a recorded birth date (staff correct
// it), and a parent the household names (the consent goes to them). Validated in the
// browser when JavaScript runs and always on the server (the same schema);
// what was typed stays on any error.
import type { z } from "zod";
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { asList } from "~/components/ui/conform.ts";
import { CheckboxGroup } from "~/components/editor/checkbox-group.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, ErrorText, RadioGroup, SelectField, TextareaField } from "~/components/ui/choice.tsx";
import { choiceProps } from "~/components/ui/conform.ts";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { FormSection } from "~/components/ui/form-section.tsx";
import { type applicationSchema, AVAILABILITY, GUARDIAN_LANGUAGES, MOTIVATION_MAX } from "~/domain/jobs/application-schemas.ts";
import { isolated } from "~/domain/text-rules.ts";
import { formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";

export type ApplicationFormDefaults = { firstName: string; lastName: string; birthDate: string; housingAreaId: string };

export function ApplicationForm(props: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: ApplicationFormDefaults;
  areas: { id: string; name: string; isPlanArea: boolean }[];
  /** A recorded birth date (shown, not asked) and the guardian the household names (then no guardian fields). */
  known: { birthDate: string | null; guardian: boolean; guardianName: string | null };
  pending: boolean;
}) {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { known } = props;
  const [form, fields] = useForm<z.input<typeof applicationSchema>>({
    id: "job-application",
    lastResult: props.lastResult,
    defaultValue: { ...props.defaultValue, guardianLanguage: "da" },
  });
  const tr = errorTexts(t);
  const alreadyApplied = form.errors?.includes("errors.alreadyApplied");
  const finishedErrors = tr(fields.finishedSchool.errors);
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <FormErrors errors={tr(form.errors)} status={form.status} fixErrors={t("apply.fixErrors")}>
        {alreadyApplied ? (
          <>
            {" "}
            <Link to="/my/jobs">{t("posting.seeMyJobs")}</Link>
          </>
        ) : null}
      </FormErrors>

      <FormSection id="apply-you" title={t("apply.sections.you")}>
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
        {known.birthDate ? (
          <div id={fields.birthDate.id} className="mb-4 space-y-1">
            <p className="font-semibold">{t("apply.fields.birthDate")}</p>
            <p>{formatDay(known.birthDate, language)}</p>
            <p className="text-sm text-slate-700">{t("apply.birthDateLocked")}</p>
            <ErrorText id={fields.birthDate.id} errors={tr(fields.birthDate.errors)} />
          </div>
        ) : (
          <Field
            {...getInputProps(fields.birthDate, { type: "date" })}
            id={fields.birthDate.id}
            label={t("apply.fields.birthDate")}
            autoComplete="bday"
            className="max-w-xs"
            errors={tr(fields.birthDate.errors)}
          />
        )}
        <SelectField {...choiceProps(fields.housingAreaId, tr)} label={t("apply.fields.area")}>
          <option value="">{t("apply.choose")}</option>
          {props.areas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.isPlanArea ? area.name : t("apply.outside")}
            </option>
          ))}
        </SelectField>
      </FormSection>

      <FormSection id="apply-school" title={t("apply.sections.school")}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field {...getInputProps(fields.school, { type: "text" })} id={fields.school.id} label={t("apply.fields.school")} errors={tr(fields.school.errors)} />
          <Field
            {...getInputProps(fields.schoolClass, { type: "text" })}
            id={fields.schoolClass.id}
            label={t("apply.fields.schoolClass")}
            // "8.b" between isolates: in an Arabic sentence it would read "b.8".
            hint={t("apply.fields.schoolClassHint", { example: isolated(t("apply.fields.schoolClassExample")) })}
            errors={tr(fields.schoolClass.errors)}
          />
        </div>
        <Checkbox
          id={fields.finishedSchool.id}
          name={fields.finishedSchool.name}
          defaultChecked={fields.finishedSchool.initialValue === "on"}
          label={t("apply.fields.finishedSchool")}
          description={`${t("apply.fields.finishedSchoolHint")} ${t("hiring:hire.schoolMeaning")}`}
          invalid={Boolean(finishedErrors?.length)}
          describedBy={finishedErrors?.length ? `${fields.finishedSchool.id}-error` : undefined}
        />
        <ErrorText id={fields.finishedSchool.id} errors={finishedErrors} />
      </FormSection>

      <FormSection id="apply-why" title={t("apply.sections.why")}>
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
      </FormSection>

      <FormSection id="apply-guardian" title={t("apply.sections.guardian")} intro={t("apply.guardianIntro")}>
        {known.guardian ? (
          <p className="rounded-lg bg-brand-50 p-3">{t("apply.guardianKnown", { name: known.guardianName })}</p>
        ) : (
          <>
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
          </>
        )}
      </FormSection>

      <Button type="submit" className="w-full text-lg sm:w-auto" pending={props.pending}>
        {t("apply.submit")}
      </Button>
    </Form>
  );
}
