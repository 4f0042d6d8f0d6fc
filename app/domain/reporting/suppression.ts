// Small-cell suppression for reports that leave the office. A count of 1–4
// people (below `min`, default 5) could point to a person, so it is shown as
// "<5". Where cells add up to a total that is shown (people by housing area,
// by age band), one hidden cell could be worked out as total minus the
// rest — so when exactly one cell is hidden, the next-smallest non-zero cell
// is hidden as well (secondary suppression). If the total itself is small,
// it is shown as "<5" too. Zero is not hidden: it points to nobody.

export type ShownCount = { kind: "value"; value: number } | { kind: "small" } | { kind: "hidden" };

export const DEFAULT_MIN_CELL = 5;

const isSmall = (value: number, min: number) => value > 0 && value < min;

/** A single figure with no breakdown (a total). */
export function suppressOne(value: number, min = DEFAULT_MIN_CELL): ShownCount {
  return isSmall(value, min) ? { kind: "small" } : { kind: "value", value };
}

/**
 * Cells of one breakdown. `partition`: the cells add up to a total that is
 * shown (each person in exactly one cell), so secondary suppression applies.
 * Cells that do not add up (unique people per activity, where one child in
 * three activities is in three cells) need only the primary rule.
 */
export function suppressCells(values: readonly number[], options: { min?: number; partition: boolean }): ShownCount[] {
  const min = options.min ?? DEFAULT_MIN_CELL;
  const shown: ShownCount[] = values.map((value) => suppressOne(value, min));
  if (!options.partition) return shown;
  const total = values.reduce((sum, value) => sum + value, 0);
  const hidden = shown.filter((cell) => cell.kind !== "value").length;
  // With the total shown, a single hidden cell is total minus the others.
  if (hidden === 1 && !isSmall(total, min)) {
    let candidate = -1;
    values.forEach((value, index) => {
      if (shown[index]!.kind === "value" && value > 0 && (candidate === -1 || value < values[candidate]!)) candidate = index;
    });
    if (candidate !== -1) shown[candidate] = { kind: "hidden" };
  }
  return shown;
}

/** For exports: "<5", "" (hidden) or the number. */
export function shownText(cell: ShownCount, min = DEFAULT_MIN_CELL): string {
  return cell.kind === "value" ? String(cell.value) : cell.kind === "small" ? `<${min}` : "";
}
