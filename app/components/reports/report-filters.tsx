// The report's filters as a plain GET form: works without JavaScript, and
// the address of the result can be bookmarked or sent to a colleague. Its
// period fields, selection options and error list serve the milestone
// pages too.
import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { DisclosureMarker } from "~/components/ui/disclosure-marker.tsx";
import { RadioGroup, SelectField } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { PERIOD_KINDS } from "~/domain/reporting/period.ts";

type Option = { id: string; name: string };
export type SelectionChoices = { effortAreas: Option[]; types: Option[]; programmes: Option[]; activities: Option[] };
type PeriodValues = { kind: string; which: string; day: string; from: string; to: string };

/** The period of a report or of the milestone page: a kind and a day in it, previous or current, or from–to. */
export function PeriodFields({ values, errors }: { values: PeriodValues; errors: (field: string) => string[] | undefined }) {
  const { t } = useTranslation("reports");
  const [kind, setKind] = useState(values.kind);
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  // A date typed with an error stays in sight, whatever the kind.
  const hidden = scripted && kind !== "custom" && !errors("from")?.length && !errors("to")?.length;
  return (
    <div
      className="space-y-2"
      onChange={(event) => {
        const target = event.target as HTMLSelectElement;
        if (target.name === "kind") setKind(target.value);
      }}
    >
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
      {/* The first and last day count only for a custom period: with JavaScript they show only when it is chosen;
          without, they are shown and say so. */}
      <fieldset className="space-y-1 rounded-lg border border-dashed border-slate-400 p-3" hidden={hidden}>
        <legend className="px-1 font-semibold">{t("kind.custom")}</legend>
        <p className="text-sm text-slate-700">{t("filters.customOnly")}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field id="from" name="from" type="date" label={t("filters.from")} defaultValue={values.from} errors={errors("from")} />
          <Field id="to" name="to" type="date" label={t("filters.to")} defaultValue={values.to} errors={errors("to")} />
        </div>
      </fieldset>
    </div>
  );
}

/** The options of a selection select: all, or one effort area, activity type, programme or activity ("kind:id"). */
export function SelectionOptions({ options }: { options: SelectionChoices }) {
  const { t } = useTranslation("reports");
  return (
    <>
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
      {options.programmes.length ? (
        <optgroup label={t("scope.programmes")}>
          {options.programmes.map((option) => (
            <option key={option.id} value={`programme:${option.id}`}>
              {option.name}
            </option>
          ))}
        </optgroup>
      ) : null}
      <optgroup label={t("scope.activities")}>
        {options.activities.map((option) => (
          <option key={option.id} value={`activity:${option.id}`}>
            {option.name}
          </option>
        ))}
      </optgroup>
    </>
  );
}

/** What was wrong with the address's filters (each message once), above the page's form. */
export function QueryErrors({ errors }: { errors: Record<string, string[]> }) {
  const { t } = useTranslation("reports");
  const keys = [...new Set(Object.values(errors).flat())];
  return keys.length ? (
    <Alert>
      <p>{t("errors.title")}</p>
      <ul className="list-disc ps-6">
        {keys.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </Alert>
  ) : null;
}

export type FilterValues = {
  kind: string;
  which: string;
  day: string;
  from: string;
  to: string;
  selection: string;
  mode: string;
};

export function ReportFilters(props: { values: FilterValues; errors: Record<string, string[]>; options: SelectionChoices }) {
  const { t } = useTranslation("reports");
  const { values, options } = props;
  const errors = (field: string) => props.errors[field]?.map((key) => t(key));
  return (
    // Collapsed under one line, so the key figures come first; open when the address's filters had an error.
    <details className="group rounded-xl border-2 border-slate-200" open={Object.keys(props.errors).length > 0 || undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-4 py-2 [&::-webkit-details-marker]:hidden">
        <DisclosureMarker />
        <h2 id="filters-heading" className="text-xl font-bold">
          {t("filters.title")}
        </h2>
      </summary>
      <Form method="get" className="space-y-3 px-4 pb-4" aria-labelledby="filters-heading">
        <fieldset className="space-y-2">
          <legend className="text-lg font-bold">{t("filters.period")}</legend>
          <PeriodFields values={values} errors={errors} />
        </fieldset>
        <SelectField
          id="selection"
          name="selection"
          label={t("filters.selection")}
          defaultValue={values.selection}
          errors={[...(errors("scope") ?? []), ...(errors("scopeId") ?? [])]}
        >
          <SelectionOptions options={options} />
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
    </details>
  );
}
