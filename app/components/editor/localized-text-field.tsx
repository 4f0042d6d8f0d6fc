// One text of an activity in Danish, English and Arabic: a fieldset with a
// labelled input (or text area) per language, each in its own language and
// direction. An empty translation is marked plainly — families reading that
// language see the Danish text instead — and the mark follows typing.
import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "~/components/ui/choice.tsx";
import { errorTexts } from "~/components/ui/field.tsx";

type Languages = "da" | "en" | "ar";
type TextFields = Record<Languages, FieldMetadata<string | undefined>>;

const direction: Record<Languages, "ltr" | "rtl"> = { da: "ltr", en: "ltr", ar: "rtl" };

export function MissingTranslation({ id }: { id: string }) {
  const { t } = useTranslation("editor");
  return (
    <span id={id} className="inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">
      {t("missingTranslation")}
    </span>
  );
}

export function LocalizedTextField(props: { legend: string; hint?: string; fields: TextFields; multiline?: boolean; required?: boolean; rows?: number }) {
  const { t } = useTranslation("editor");
  const tr = errorTexts(t);
  const danish = props.fields.da.value;
  const hintId = props.hint ? `${props.fields.da.id}-group-hint` : undefined;
  return (
    <fieldset className="space-y-2 rounded-xl border border-slate-200 p-3" aria-describedby={hintId}>
      <legend className="px-1 text-lg font-bold">{props.legend}</legend>
      {props.hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      {(["da", "en", "ar"] as const).map((language) => {
        const field = props.fields[language];
        const errors = tr(field.errors);
        const missing = language !== "da" && Boolean(danish?.trim()) && !field.value?.trim();
        const markId = `${field.id}-missing`;
        const describedBy = [missing ? markId : null, errors?.length ? `${field.id}-error` : null].filter(Boolean).join(" ") || undefined;
        const control = `block w-full rounded-lg border-2 bg-white px-3 text-lg ${errors?.length ? "border-red-700" : "border-slate-500"}`;
        const label = language === "da" && props.required ? `${t(`language.${language}`)} (${t("required")})` : t(`language.${language}`);
        return (
          <div key={language} className="space-y-1">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <label htmlFor={field.id} className="font-semibold">
                {label}
              </label>
              {missing ? <MissingTranslation id={markId} /> : null}
            </div>
            {props.multiline ? (
              <textarea
                {...getTextareaProps(field)}
                rows={props.rows ?? 4}
                lang={language}
                dir={direction[language]}
                className={`${control} min-h-12 py-2`}
                aria-invalid={errors?.length ? true : undefined}
                aria-describedby={describedBy}
              />
            ) : (
              <input
                {...getInputProps(field, { type: "text" })}
                lang={language}
                dir={direction[language]}
                autoComplete="off"
                className={`${control} min-h-12`}
                aria-invalid={errors?.length ? true : undefined}
                aria-describedby={describedBy}
              />
            )}
            <ErrorText id={field.id} errors={errors} />
          </div>
        );
      })}
    </fieldset>
  );
}
