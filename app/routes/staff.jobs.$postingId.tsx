// The applications for one job posting (staff): those to consider, filtered
// by status, age and housing area (GET, so a filter is a link), and apart
// from them those still waiting for a guardian's consent.
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConsentText, HiringNav, Row, RowList, StatusBadge } from "~/components/hiring/parts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choice.tsx";
import { pick } from "~/domain/activities/text.ts";
import { CONSIDERED, postingApplications } from "~/domain/jobs/pipeline.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, joinParts } from "~/lib/format.ts";
import { isolated } from "~/domain/text-rules.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";
import { idField } from "~/lib/ids.ts";
import { AreaSelect } from "~/components/area-select.tsx";

/** A wide page on a laptop: the applications as a table. */
export const handle = { wide: true };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.title.text);

const AGES = [13, 14, 15, 16, 17] as const;

/** Made in the loader: CONSIDERED comes from a server module, which the browser's bundle does not have. */
const filtersSchema = () =>
  z.object({
    status: z.enum(CONSIDERED).optional().catch(undefined),
    age: z.number().int().min(13).max(17).optional().catch(undefined),
    area: idField().optional().catch(undefined),
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  // Unknown or malformed filter values are ignored (a filter is never an error); an empty one is no filter.
  const submission = parseWithZod(new URL(request.url).searchParams, { schema: filtersSchema() });
  const filters = submission.status === "success" ? submission.value : {};
  const [language, result] = await Promise.all([
    getLanguage(request),
    postingApplications(params.postingId ?? "", {
      status: filters.status,
      age: filters.age,
      areaId: filters.area,
    }),
  ]);
  if (!result) notFound();
  return { ...result, filters, statuses: CONSIDERED, title: pick(result.posting.title, language) };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["considered"][number];

function ApplicationRow({ row }: { row: Row }) {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  return (
    <Row to={`/staff/jobs/applications/${row.id}`} name={row.name}>
      <p>
        <StatusBadge status={row.status} /> <span className="text-sm">{t("list.since", { date: formatDateTime(new Date(row.statusAt), language) })}</span>
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="font-semibold">{t("list.age")}</dt>
        <dd>{row.age ?? t("list.unknown")}</dd>
        <dt className="font-semibold">{t("list.area")}</dt>
        <dd>{row.area ?? t("list.unknown")}</dd>
        <dt className="font-semibold">{t("list.school")}</dt>
        <dd>{joinParts([row.school, row.schoolClass].filter((part): part is string => Boolean(part)).map(isolated), language) || t("list.unknown")}</dd>
        <dt className="font-semibold">{t("list.availability")}</dt>
        <dd>
          {joinParts(
            row.availability.map((value) => t(`availability.${value}`)),
            language,
          ) || t("list.unknown")}
        </dd>
        <dt className="font-semibold">{t("list.consent")}</dt>
        <dd>
          <ConsentText state={row.consent} />
        </dd>
        {row.interviewAt && row.status === "INTERVIEW" ? (
          <>
            <dt className="font-semibold">{t("list.interview")}</dt>
            <dd>{formatDateTime(new Date(row.interviewAt), language)}</dd>
          </>
        ) : null}
      </dl>
    </Row>
  );
}

/** The applications as a table on a wide screen: one line each, the name a link to the application. */
function ApplicationTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const { t } = useTranslation("hiring");
  const language = useLanguage();
  const columns = [t("list.name"), t("list.filterStatus"), t("list.age"), t("list.area"), t("list.school"), t("list.availability"), t("list.consent")];
  return (
    <table className="w-full border-collapse">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-slate-300">
          {columns.map((column) => (
            <th key={column} scope="col" className="py-2 pe-3 text-start">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-slate-200 align-top">
            <th scope="row" className="py-2 pe-3 text-start">
              <Link to={`/staff/jobs/applications/${row.id}`} className="inline-flex min-h-11 items-center">
                {row.name}
              </Link>
            </th>
            <td className="py-2 pe-3">
              <StatusBadge status={row.status} />
              <span className="block text-sm">{t("list.since", { date: formatDateTime(new Date(row.statusAt), language) })}</span>
              {row.interviewAt && row.status === "INTERVIEW" ? (
                <span className="block text-sm">
                  {t("list.interview")}: {formatDateTime(new Date(row.interviewAt), language)}
                </span>
              ) : null}
            </td>
            <td className="py-2 pe-3">{row.age ?? t("list.unknown")}</td>
            <td className="py-2 pe-3">{row.area ?? t("list.unknown")}</td>
            <td className="py-2 pe-3">
              {joinParts([row.school, row.schoolClass].filter((part): part is string => Boolean(part)).map(isolated), language) || t("list.unknown")}
            </td>
            <td className="py-2 pe-3">
              {joinParts(
                row.availability.map((value) => t(`availability.${value}`)),
                language,
              ) || t("list.unknown")}
            </td>
            <td className="py-2 pe-3">
              <ConsentText state={row.consent} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function PostingApplications() {
  const { t } = useTranslation("hiring");
  const { title, posting, areas, considered, waitingForGuardian, filters, statuses } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <HiringNav
        links={[
          { to: "/staff/jobs", label: t("nav.jobs") },
          { to: "/staff/jobs/employments", label: t("nav.employments") },
          { to: `/staff/jobs/${posting.id}/shifts`, label: t("nav.shifts") },
        ]}
      />
      <h1 className="text-2xl font-bold">
        {t("list.title")}: <span lang={title.language}>{title.text}</span>
      </h1>
      <p>{t("list.positions", { taken: posting.taken, positions: posting.positions })}</p>

      <Form method="get" className="space-y-1 rounded-xl border border-slate-200 p-3">
        <h2 className="text-lg font-bold">{t("list.filterTitle")}</h2>
        <div className="grid gap-x-3 sm:grid-cols-3">
          <SelectField id="filter-status" name="status" label={t("list.filterStatus")} defaultValue={filters.status ?? ""}>
            <option value="">{t("list.all")}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="filter-age" name="age" label={t("list.filterAge")} defaultValue={filters.age ?? ""}>
            <option value="">{t("list.all")}</option>
            {AGES.map((age) => (
              <option key={age} value={age}>
                {age}
              </option>
            ))}
          </SelectField>
          <AreaSelect id="filter-area" name="area" label={t("list.filterArea")} defaultValue={filters.area ?? ""} areas={areas} empty={t("list.all")} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary">
            {t("list.filter")}
          </Button>
          <Link to="?" className="inline-flex min-h-11 items-center">
            {t("list.clear")}
          </Link>
        </div>
      </Form>

      <RowList
        id="considered-heading"
        title={t("list.considered", { number: considered.length })}
        empty={considered.length === 0}
        table={<ApplicationTable rows={considered} caption={t("list.considered", { number: considered.length })} />}
      >
        {considered.map((row) => (
          <ApplicationRow key={row.id} row={row} />
        ))}
      </RowList>

      <RowList
        id="guardian-heading"
        title={t("list.waitingForGuardian", { number: waitingForGuardian.length })}
        hint={t("list.waitingForGuardianHint")}
        empty={waitingForGuardian.length === 0}
        table={<ApplicationTable rows={waitingForGuardian} caption={t("list.waitingForGuardian", { number: waitingForGuardian.length })} />}
      >
        {waitingForGuardian.map((row) => (
          <ApplicationRow key={row.id} row={row} />
        ))}
      </RowList>
    </div>
  );
}
