// The catalogue: upcoming activities as cards, narrowed by a GET form whose
// address can be shared. Open to everyone, signed in or not.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
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
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  const { cards, total, pages } = await listActivities(filters, language, new Date(), Math.max(1, Math.floor(page)));
  return { filters, options, cards, total, page: Math.min(Math.max(1, Math.floor(page)), pages), pages };
}

function ResultCount({ count }: { count: number }) {
  const { t } = useTranslation("activities");
  const text = count === 0 ? t("results.none") : t("results.found", { count });
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

/** Previous / next page links that keep the filters (plain links: no JavaScript needed). */
function Paging({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation("activities");
  const location = useLocation();
  if (pages <= 1) return null;
  const to = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target === 1) params.delete("page");
    else params.set("page", String(target));
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}#results`;
  };
  return (
    <nav aria-label={t("paging.label")} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? <ButtonLink to={to(page - 1)}>{t("paging.previous")}</ButtonLink> : <span />}
      <p>{t("paging.position", { page, pages })}</p>
      {page < pages ? <ButtonLink to={to(page + 1)}>{t("paging.next")}</ButtonLink> : <span />}
    </nav>
  );
}

export default function Activities() {
  const { t } = useTranslation("activities");
  const { filters, options, cards, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="text-lg">{t("lead")}</p>
      </div>
      <FilterForm filters={filters} options={options} />
      <section id="results" aria-labelledby="results-heading" className="scroll-mt-4 space-y-4">
        <ResultCount count={total} />
        {cards.length > 0 ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {cards.map((card) => (
              <li key={card.slug}>
                <ActivityCard card={card} />
              </li>
            ))}
          </ul>
        ) : null}
        {cards.length > 0 ? <Paging page={page} pages={pages} /> : <EmptyState filtered={Object.keys(filters).length > 0} />}
      </section>
    </div>
  );
}
