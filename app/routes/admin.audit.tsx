// The audit log for admins: who changed what and when, newest first,
// filtered by entity type, action and date range (Copenhagen days), 50 a
// page. It shows only what the events hold, plus the actor's name.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/admin/page.tsx";
import { filterControl, FilterField, SearchPanel } from "~/components/admin/search-panel.tsx";
import {
  auditActions,
  AUDIT_ENTITY_TYPES,
  listAuditEvents,
  parseAuditQuery,
  type AuditDayProblems,
  type AuditFilters,
  type AuditValue,
} from "~/domain/admin/audit-log.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, formatDay, formatNumber } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:audit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  const { filters, cursor, typed, problems } = parseAuditQuery(new URL(request.url).searchParams);
  const [page, actions] = await Promise.all([listAuditEvents(filters, cursor), auditActions()]);
  return { filters, typed, problems, firstPage: cursor === null, actions, entityTypes: AUDIT_ENTITY_TYPES, ...page };
}

/** Admin pages that show an entity, for a link from its events. */
const entityPages: Record<string, string> = { User: "/admin/users/", ActivityType: "/admin/types/", HousingArea: "/admin/areas/" };

function actionLabel(t: TFunction<"admin">, action: string): string {
  return t(`audit.actions.${action.replace(/\./g, "_")}`, { defaultValue: action });
}

function formatValue(value: AuditValue, t: TFunction<"admin">, language: Language): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  if (typeof value === "number") return formatNumber(value, language);
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value), language);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, language);
    if (/^[A-Z][A-Z_]+$/.test(value)) return t(`audit.values.${value}`, { defaultValue: value });
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => formatValue(item, t, language)).join(", ");
  return Object.entries(value)
    .map(([key, item]) => `${key}: ${formatValue(item ?? null, t, language)}`)
    .join("; ");
}

function Changes({ label, entries }: { label: string; entries: [string, AuditValue][] | null }) {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  if (!entries?.length) return null;
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <p className="text-sm font-semibold text-slate-700">{label}</p>
      <dl className="space-y-1 text-sm">
        {entries.map(([key, value]) => (
          <div key={key} className="flex flex-wrap gap-x-1">
            <dt className="font-semibold">{t(`audit.fields.${key}`, { defaultValue: key })}:</dt>{" "}
            <dd dir="auto" className="break-words">
              {formatValue(value, t, language)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function FilterForm(props: {
  filters: AuditFilters;
  typed: { from?: string; to?: string };
  problems: AuditDayProblems;
  actions: string[];
  entityTypes: readonly string[];
}) {
  const { filters, typed, problems, actions, entityTypes } = props;
  const { t } = useTranslation("admin");
  const filtered = Object.keys(filters).length > 0 || Object.keys(typed).length > 0;
  return (
    <SearchPanel
      id="audit-filter-heading"
      heading={t("audit.filterHeading")}
      formKey={JSON.stringify([filters, typed])}
      gridClassName="grid gap-3 sm:grid-cols-2"
      submitLabel={t("audit.show")}
      clear={filtered ? { to: "/admin/audit", label: t("audit.clear") } : null}
    >
      <FilterField id="audit-entity" label={t("audit.entityType")}>
        <select id="audit-entity" name="entityType" defaultValue={filters.entityType ?? ""} className={filterControl}>
          <option value="">{t("audit.anyEntityType")}</option>
          {entityTypes.map((type) => (
            <option key={type} value={type}>
              {t(`audit.entities.${type}`, { defaultValue: type })}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="audit-action" label={t("audit.action")}>
        <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={filterControl}>
          <option value="">{t("audit.anyAction")}</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {actionLabel(t, action)}
            </option>
          ))}
        </select>
      </FilterField>
      {(["from", "to"] as const).map((field) => {
        const id = `audit-${field}`;
        const problem = problems[field];
        return (
          <FilterField key={field} id={id} label={t(`audit.${field}`)} error={problem ? t(problem) : undefined}>
            <input
              id={id}
              type="date"
              name={field}
              defaultValue={typed[field] ?? ""}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-error` : undefined}
              className={filterControl}
            />
          </FilterField>
        );
      })}
    </SearchPanel>
  );
}

export default function AuditLog() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { filters, typed, problems, firstPage, actions, entityTypes, events, newer, older } = useLoaderData<typeof loader>();
  const link = (cursor: { newer?: string; older?: string }) => {
    const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    if (cursor.newer) params.set("newer", cursor.newer);
    if (cursor.older) params.set("older", cursor.older);
    const query = params.toString();
    return `/admin/audit${query ? `?${query}` : ""}`;
  };
  return (
    <div className="space-y-4">
      <BackLink to="/admin">{t("backToAdmin")}</BackLink>
      <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
      <p>{t("audit.lead")}</p>
      <FilterForm filters={filters} typed={typed} problems={problems} actions={actions} entityTypes={entityTypes} />
      <section aria-labelledby="audit-results" className="space-y-3">
        <h2 id="audit-results" className="text-xl font-bold">
          {firstPage ? t("audit.newest") : t("audit.results")}
        </h2>
        {events.length === 0 ? <p>{Object.keys(filters).length ? t("audit.none") : t("audit.empty")}</p> : null}
        <ol className="space-y-3">
          {events.map((event) => {
            const page = entityPages[event.entityType];
            const entity = `${t(`audit.entities.${event.entityType}`, { defaultValue: event.entityType })}`;
            return (
              <li key={event.id} className="space-y-2 rounded-xl border border-slate-200 p-3">
                <p className="flex flex-wrap gap-x-3 gap-y-1">
                  <time dateTime={new Date(event.at).toISOString()} className="font-semibold">
                    {formatDateTime(new Date(event.at), language)}
                  </time>
                  <span>{event.actorName === null ? t("audit.system") : event.actorName ? event.actorName : t("audit.unknownActor")}</span>
                </p>
                <p>
                  <strong>{actionLabel(t, event.action)}</strong>
                  {" · "}
                  {page ? (
                    <Link to={`${page}${event.entityId}`} className="inline-flex min-h-11 items-center">
                      {entity}
                    </Link>
                  ) : (
                    entity
                  )}
                  <span className="block font-mono text-xs break-all text-slate-700" dir="ltr">
                    {event.entityId}
                  </span>
                </p>
                {event.before?.length || event.after?.length ? (
                  <div className="flex flex-col gap-3 sm:flex-row">
                    <Changes label={t("audit.before")} entries={event.before} />
                    <Changes label={t("audit.after")} entries={event.after} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
        {newer || older || !firstPage ? (
          <nav aria-label={t("pager.label")} className="flex flex-wrap items-center justify-between gap-3">
            {newer ? (
              <Link to={link({ newer })} className="inline-flex min-h-11 items-center" rel="prev">
                {t("audit.newer")}
              </Link>
            ) : (
              <span />
            )}
            {!firstPage ? (
              <Link to={link({})} className="inline-flex min-h-11 items-center">
                {t("audit.toNewest")}
              </Link>
            ) : null}
            {older ? (
              <Link to={link({ older })} className="inline-flex min-h-11 items-center" rel="next">
                {t("audit.older")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
