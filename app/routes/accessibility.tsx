// Tilgængelighedserklæring: the accessibility statement the Danish law on
// public bodies' websites asks for. The official one is published through
// the national tool (was.digst.dk) and links here (README).
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LegalSection } from "~/components/legal-section.tsx";
import { contactDetails } from "~/lib/env.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "legal:accessibility.title");

export function loader() {
  return contactDetails();
}

export default function Accessibility() {
  const { t } = useTranslation("legal");
  const contact = useLoaderData<typeof loader>();
  return (
    <article className="max-w-prose space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("accessibility.title")}</h1>
      <p className="text-lg">{t("accessibility.lead")}</p>
      <LegalSection title={t("accessibility.standardTitle")}>
        <p>{t("accessibility.standard")}</p>
      </LegalSection>
      <LegalSection title={t("accessibility.gapsTitle")} items={[1, 2, 3].map((n) => t(`accessibility.gap${n}`))} />
      <LegalSection title={t("accessibility.contactTitle")}>
        <p>{t("accessibility.contact", { email: contact.email, phone: contact.phone })}</p>
        <p>{t("accessibility.complaint")}</p>
      </LegalSection>
      <p className="text-sm text-slate-700">{t("accessibility.updated")}</p>
    </article>
  );
}
