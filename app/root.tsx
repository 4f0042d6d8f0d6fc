import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { LanguageSwitcher } from "~/components/language-switcher.tsx";
import { hasRole } from "~/lib/roles.ts";
import { devOutboxEnabled } from "~/lib/env.server.ts";
import { clientNamespacesFor, textDirection, type Language } from "~/lib/i18n.ts";
import { FALLBACK_ERROR } from "~/lib/fallback-error.ts";
import { errorFields, log } from "~/lib/log.server.ts";
import { clientResources, getLanguage, languageCookie } from "~/lib/i18n.server.ts";
import { I18nProvider } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { useNonce } from "~/lib/nonce.tsx";
import { isPrintPage } from "~/lib/print.ts";
import { getAuth } from "~/lib/session.server.ts";
import stylesheet from "~/styles/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Titles of error pages; each route titles its own page. */
export const meta: MetaFunction = ({ matches, error }) => {
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return pageTitle(matches, status === 404 ? "common:error.notFoundTitle" : status === 403 ? "common:error.forbiddenTitle" : "common:error.title");
};

export async function loader({ request }: LoaderFunctionArgs) {
  // Without the database (it restarts) the page still gets its language and translations, so the page's own error
  // shows translated; the route's requireUser meets the same failure and answers with that error page.
  const [language, auth] = await Promise.all([
    getLanguage(request),
    getAuth(request).catch((error: unknown) => {
      log("error", "session.unavailable", errorFields(error));
      return { user: null, sessionToken: null, setCookie: null };
    }),
  ]);
  const user = auth.user;
  const payload = {
    language,
    dir: textDirection(language),
    resources: clientResources(language, clientNamespacesFor(new URL(request.url).pathname)),
    user: user ? { role: user.role, isStaff: hasRole(user, ["STAFF", "PARTNER"]) } : null,
    devOutbox: devOutboxEnabled(),
  };
  const headers = new Headers();
  if (auth.setCookie) headers.append("Set-Cookie", auth.setCookie);
  // A link with ?lng= (e.g. in an Arabic SMS) keeps its language on the next pages.
  if (new URL(request.url).searchParams.has("lng")) headers.append("Set-Cookie", await languageCookie.serialize(language));
  return data(payload, { headers });
}

