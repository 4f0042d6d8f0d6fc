// The browser and server share one way to get translations into React: the
// root loader sends the active language's client namespaces, and this
// builds an i18next instance from them synchronously (no extra request, the
// same markup on both sides).
import i18next, { type i18n } from "i18next";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, initReactI18next, useTranslation } from "react-i18next";
import { clientNamespaces, type Language } from "./i18n.ts";

export function createI18n(language: Language, resources: Record<string, unknown>): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    resources: { [language]: resources as Record<string, Record<string, string>> },
    ns: [...clientNamespaces],
    defaultNS: "common",
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initImmediate: false,
    react: { useSuspense: false },
  });
  return instance;
}

// One instance per translations object and language, reused: on the server the root loader hands every request
// of a language and area the same object (clientResources), so pages no longer build an i18next instance each
// (issue 21: 9 % of a page's CPU); in the browser the object changes only when the root's data is reloaded.
const instances = new WeakMap<Record<string, unknown>, Map<Language, i18n>>();

function sharedI18n(language: Language, resources: Record<string, unknown>): i18n {
  let byLanguage = instances.get(resources);
  if (!byLanguage) instances.set(resources, (byLanguage = new Map()));
  let instance = byLanguage.get(language);
  if (!instance) byLanguage.set(language, (instance = createI18n(language, resources)));
  return instance;
}

export function I18nProvider(props: { language: Language; resources: Record<string, unknown>; children: ReactNode }) {
  const instance = useMemo(() => sharedI18n(props.language, props.resources), [props.language, props.resources]);
  return <I18nextProvider i18n={instance}>{props.children}</I18nextProvider>;
}

/** The page's language, for Intl formatting in components. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return (i18n.language as Language) ?? "da";
}
