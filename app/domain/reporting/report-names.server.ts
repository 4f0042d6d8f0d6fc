// Names for the report: housing areas in their order (plan areas first),
// activities, programmes, activity types and effort areas in the reader's language —
// for row labels, the filter's selects and the milestone form.
import { textIn } from "~/domain/activities/text.ts";
import { db } from "~/lib/db.server.ts";
import type { Language } from "~/lib/i18n.ts";
import type { Names } from "./report-tables.ts";

export type Option = { id: string; name: string };

export type ReportNames = Names & {
  activityOptions: Option[];
  programmeOptions: Option[];
  typeOptions: Option[];
  effortAreaOptions: Option[];
};

export async function reportNames(language: Language): Promise<ReportNames> {
  const [areas, activities, types, effortAreas, programmes] = await Promise.all([
    db.housingArea.findMany({ select: { id: true, name: true, isPlanArea: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.activity.findMany({ select: { id: true, title: true, slug: true } }),
    db.activityType.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.effortArea.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.programme.findMany({ select: { id: true, name: true } }),
  ]);
  const titled = activities.map((activity) => ({ id: activity.id, slug: activity.slug, name: textIn(activity.title, language) }));
  // Courses repeat every year under the same title: the address tells them apart in the select.
  const seen = new Map<string, number>();
  for (const activity of titled) seen.set(activity.name, (seen.get(activity.name) ?? 0) + 1);
  const activityOptions = titled
    .map((activity) => ({ id: activity.id, name: seen.get(activity.name)! > 1 ? `${activity.name} (${activity.slug})` : activity.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "da"));
  const typeOptions = types.map((type) => ({ id: type.id, name: textIn(type.name, language) }));
  const effortAreaOptions = effortAreas.map((area) => ({ id: area.id, name: textIn(area.name, language) }));
  const programmeOptions = programmes.map((programme) => ({ id: programme.id, name: programme.name })).sort((a, b) => a.name.localeCompare(b.name, "da"));
  return {
    areas,
    activities: new Map(activityOptions.map((option) => [option.id, option.name])),
    types: new Map(typeOptions.map((option) => [option.id, option.name])),
    programmes: new Map(programmeOptions.map((option) => [option.id, option.name])),
    activityOptions,
    programmeOptions,
    typeOptions,
    effortAreaOptions,
  };
}

/** The name of the selected activity, programme, type or effort area; null when the id names nothing of that kind. */
export function scopeName(names: ReportNames, scope: { kind: string; id: string | null }): string | null {
  const list =
    scope.kind === "activity"
      ? names.activityOptions
      : scope.kind === "programme"
        ? names.programmeOptions
        : scope.kind === "activityType"
          ? names.typeOptions
          : scope.kind === "effortArea"
            ? names.effortAreaOptions
            : null;
  if (!list) return null;
  return list.find((option) => option.id === scope.id)?.name ?? null;
}
