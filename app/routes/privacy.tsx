// What the portal stores about families, why, for how long and who sees it:
// the privacy notice (GDPR art. 13), in plain words in every language.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LegalSection } from "~/components/legal-section.tsx";
import { contactDetails } from "~/lib/env.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "legal:privacy.title");

export function loader() {
  return contactDetails();
}

export default function Privacy() {
  const { t } = useTranslation("legal");
  const contact = useLoaderData<typeof loader>();
  const list = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => t(`privacy.${prefix}${i + 1}`));
  return (
    <article className="max-w-prose space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("privacy.title")}</h1>
      <p className="text-lg">{t("privacy.lead")}</p>
      <LegalSection title={t("privacy.whatTitle")} items={list("what", 6)} />
      <LegalSection title={t("privacy.whyTitle")} items={list("why", 4)} />
      <LegalSection title={t("privacy.whoTitle")} items={list("who", 4)} />
      <LegalSection title={t("privacy.howLongTitle")} items={list("howLong", 2)} />
      <LegalSection title={t("privacy.rightsTitle")}>
        <p>{t("privacy.rights", { email: contact.email, phone: contact.phone })}</p>
      </LegalSection>
    </article>
  );
}
