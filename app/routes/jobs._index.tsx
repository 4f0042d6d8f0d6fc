// Pocket-money jobs for young people: the published postings one can still
// apply for, as cards, optionally only those for one age (a GET form whose
// address can be shared). Open to everyone, signed in or not.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostingCard } from "~/components/jobs/posting-card.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { listOpenPostings, parseJobsFilter } from "~/domain/jobs/postings.server.ts";
import { YOUTH_MAX_AGE, YOUTH_MIN_AGE } from "~/domain/jobs/youth-ages.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jobs:list.title");

const AGES = Array.from({ length: YOUTH_MAX_AGE - YOUTH_MIN_AGE + 1 }, (_, index) => YOUTH_MIN_AGE + index);

export async function loader({ request }: LoaderFunctionArgs) {
  const { age } = parseJobsFilter(new URL(request.url).searchParams);
  const postings = await listOpenPostings({ age });
  return { age: age ?? null, postings };
}

export default function Jobs() {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { age, postings } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("list.title")}</h1>
        <p className="text-lg">{t("list.lead")}</p>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("list.filterLabel")}>
        <div className="space-y-1">
          <label htmlFor="age" className="block font-semibold">
            {t("list.age")}
          </label>
          <select id="age" name="age" defaultValue={age ?? ""} className="block min-h-12 rounded-lg border-2 border-slate-500 bg-white px-3 text-lg">
            <option value="">{t("list.allAges")}</option>
            {AGES.map((value) => (
              <option key={value} value={value}>
                {t("common:units.years", { count: value })}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("list.show")}
        </Button>
      </Form>
      <section aria-labelledby="results-heading" className="space-y-4">
        <h2 id="results-heading" className="text-xl font-bold">
          {t("list.count", { number: formatNumber(postings.length, language) })}
        </h2>
        {postings.length > 0 ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {postings.map((posting) => (
              <li key={posting.slug}>
                <PostingCard posting={posting} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="space-y-3 rounded-xl border-2 border-dashed border-slate-400 p-5">
            <p className="text-lg font-semibold">{age ? t("list.noneForAge") : t("list.none")}</p>
            {age ? <ButtonLink to="/jobs">{t("list.showAll")}</ButtonLink> : null}
          </div>
        )}
      </section>
    </div>
  );
}
