// The catalogue's filters as a plain GET form: it works without
// JavaScript, and the address it leads to can be shared ("/activities?age=9").
// After a search the page opens at the results (#results), which matters
// on a phone where the form fills the first screen.
import { Form, Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import type { CatalogueFilters, CatalogueOptions, When } from "~/domain/activities/catalogue.server.ts";

const control = "block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 text-lg focus:border-brand-700";

/** Every "when" choice the domain knows (a Record, so a new one cannot be forgotten here). */
function whenLabels(t: TFunction<"activities">): Record<When, string> {
  return { week: t("filters.week"), holidays: t("filters.holidays"), later: t("filters.later") };
}

function Labelled({ id, label, className = "", children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

export function FilterForm({ filters, options }: { filters: CatalogueFilters; options: CatalogueOptions }) {
  const { t } = useTranslation("activities");
  const filtered = Object.keys(filters).length > 0;
  return (
    // Keyed by the filters: after "clear filters" or back/forward the fields show what the page shows.
    <Form
      key={JSON.stringify(filters)}
      method="get"
      action="/activities#results"
      role="search"
      aria-labelledby="filters-heading"
      className="space-y-4 rounded-xl border-2 border-brand-100 bg-brand-50 p-4"
    >
      <h2 id="filters-heading" className="text-lg font-bold">
        {t("filters.heading")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Labelled id="filter-q" label={t("filters.q")} className="sm:col-span-2 lg:col-span-4">
          <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ""} enterKeyHint="search" autoComplete="off" className={control} />
        </Labelled>
        <Labelled id="filter-type" label={t("filters.type")}>
          <select id="filter-type" name="type" defaultValue={filters.type ?? ""} className={control}>
            <option value="">{t("filters.anyType")}</option>
            {options.types.map((type) => (
              <option key={type.code} value={type.code} lang={type.name.fallback ? type.name.language : undefined} dir={type.name.fallback ? "ltr" : undefined}>
                {type.name.text}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="filter-area" label={t("filters.area")}>
          <select id="filter-area" name="area" defaultValue={filters.area ?? ""} className={control}>
            <option value="">{t("filters.anyArea")}</option>
            {options.areas.map((area) =>
              area.isPlanArea ? (
                <option key={area.code} value={area.code} lang="da" dir="ltr">
                  {area.name}
                </option>
              ) : (
                <option key={area.code} value={area.code}>
                  {t("filters.outsideArea")}
                </option>
              ),
            )}
          </select>
        </Labelled>
        <Labelled id="filter-age" label={t("filters.age")}>
          <input id="filter-age" type="number" name="age" inputMode="numeric" min={0} max={120} step={1} defaultValue={filters.age ?? ""} className={control} />
        </Labelled>
        <Labelled id="filter-when" label={t("filters.when")}>
          <select id="filter-when" name="when" defaultValue={filters.when ?? ""} className={control}>
            <option value="">{t("filters.anyTime")}</option>
            {Object.entries(whenLabels(t)).map(([when, label]) => (
              <option key={when} value={when}>
                {label}
              </option>
            ))}
          </select>
        </Labelled>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" className="grow sm:grow-0">
          {t("filters.submit")}
        </Button>
        {filtered ? (
          <Link to="/activities" className="inline-flex min-h-12 items-center rounded-lg px-3 font-semibold">
            {t("filters.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
