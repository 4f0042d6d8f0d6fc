// The report's filters as a plain GET form: works without JavaScript, and
// the address of the result can be bookmarked or sent to a colleague.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { RadioGroup, SelectField } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { PERIOD_KINDS } from "~/domain/reporting/period.ts";

type Option = { id: string; name: string };

export type FilterValues = {
  kind: string;
  which: string;
  day: string;
  from: string;
  to: string;
  selection: string;
  mode: string;
};

export function ReportFilters(props: {
  values: FilterValues;
  errors: Record<string, string[]>;
  options: { effortAreas: Option[]; types: Option[]; activities: Option[] };
}) {
  const { t } = useTranslation("reports");
  const { values, options } = props;
  const errors = (field: string) => props.errors[field]?.map((key) => t(key));
  return (
    <Form method="get" className="space-y-3 rounded-xl border-2 border-slate-200 p-4" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="text-xl font-bold">
        {t("filters.title")}
      </h2>
      <fieldset className="space-y-2">
        <legend className="text-lg font-bold">{t("filters.period")}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField id="kind" name="kind" label={t("filters.kind")} defaultValue={values.kind} errors={errors("kind")}>
            {PERIOD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </SelectField>
          <Field id="day" name="day" type="date" label={t("filters.day")} hint={t("filters.dayHint")} defaultValue={values.day} errors={errors("day")} />
        </div>
        <RadioGroup
          id="which"
          name="which"
          legend={t("filters.which")}
          options={[
            { value: "previous", label: t("which.previous") },
            { value: "current", label: t("which.current") },
          ]}
          defaultValue={values.which}
          errors={errors("which")}
        />
        <p className="text-sm text-slate-700">{t("filters.customHint")}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field id="from" name="from" type="date" label={t("filters.from")} defaultValue={values.from} errors={errors("from")} />
          <Field id="to" name="to" type="date" label={t("filters.to")} defaultValue={values.to} errors={errors("to")} />
        </div>
      </fieldset>
      <SelectField
        id="selection"
        name="selection"
        label={t("filters.selection")}
        defaultValue={values.selection}
        errors={[...(errors("scope") ?? []), ...(errors("scopeId") ?? [])]}
      >
        <option value="all">{t("scope.all")}</option>
        <optgroup label={t("scope.effortAreas")}>
          {options.effortAreas.map((option) => (
            <option key={option.id} value={`effortArea:${option.id}`}>
              {option.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t("scope.activityTypes")}>
          {options.types.map((option) => (
            <option key={option.id} value={`activityType:${option.id}`}>
              {option.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t("scope.activities")}>
          {options.activities.map((option) => (
            <option key={option.id} value={`activity:${option.id}`}>
              {option.name}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <RadioGroup
        id="mode"
        name="mode"
        legend={t("filters.mode")}
        hint={t("filters.modeHint")}
        options={[
          { value: "exact", label: t("mode.exact") },
          { value: "shared", label: t("mode.shared") },
        ]}
        defaultValue={values.mode}
        errors={errors("mode")}
      />
      <Button type="submit">{t("filters.submit")}</Button>
    </Form>
  );
}
