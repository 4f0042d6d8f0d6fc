// One i18next instance per language and translations, not one per page (issue 21: building one was 9 % of a page).
import { renderToString } from "react-dom/server";
import { useTranslation } from "react-i18next";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "./i18n-react.tsx";
import { clientNamespacesFor } from "./i18n.ts";
import { clientResources } from "./i18n.server.ts";

describe("translations on the server", () => {
  it("hands every request of a language and area the same translations, and the provider reuses its instance", () => {
    expect(clientResources("ar", clientNamespacesFor("/activities"))).toBe(clientResources("ar", clientNamespacesFor("/activities/x")));
    expect(clientResources("ar", clientNamespacesFor("/activities"))).not.toBe(clientResources("da", clientNamespacesFor("/activities")));
    const seen: unknown[] = [];
    function Probe() {
      const { t, i18n } = useTranslation();
      seen.push(i18n);
      return <span>{t("nav.activities")}</span>;
    }
    const render = (language: "da" | "ar") =>
      renderToString(
        <I18nProvider language={language} resources={clientResources(language, clientNamespacesFor("/activities"))}>
          <Probe />
        </I18nProvider>,
      );
    const first = render("ar");
    expect(render("ar")).toBe(first);
    expect(render("da")).not.toBe(first);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
  });
});
