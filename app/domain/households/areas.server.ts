// The housing areas as forms and pages list them: the plan's areas in their
// set order, then "outside the plan areas" last. One query, so every list of
// areas in the portal is in the same order.
import { db } from "~/lib/db.server.ts";

export type AreaOption = { id: string; name: string; isPlanArea: boolean };

/** Every area (or only the plan's own with `planOnly`), plan areas first, in sort order. */
export function housingAreas(options: { planOnly?: boolean } = {}): Promise<AreaOption[]> {
  return db.housingArea.findMany({
    where: options.planOnly ? { isPlanArea: true } : undefined,
    orderBy: [{ isPlanArea: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, isPlanArea: true },
  });
}

/** Those of the given housing-area ids that name no area: forms post ids, and a stale or forged one must not reach a write. */
export async function unknownHousingAreas(ids: (string | null | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Set();
  const found = await db.housingArea.findMany({ where: { id: { in: wanted } }, select: { id: true } });
  const known = new Set(found.map((area) => area.id));
  return new Set(wanted.filter((id) => !known.has(id)));
}
