// A labelled input with its hint and error, wired for screen readers
// (aria-describedby, aria-invalid). Space for the error is always kept so
// nothing moves under the user's thumb when it appears.
import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
};

/**
 * A form's error keys (conform's field errors: translation keys of the form's namespace) as the texts a field shows.
 * `const tr = errorTexts(t)`, then `errors={tr(fields.name.errors)}`.
 */
export function errorTexts(t: (key: string) => string) {
  return (errors?: readonly string[] | null): string[] | undefined => errors?.map((key) => t(key));
}

export function Field({ id, label, hint, errors, className = "", ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const hasError = Boolean(errors?.length);
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input
        className={`block min-h-12 w-full rounded-lg border-2 px-3 text-lg ${hasError ? "border-red-700" : "border-slate-500"} focus:border-brand-700`}
        {...input}
        id={id}
        aria-invalid={hasError || undefined}
        aria-describedby={[hintId, hasError ? errorId : null].filter(Boolean).join(" ") || undefined}
      />
      <p id={errorId} className="min-h-6 text-sm font-semibold text-red-800" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
