// Binds a conform field to SelectField or RadioGroup: its id, name, first
// value and errors (translated by the form's `tr`), so each form does not
// spell out the same four props.
type ChoiceField = { id: string; name: string; initialValue?: unknown; errors?: string[] };

export function choiceProps(field: ChoiceField, tr: (errors?: string[]) => string[] | undefined) {
  return { id: field.id, name: field.name, defaultValue: field.initialValue as string | undefined, errors: tr(field.errors) };
}

/** A form value that may be one string or several, as a list (checkbox groups, multi-selects). */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value ? [value] : [];
}
