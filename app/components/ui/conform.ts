// Binds a conform field to SelectField or RadioGroup: its id, name, first
// value and errors (translated by the form's `tr`), so each form does not
// spell out the same four props.
type ChoiceField = { id: string; name: string; initialValue?: unknown; errors?: string[] };

export function choiceProps(field: ChoiceField, tr: (errors?: string[]) => string[] | undefined) {
  return { id: field.id, name: field.name, defaultValue: field.initialValue as string | undefined, errors: tr(field.errors) };
}
