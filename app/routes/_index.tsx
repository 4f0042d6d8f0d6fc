// The start page: in plain words what the portal offers, and to whom.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons.tsx";
import { housingAreas } from "~/domain/households/areas.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { ButtonLink } from "~/components/ui/button.tsx";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "home:title"),
  { name: "description", content: "Aktiviteter for børn, unge og familier i Randers' boligområder." },
];

export async function loader(_: LoaderFunctionArgs) {
  const areas = await housingAreas({ planOnly: true });
  return { areas };
}

function Card(props: { icon: string; title: string; text: string; to?: string; cta: string; note?: string }) {
  return (
    <section className="flex flex-col gap-3 rounded-xl border-2 border-brand-100 bg-white p-5 shadow-sm">
      <Icon name={props.icon} className="size-10 text-brand-700" />
      <h2 className="text-xl font-bold">{props.title}</h2>
      <p className="flex-1">{props.text}</p>
      {props.note ? <p className="text-sm text-slate-700">{props.note}</p> : null}
      {props.to ? <ButtonLink to={props.to}>{props.cta}</ButtonLink> : null}
    </section>
  );
}

export default function Index() {
  const { t } = useTranslation("home");
  const { areas } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="text-lg">{t("lead")}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <Card icon="family" title={t("families.title")} text={t("families.text")} to="/activities" cta={t("families.cta")} />
        {/* Pocket-money jobs arrive with their own issue; until then no link to a missing page. */}
        <Card icon="briefcase" title={t("youth.title")} text={t("youth.text")} cta={t("youth.cta")} note={t("comingSoon")} />
        <Card icon="clipboard" title={t("staff.title")} text={t("staff.text")} to="/staff" cta={t("staff.cta")} />
      </div>
      <section className="space-y-2">
        <h2 className="text-xl font-bold">{t("areasTitle")}</h2>
        <p>{t("areasText")}</p>
        <ul className="flex flex-wrap gap-2">
          {areas.map((area) => (
            <li key={area.id} lang="da" className="rounded-full bg-brand-50 px-3 py-1 text-sm">
              {area.name}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
