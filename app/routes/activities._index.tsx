// The catalogue: upcoming activities as cards, narrowed by a GET form whose
// address can be shared. Open to everyone, signed in or not.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityCard } from "~/components/activity-card.tsx";
import { FilterForm } from "~/components/catalogue/filter-form.tsx";
import { catalogueOptions, listActivities, parseCatalogueFilters } from "~/domain/activities/catalogue.server.ts";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { ButtonLink } from "~/components/ui/button.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "activities:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const options = await catalogueOptions(language);
  const filters = parseCatalogueFilters(new URL(request.url).searchParams, {
    types: options.types.map((type) => type.code),
    areas: options.areas.map((area) => area.code),
  });
  const cards = await listActivities(filters, language);
  return { filters, options, cards };
}

function ResultCount({ count }: { count: number }) {
  const { t } = useTranslation("activities");
  const text = count === 0 ? t("results.none") : count === 1 ? t("results.one") : t("results.other", { number: count });
  return (
    <div aria-live="polite" aria-atomic="true">
      <h2 id="results-heading" className="text-xl font-bold">
        {text}
      </h2>
    </div>
  );
}

function EmptyState({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation("activities");
  return (
    <div className="space-y-3 rounded-xl border-2 border-dashed border-slate-400 p-5">
      <p className="text-lg font-semibold">{filtered ? t("empty.filteredTitle") : t("empty.title")}</p>
      <p>{filtered ? t("empty.filteredText") : t("empty.text")}</p>
      {filtered ? <ButtonLink to="/activities">{t("empty.showAll")}</ButtonLink> : null}
    </div>
  );
}

export default function Activities() {
  const { t } = useTranslation("activities");
  const { filters, options, cards } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="text-lg">{t("lead")}</p>
      </div>
      <FilterForm filters={filters} options={options} />
      <section id="results" aria-labelledby="results-heading" className="scroll-mt-4 space-y-4">
        <ResultCount count={cards.length} />
        {cards.length > 0 ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {cards.map((card) => (
              <li key={card.slug}>
                <ActivityCard card={card} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState filtered={Object.keys(filters).length > 0} />
        )}
      </section>
    </div>
  );
}
