// A housing area's name as a reader sees it: the plan's areas by their (proper) names, the one row for "outside the
// plan's areas" in the reader's language (its stored name is Danish).
type T = (key: string) => string;

export function areaName(area: { name: string; isPlanArea: boolean }, t: T): string {
  return area.isPlanArea ? area.name : t("common:outsideArea");
}
