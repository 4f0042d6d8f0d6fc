// Generic form controls beyond a text input: a select, a text area, a
// group of radio buttons and a large checkbox. Each is labelled, describes
// its hint and error to screen readers, and keeps space for the error.
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

function described(id: string, hint: string | undefined, errors: string[] | undefined) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={`${id}-hint`} className="text-sm text-slate-700">
      {text}
    </p>
  ) : null;
}

export function ErrorText({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={`${id}-error`} className="min-h-6 text-sm font-semibold text-red-800" aria-live="polite">
      {errors?.join(" ")}
    </p>
  );
}

const control = (hasError: boolean) => `block min-h-12 w-full rounded-lg border-2 bg-white px-3 text-lg ${hasError ? "border-red-700" : "border-slate-500"}`;

export function SelectField({
  id,
  label,
  hint,
  errors,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <Hint id={id} text={hint} />
      <select
        className={control(Boolean(errors?.length))}
        {...select}
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described(id, hint, errors)}
      >
        {children}
      </select>
      <ErrorText id={id} errors={errors} />
    </div>
  );
}

export function TextareaField({
  id,
  label,
  hint,
  errors,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: string; hint?: string; errors?: string[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <Hint id={id} text={hint} />
      <textarea
        rows={3}
        className={`${control(Boolean(errors?.length))} py-2`}
        {...textarea}
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described(id, hint, errors)}
      />
      <ErrorText id={id} errors={errors} />
    </div>
  );
}

export function RadioGroup(props: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <fieldset className="space-y-1" aria-describedby={described(props.id, props.hint, props.errors)}>
      <legend className="font-semibold">{props.legend}</legend>
      <Hint id={props.id} text={props.hint} />
      <div className="flex flex-wrap gap-2">
        {props.options.map((option) => (
          <label
            key={option.value}
            className="flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 border-slate-300 px-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name={props.name}
              value={option.value}
              defaultChecked={props.defaultValue === option.value}
              className="size-5 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      <ErrorText id={props.id} errors={props.errors} />
    </fieldset>
  );
}

export function Checkbox(props: {
  name: string;
  value?: string;
  label: ReactNode;
  description?: ReactNode;
  defaultChecked?: boolean;
  disabled?: boolean;
  id: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <label
      htmlFor={props.id}
      className={`flex min-h-12 items-start gap-3 rounded-lg border-2 p-3 ${props.disabled ? "border-slate-200 bg-slate-50 text-slate-700" : "cursor-pointer border-slate-300 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"} ${props.invalid ? "border-red-700" : ""}`}
    >
      <input
        id={props.id}
        type="checkbox"
        name={props.name}
        value={props.value ?? "on"}
        defaultChecked={props.defaultChecked}
        disabled={props.disabled}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        className="mt-1 size-6 shrink-0 accent-brand-700"
      />
      <span className="space-y-1">
        <span className="block font-semibold">{props.label}</span>
        {props.description ? <span className="block text-sm">{props.description}</span> : null}
      </span>
    </label>
  );
}
