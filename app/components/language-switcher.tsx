// Three buttons, each language named in itself, so a reader who knows none
// of the others finds theirs. A POST (changing a setting is not a GET).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languages, type Language } from "~/lib/i18n.ts";

export function LanguageSwitcher({ current, redirectTo }: { current: Language; redirectTo: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/language" aria-label={t("language.change")} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {languages.map((language) => (
        <button
          key={language}
          type="submit"
          name="language"
          value={language}
          lang={language}
          dir={language === "ar" ? "rtl" : "ltr"}
          aria-current={language === current ? "true" : undefined}
          className={`min-h-11 min-w-11 rounded-full px-3 text-sm ${language === current ? "bg-brand-700 font-semibold text-white" : "text-brand-800 underline underline-offset-2"}`}
        >
          {t(`languageName.${language}`)}
        </button>
      ))}
    </Form>
  );
}
