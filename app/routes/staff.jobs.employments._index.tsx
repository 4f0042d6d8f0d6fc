// Employments (staff): current and ended, each with the written-contract
// warning and whether its reference has been printed.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContractBadge, HiringNav, Row, RowList } from "~/components/hiring/parts.tsx";
import { pick } from "~/domain/activities/text.ts";
import { employmentList } from "~/domain/jobs/employment.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "hiring:employments.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const [language, list] = await Promise.all([getLanguage(request), employmentList()]);
  const withTitle = (rows: typeof list.current) => rows.map((row) => ({ ...row, job: pick(row.job, language) }));
  return { current: withTitle(list.current), ended: withTitle(list.ended) };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["current"][number];

function EmploymentRow({ row }: { row: Row }) {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const lastDay = row.endedOn ?? row.endsOn;
  return (
    <Row to={`/staff/jobs/employments/${row.id}`} name={row.name}>
      <p>
        <bdi>{row.role}</bdi> · <span lang={row.job.language}>{row.job.text}</span>
      </p>
      <p className="text-sm">
        {lastDay
          ? t("employment.period", { from: formatDay(row.startsOn, language), to: formatDay(lastDay, language) })
          : t("employment.openPeriod", { from: formatDay(row.startsOn, language) })}
      </p>
      <p className="flex flex-wrap gap-2">
        {row.contractRequired ? <ContractBadge /> : null}
        {row.hasReference ? (
          <span className="inline-block rounded bg-green-100 px-2 py-0.5 text-sm font-semibold text-green-950">{t("employments.referenceDone")}</span>
        ) : null}
      </p>
    </Row>
  );
}

export default function Employments() {
  const { t } = useTranslation("hiring");
  const { current, ended } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <HiringNav links={[{ to: "/staff/jobs", label: t("nav.jobs") }]} />
      <h1 className="text-2xl font-bold">{t("employments.title")}</h1>
      <RowList id="current-heading" title={t("employments.current", { number: current.length })} empty={current.length === 0}>
        {current.map((row) => (
          <EmploymentRow key={row.id} row={row} />
        ))}
      </RowList>
      <RowList id="ended-heading" title={t("employments.ended", { number: ended.length })} empty={ended.length === 0}>
        {ended.map((row) => (
          <EmploymentRow key={row.id} row={row} />
        ))}
      </RowList>
    </div>
  );
}
