// Pieces shared by the activity form and the job-posting form: a whole-number
// field, the options of a select whose names are stored in three languages,
// and the contact fieldset (name, phone, email). Labels and the error
// translator (`tr`) come from the form, each in its own namespace.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "~/components/ui/field.tsx";
import { pick } from "~/domain/activities/text.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";

type Translate = (errors?: string[]) => string[] | undefined;
type TextField = FieldMetadata<string | undefined>;

export function NumberField(props: { field: FieldMetadata<number | undefined>; label: string; hint?: string; tr: Translate }) {
  const { field } = props;
  return (
    <Field
      {...getInputProps(field, { type: "number" })}
      id={field.id}
      label={props.label}
      hint={props.hint}
      inputMode="numeric"
      errors={props.tr(field.errors)}
    />
  );
}

/** `<option>`s for records named {da, en?, ar?}, in the reader's language. */
export function LocalizedOptions({ items }: { items: { id: string; name: unknown }[] }) {
  const language = useLanguage();
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {pick(item.name, language).text}
    </option>
  ));
}

export function ContactFields(props: {
  fields: { name: TextField; phone: TextField; email: TextField };
  labels: { legend: string; hint?: string; name: string; phone: string; email: string };
  tr: Translate;
}) {
  const { fields, labels, tr } = props;
  return (
    <fieldset className="space-y-1">
      <legend className="font-semibold">{labels.legend}</legend>
      {labels.hint ? <p className="text-sm text-slate-700">{labels.hint}</p> : null}
      <div className="grid gap-x-4 sm:grid-cols-3">
        <Field {...getInputProps(fields.name, { type: "text" })} id={fields.name.id} label={labels.name} autoComplete="off" errors={tr(fields.name.errors)} />
        <Field
          {...getInputProps(fields.phone, { type: "tel" })}
          id={fields.phone.id}
          label={labels.phone}
          autoComplete="off"
          dir="ltr"
          errors={tr(fields.phone.errors)}
        />
        <Field
          {...getInputProps(fields.email, { type: "email" })}
          id={fields.email.id}
          label={labels.email}
          autoComplete="off"
          dir="ltr"
          errors={tr(fields.email.errors)}
        />
      </div>
    </fieldset>
  );
}
