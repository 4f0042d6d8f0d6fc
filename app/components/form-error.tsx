import { useTranslation } from "react-i18next";

/** A form-level error (not tied to one field), announced to screen readers. */
export function FormError({ errors, ns }: { errors?: string[]; ns: string }) {
  const { t } = useTranslation(ns);
  if (!errors?.length) return null;
  return (
    <div role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
      {errors.map((error) => (
        <p key={error}>{t(error)}</p>
      ))}
    </div>
  );
}