/** Moving to a page that needs other namespaces (e.g. from the catalogue to a staff page) reloads the root's data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || clientNamespacesFor(currentUrl.pathname) !== clientNamespacesFor(nextUrl.pathname);

export type RootData = Awaited<ReturnType<typeof loader>> extends infer T ? (T extends { data: infer D } ? D : T) : never;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root") as RootData | undefined;
}

/** A page may ask for the width of a laptop's screen (staff tables): `export const handle = { wide: true }`. */
function useWide(): boolean {
  return useMatches().some((match) => (match.handle as { wide?: boolean } | undefined)?.wide === true);
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const root = useRootData();
  const location = useLocation();
  const here = location.pathname + location.search;
  const width = useWide() ? "max-w-7xl" : "max-w-5xl";
  const menu = useRef<HTMLDetailsElement>(null);
  // Every navigation closes the phone's menu: a link followed, a language chosen (its redirect comes back to the same
  // address, so the key, not the address, tells). Without JavaScript every page starts with it closed.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);
  const items = [
    { to: "/activities", label: t("nav.activities"), show: true },
    { to: "/jobs", label: t("nav.jobs"), show: true },
    { to: "/my/jobs", label: t("nav.myJobs"), show: root?.user?.role === "YOUTH" },
    { to: "/my/shifts", label: t("nav.myShifts"), show: root?.user?.role === "YOUTH" },
    { to: "/my", label: t("nav.myActivities"), show: root?.user?.role === "PARENT" },
    { to: "/my/household", label: t("nav.family"), show: root?.user?.role === "PARENT" },
    { to: "/staff", label: t("nav.staff"), show: Boolean(root?.user?.isStaff) },
    { to: "/admin", label: t("nav.admin"), show: root?.user?.role === "ADMIN" },
    { to: "/account", label: t("nav.account"), show: Boolean(root?.user) },
  ].filter((item) => item.show);
  const navLinks = (className: string) =>
    items.map((item) => (
      <li key={item.to}>
        <NavLink to={item.to} end className={`${className} aria-[current=page]:font-bold aria-[current=page]:no-underline`}>
          {item.label}
        </NavLink>
      </li>
    ));
  const signOut = (
    <Form method="post" action="/logout">
      <Button type="submit" variant="secondary" size="sm">
        {t("nav.signOut")}
      </Button>
    </Form>
  );
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10 focus:bg-white focus:p-3">
        {t("skipToContent")}
      </a>
      <header className="relative border-b border-brand-100 bg-brand-50">
        <div className={`mx-auto flex ${width} flex-wrap items-center justify-between gap-x-2 gap-y-1 px-3 py-1 md:gap-x-4 md:px-4 md:py-3`}>
          <Link to="/" className="flex min-h-11 flex-col justify-center no-underline">
            <span className="text-base font-bold text-brand-800 md:text-lg">{t("appName")}</span>
            {/* The programme's name on a wide screen only: on a phone the first screen is for the page. */}
            <span className="hidden text-xs text-slate-700 md:block">{t("programme")}</span>
          </Link>
          <div className="flex items-center gap-2">
            {root?.user ? (
              <div className="hidden md:block">{signOut}</div>
            ) : (
              <ButtonLink to={`/login?redirectTo=${encodeURIComponent(here)}`} size="sm" className="md:min-h-12 md:px-5 md:text-base">
                {t("nav.signIn")}
              </ButtonLink>
            )}
            {/* A phone: the menu, the languages and signing out behind one button; a <details> works without JavaScript. */}
            <details ref={menu} data-menu className="group md:hidden">
              <summary className="flex min-h-11 min-w-11 cursor-pointer list-none items-center gap-2 rounded-lg border-2 border-brand-700 bg-white px-3 font-semibold text-brand-800 [&::-webkit-details-marker]:hidden">
                <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                  <path d="M4 6h16M4 12h16M4 18h16" className="group-open:hidden" />
                  <path d="M6 6l12 12M18 6 6 18" className="hidden group-open:block" />
                </svg>
                {t("nav.menu")}
              </summary>
              <div className="absolute inset-x-0 top-full z-20 space-y-3 border-b-2 border-brand-700 bg-brand-50 px-4 py-3 shadow-lg">
                <nav aria-label={t("nav.mainMenu")}>
                  <ul className="flex flex-col">{navLinks("flex min-h-11 items-center px-1")}</ul>
                </nav>
                <LanguageSwitcher current={root?.language ?? "da"} redirectTo={here} />
                {root?.user ? signOut : null}
              </div>
            </details>
          </div>
        </div>
        <div className="hidden md:block">
          <nav aria-label={t("nav.mainMenu")} className={`mx-auto ${width} px-2`}>
            <ul className="flex flex-wrap items-center gap-x-1">{navLinks("inline-flex min-h-11 items-center px-2")}</ul>
          </nav>
          <div className={`mx-auto ${width} px-4 pb-2`}>
            <LanguageSwitcher current={root?.language ?? "da"} redirectTo={here} />
          </div>
        </div>
      </header>
      <main id="main" className={`mx-auto w-full ${width} flex-1 px-4 py-6`}>
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-slate-50">
        <div className={`mx-auto ${width} space-y-1 px-4 py-6 text-sm text-slate-700`}>
          <p className="font-semibold">{t("footer.organisation")}</p>
          <p>{t("footer.contact")}</p>
          <p>{t("footer.funding")}</p>
          <ul className="flex flex-wrap gap-x-6 gap-y-1 pt-2">
            <li>
              <Link to="/privacy" className="inline-flex min-h-11 items-center underline">
                {t("footer.privacy")}
              </Link>
            </li>
            <li>
              <Link to="/accessibility" className="inline-flex min-h-11 items-center underline">
                {t("footer.accessibility")}
              </Link>
            </li>
          </ul>
        </div>
      </footer>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRootData();
  const language: Language = root?.language ?? "da";
  const nonce = useNonce();
  const printPage = isPrintPage(useMatches());
  useEffect(() => {
    // Browser tests wait for this before clicking: a click before hydration is lost.
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={language} dir={root?.dir ?? "ltr"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5a53" />
        <Meta />
        <Links />
      </head>
      <body className={printPage ? "print-page-body" : undefined}>
        {root ? (
          <I18nProvider language={language} resources={root.resources}>
            <Shell>{children}</Shell>
          </I18nProvider>
        ) : (
          children
        )}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const root = useRootData();
  if (!root) {
    // No root data: an action failed before any loader ran (e.g. the database is restarting), or the root loader
    // itself failed. The language is unknown here, so the page says it in all three (the texts of common.json's
    // error.title and error.generic).
    return (
      <main className="space-y-4 p-6">
        <title>Aktivitetsportalen</title>
        {FALLBACK_ERROR.map(([language, title, text]) => (
          <div key={language} lang={language} dir={language === "ar" ? "rtl" : "ltr"}>
            <h1 className="text-2xl font-bold">{title}</h1>
            <p>{text}</p>
          </div>
        ))}
      </main>
    );
  }
  return <TranslatedError />;
}

function TranslatedError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 404
      ? [t("error.notFoundTitle"), t("error.notFound")]
      : status === 403
        ? [t("error.forbiddenTitle"), t("error.forbidden")]
        : [t("error.title"), t("error.generic")];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </div>
  );
}
