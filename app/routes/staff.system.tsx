// The system page (issue 20), for staff and admins: version, last backup, the
// job queue, messages that failed in the last week, and the database. Only
// reads; the figures come from the domain (app/domain/staff/system.server.ts).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/ui/data-table.tsx";
import { SYSTEM_WINDOW_DAYS, systemStatus, type BackupRunView } from "~/domain/staff/system.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, formatNumber } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:system.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  return systemStatus();
}

function formatBytes(bytes: number, language: Language): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, language, { maximumFractionDigits: 1 })} MB`;
  return `${formatNumber(bytes / 1024, language, { maximumFractionDigits: 1 })} kB`;
}

/** A state in words (and a colour that only repeats them). */
function State({ ok, children }: { ok: boolean; children: string }) {
  return <strong className={ok ? "text-green-800" : "text-red-800"}>{children}</strong>;
}

export default function SystemPage() {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  const status = useLoaderData<typeof loader>();
  const { backups, jobs, messages } = status;
  const unknown = t("system.unknown");
  const when = (iso: string) => (
    <time dateTime={iso} dir="ltr">
      {formatDateTime(new Date(iso), language)}
    </time>
  );
  const backupText = (run: BackupRunView) =>
    run.ok ? t("system.backupDone", { size: run.bytes === null ? unknown : formatBytes(run.bytes, language), count: run.pruned }) : t("system.backupFailed");
  // A night without a backup is worth a look: the last good one is over a day and a half old.
  const stale = backups.lastSuccessful ? Date.parse(status.checkedAt) - Date.parse(backups.lastSuccessful.startedAt) > 36 * 60 * 60 * 1000 : true;

  const rows: { id: string; label: string; value: ReactNode }[] = [
    {
      id: "version",
      label: t("system.version"),
      value: (
        <span dir="ltr">
          {status.version ?? unknown}
          {status.commit ? ` (${status.commit})` : ""}
        </span>
      ),
    },
    {
      id: "database",
      label: t("system.database"),
      value: <State ok={status.databaseUp}>{status.databaseUp ? t("system.databaseUp") : t("system.databaseDown")}</State>,
    },
    {
      id: "backup",
      label: t("system.lastBackup"),
      value: (
        <>
          {backups.last ? (
            <>
              {when(backups.last.startedAt)}: <State ok={backups.last.ok && !stale}>{backupText(backups.last)}</State>
              {!backups.last.ok && backups.lastSuccessful ? (
                <span className="block">
                  {t("system.lastGoodBackup")} {when(backups.lastSuccessful.startedAt)}
                </span>
              ) : null}
            </>
          ) : backups.enabled ? (
            <State ok={false}>{t("system.backupNone")}</State>
          ) : null}
          {backups.enabled ? (
            <span className="block text-sm text-slate-700">{t("system.keepDays", { count: backups.keepDays })}</span>
          ) : (
            <span className="block">
              <State ok={false}>{t("system.backupOff")}</State>
            </span>
          )}
        </>
      ),
    },
    {
      id: "queue",
      label: t("system.queue"),
      value: jobs ? t("system.queueDepth", { waiting: formatNumber(jobs.waiting, language), active: formatNumber(jobs.active, language) }) : unknown,
    },
    {
      id: "failedJobs",
      label: t("system.failedJobs", { days: SYSTEM_WINDOW_DAYS }),
      value: jobs ? <State ok={jobs.failed === 0}>{formatNumber(jobs.failed, language)}</State> : unknown,
    },
    {
      id: "failedMessages",
      label: t("system.failedMessages", { days: SYSTEM_WINDOW_DAYS }),
      value: messages ? (
        <>
          <State ok={messages.failed === 0}>{formatNumber(messages.failed, language)}</State>
          <span className="block text-sm text-slate-700">{t("system.undelivered", { count: messages.undelivered })}</span>
        </>
      ) : (
        unknown
      ),
    },
    {
      id: "waitingMessages",
      label: t("system.waitingMessages"),
      value: messages ? formatNumber(messages.waiting, language) : unknown,
    },
  ];

  return (
    <div className="space-y-4">
      <p>
        <Link to="/staff" className="inline-flex min-h-11 items-center">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("system.title")}</h1>
      <p>
        {t("system.lead")} {t("system.checkedAt")} {when(status.checkedAt)}.
      </p>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("system.summaryCaption")}>
        <table className="w-full border-collapse">
          <caption className="sr-only">{t("system.summaryCaption")}</caption>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pe-3 text-start font-semibold">
                  {row.label}
                </th>
                <td className="py-2">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {jobs ? (
        <section aria-labelledby="system-queues" className="space-y-2">
          <h2 id="system-queues" className="text-xl font-bold">
            {t("system.queuesTitle")}
          </h2>
          <DataTable
            caption={t("system.queuesTitle")}
            columns={[
              { label: t("system.job") },
              { label: t("system.waiting"), className: "py-2 pe-3 text-end" },
              { label: t("system.active"), className: "py-2 pe-3 text-end" },
              { label: t("system.failedJobs", { days: SYSTEM_WINDOW_DAYS }), className: "py-2 pe-3 text-end" },
            ]}
            items={jobs.queues.map((queue) => ({ ...queue, id: queue.name }))}
            empty={t("system.noQueues")}
            row={(queue) => (
              <>
                <td className="py-2 pe-3">{t(`system.jobNames.${queue.name}`, { defaultValue: queue.name })}</td>
                <td className="py-2 pe-3 text-end">{formatNumber(queue.waiting, language)}</td>
                <td className="py-2 pe-3 text-end">{formatNumber(queue.active, language)}</td>
                <td className="py-2 pe-3 text-end">{formatNumber(queue.failed, language)}</td>
              </>
            )}
          />
        </section>
      ) : null}
    </div>
  );
}
