// A group of checkboxes sharing one name (housing areas, partners,
// weekdays): a fieldset with a legend, an optional hint, and the group's
// error. Each box is a large, labelled touch target (ui/Checkbox).
import { Checkbox, ErrorText } from "~/components/ui/choice.tsx";

export function CheckboxGroup(props: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string; description?: string }[];
  defaultValue?: readonly string[];
  errors?: string[];
  columns?: "one" | "two" | "many";
  empty?: string;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.errors?.length ? `${props.id}-error` : null;
  const grid = props.columns === "many" ? "grid-cols-2 sm:grid-cols-4" : props.columns === "two" ? "sm:grid-cols-2" : "";
  return (
    <fieldset className="space-y-1" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="font-semibold">{props.legend}</legend>
      {props.hint ? (
        <p id={hintId!} className="text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      {props.options.length === 0 && props.empty ? <p className="text-sm">{props.empty}</p> : null}
      <div className={`grid gap-2 ${grid}`}>
        {props.options.map((option) => (
          <Checkbox
            key={option.value}
            id={`${props.id}-${option.value}`}
            name={props.name}
            value={option.value}
            label={option.label}
            description={option.description}
            defaultChecked={props.defaultValue?.includes(option.value)}
            invalid={Boolean(props.errors?.length)}
          />
        ))}
      </div>
      <ErrorText id={props.id} errors={props.errors} />
    </fieldset>
  );
}
