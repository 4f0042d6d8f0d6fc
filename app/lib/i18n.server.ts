// Server side of i18n: the translations (read once from locales/), the
// language of a request (?lng=, then the `lng` cookie, then Accept-Language)
// and translation functions for loaders, actions and messages.
import fs from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import i18next, { type Resource, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { allNamespaces, clientNamespaces, defaultLanguage, isLanguage, languages, type Language, type Namespace } from "./i18n.ts";

export const LOCALES_DIR = path.resolve(process.env.LOCALES_DIR ?? path.join(process.cwd(), "locales"));

function loadResources(): Resource {
  const resources: Resource = {};
  for (const language of languages) {
    resources[language] = {};
    for (const ns of allNamespaces) {
      const file = path.join(LOCALES_DIR, language, `${ns}.json`);
      resources[language][ns] = JSON.parse(fs.readFileSync(file, "utf8"));
    }
  }
  return resources;
}

export const resources = loadResources();

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...languages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    searchParamKey: "lng",
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { resources, fallbackLng: defaultLanguage, defaultNS: "common", interpolation: { escapeValue: false } },
});

export async function getLanguage(request: Request): Promise<Language> {
  const found = await i18nServer.getLocale(request);
  return isLanguage(found) ? found : defaultLanguage;
}

const bundles = new Map<string, Record<string, unknown>>();

/**
 * The translations a page needs in the browser: the client namespaces of one language. The same object for the
 * same language and namespaces on every request, so the page's i18next instance is made once (i18n-react.tsx).
 */
export function clientResources(language: Language, namespaces: readonly Namespace[] = clientNamespaces): Record<string, unknown> {
  const key = `${language}:${namespaces.join()}`;
  let bundle = bundles.get(key);
  if (!bundle) bundles.set(key, (bundle = Object.fromEntries(namespaces.map((ns) => [ns, resources[language]?.[ns] ?? {}]))));
  return bundle;
}

const fixed = new Map<string, TFunction>();
const instance = i18next.createInstance();
void instance.init({
  resources,
  fallbackLng: defaultLanguage,
  defaultNS: "common",
  ns: [...allNamespaces],
  interpolation: { escapeValue: false },
  initImmediate: false,
});

/** A translation function for a language and namespace, e.g. for messages. */
export function translator(language: Language, ns: Namespace = "common"): TFunction {
  const key = `${language}:${ns}`;
  let t = fixed.get(key);
  if (!t) {
    t = instance.getFixedT(language, ns);
    fixed.set(key, t);
  }
  return t;
}
