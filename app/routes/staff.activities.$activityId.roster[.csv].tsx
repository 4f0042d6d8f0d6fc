// The roster as CSV (places and waiting list), for staff and attached partners.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActivityAccess } from "~/web/activity-access.server.ts";
import { activityRoster } from "~/domain/staff/roster.server.ts";
import { toCsv } from "~/lib/csv.ts";
import { getLanguage, translator } from "~/lib/i18n.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireActivityAccess(request, params.activityId);
  const language = await getLanguage(request);
  const t = translator(language, "staff");
  const roster = await activityRoster(params.activityId!, { userId: user.id });
  const yesNo = (value: boolean | null) => (value === null ? "" : value ? t("csv.yes") : t("csv.no"));
  // One column per guardian detail (name, mobile, e-mail), so a spreadsheet can sort and filter them.
  const mostGuardians = Math.max(1, ...[...roster.placed, ...roster.waiting].map((row) => row.guardians.length));
  const guardianColumns = Array.from({ length: mostGuardians }, (_, i) => i + 1);
  const rows = [...roster.placed.map((row) => ({ ...row, position: null as number | null })), ...roster.waiting].map((row) => [
    row.name,
    row.age,
    row.area,
    row.status === "WAITING" ? t("csv.waiting", { position: row.position }) : row.status === "OFFERED" ? t("csv.offered") : t("csv.placed"),
    ...guardianColumns.flatMap((n) => {
      const guardian = row.guardians[n - 1];
      return [guardian?.name ?? "", guardian?.phone ?? "", guardian?.email ?? ""];
    }),
    yesNo(row.photoConsent),
    row.needs,
  ]);
  const header = [
    ...["name", "age", "area", "status"].map((key) => t(`csv.${key}`)),
    ...guardianColumns.flatMap((n) => [t("csv.guardianN", { n }), t("csv.phoneN", { n }), t("csv.emailN", { n })]),
    ...["photoConsent", "needs"].map((key) => t(`csv.${key}`)),
  ];
  const slug = roster.activity.slug;
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-deltagere.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
