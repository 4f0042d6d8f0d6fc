// Suppression that holds against arithmetic (issue 17). Hiding a cell as
// "<5" is not enough when the cell can be worked out from what is shown:
// a total minus the other cells, the same figure in another table (a type
// with one activity), another column of the same row (one session held
// makes attendances equal unique participants), or two hidden cells whose
// sum is pinned by a total. This module knows the relations between the
// report's cells, plays the reader who tries to recover hidden cells
// (interval arithmetic over the relations until nothing changes), and hides
// more cells until no hidden cell can be pinned to one value. Pure.
import type { ShownCount } from "./suppression.ts";

/** A cell: table index, row index, column index. */
export type CellRef = readonly [table: number, row: number, column: number];

/**
 * What a reader knows about how cells relate (each holds for the true figures):
 * - `sum`: the parts add up to the total (people in exactly one part);
 * - `sumAtLeast`: the parts add up to at least the total (a person can be in several parts);
 * - `atMost`: `small` ≤ `big` × `factor` (`factor` a shown, never hidden figure such as sessions held).
 */
export type Relation =
  | { kind: "sum"; parts: CellRef[]; total: CellRef }
  | { kind: "sumAtLeast"; parts: CellRef[]; total: CellRef }
  | { kind: "atMost"; small: CellRef; big: CellRef; factor?: number };

type Grid = { cells: ShownCount[] }[][];
type Interval = { lo: number; hi: number };

const key = ([t, r, c]: CellRef) => `${t}:${r}:${c}`;
const cellsOf = (relation: Relation): CellRef[] => (relation.kind === "atMost" ? [relation.small, relation.big] : [...relation.parts, relation.total]);

/** What a reader knows of one cell on its own: a shown number; "<min" is 1…min−1; a hidden one (never a zero) at least min. */
function known(cell: ShownCount, min: number): Interval {
  if (cell.kind === "value") return { lo: cell.value, hi: cell.value };
  if (cell.kind === "small") return { lo: 1, hi: min - 1 };
  return { lo: min, hi: Number.POSITIVE_INFINITY };
}

/**
 * The reader's best bounds for every cell that appears in a relation, from
 * the shown tables and the relations (bounds propagation to a fixed point).
 */
export function recoverBounds(grid: Grid, relations: readonly Relation[], min: number): Map<string, Interval> {
  const bounds = new Map<string, Interval>();
  const get = (ref: CellRef) => {
    const id = key(ref);
    let interval = bounds.get(id);
    if (!interval) bounds.set(id, (interval = known(grid[ref[0]]![ref[1]]!.cells[ref[2]]!, min)));
    return interval;
  };
  let changed = true;
  const tighten = (ref: CellRef, lo: number, hi: number) => {
    const interval = get(ref);
    if (lo > interval.lo) {
      interval.lo = lo;
      changed = true;
    }
    if (hi < interval.hi) {
      interval.hi = hi;
      changed = true;
    }
  };
  for (let round = 0; changed && round < 200; round++) {
    changed = false;
    for (const relation of relations) {
      if (relation.kind === "atMost") {
        const factor = relation.factor ?? 1;
        tighten(relation.small, 0, get(relation.big).hi * factor);
        tighten(relation.big, Math.ceil(get(relation.small).lo / factor), Number.POSITIVE_INFINITY);
        continue;
      }
      const parts = relation.parts.map(get);
      const total = get(relation.total);
      // Lower bounds are finite; upper bounds may be unbounded (hidden cells): sum the finite ones and count the others.
      const lo = parts.reduce((sum, part) => sum + part.lo, 0);
      const finiteHi = parts.reduce((sum, part) => sum + (Number.isFinite(part.hi) ? part.hi : 0), 0);
      const unbounded = parts.filter((part) => !Number.isFinite(part.hi)).length;
      tighten(relation.total, relation.kind === "sum" ? lo : 0, unbounded ? Number.POSITIVE_INFINITY : finiteHi);
      relation.parts.forEach((ref, index) => {
        const part = parts[index]!;
        const othersUnbounded = unbounded - (Number.isFinite(part.hi) ? 0 : 1);
        const othersHi = othersUnbounded ? Number.POSITIVE_INFINITY : finiteHi - (Number.isFinite(part.hi) ? part.hi : 0);
        const othersLo = lo - part.lo;
        // The total less the most the others can be; for an exact sum also the total less the least they can be.
        const atLeast = Number.isFinite(othersHi) ? total.lo - othersHi : Number.NEGATIVE_INFINITY;
        const atMost = relation.kind === "sum" ? total.hi - othersLo : Number.POSITIVE_INFINITY;
        tighten(ref, atLeast, atMost);
      });
    }
  }
  return bounds;
}

/** Hidden cells ("<min" or hidden) that a reader can pin to a single value. */
export function pinnedCells(grid: Grid, relations: readonly Relation[], min: number): CellRef[] {
  const bounds = recoverBounds(grid, relations, min);
  const pinned: CellRef[] = [];
  for (const relation of relations) {
    for (const ref of cellsOf(relation)) {
      const cell = grid[ref[0]]![ref[1]]!.cells[ref[2]]!;
      const interval = bounds.get(key(ref))!;
      if (cell.kind !== "value" && interval.lo === interval.hi && !pinned.some((other) => key(other) === key(ref))) pinned.push(ref);
    }
  }
  return pinned;
}

/**
 * Hides more cells until no hidden cell can be pinned. For a pinned cell,
 * hides the smallest shown, non-zero, hideable cell (`hideable`: people,
 * not sessions or hours) of a relation it is in; when none is, of the
 * relations one step further (through the hidden cells it is related to),
 * and so on. Changes `grid` in place and returns how many cells it hid.
 * Stops when nothing is pinned or nothing is left to hide.
 */
export function protect(grid: Grid, relations: readonly Relation[], min: number, hideable: (ref: CellRef) => boolean): number {
  const byCell = new Map<string, Relation[]>();
  for (const relation of relations) for (const ref of cellsOf(relation)) byCell.set(key(ref), [...(byCell.get(key(ref)) ?? []), relation]);
  let hid = 0;
  for (;;) {
    const pinned = pinnedCells(grid, relations, min);
    if (pinned.length === 0) return hid;
    const next = pinned.map((target) => nearestHideable(grid, byCell, target, hideable)).find((ref) => ref !== null);
    if (!next) return hid;
    hideEverywhere(grid, relations, next);
    hid++;
  }
}

/** Breadth first from a pinned cell through its relations: the smallest hideable shown cell of the nearest layer that has one. */
function nearestHideable(grid: Grid, byCell: Map<string, Relation[]>, target: CellRef, hideable: (ref: CellRef) => boolean): CellRef | null {
  const seen = new Set([key(target)]);
  let frontier: CellRef[] = [target];
  while (frontier.length > 0) {
    let best: { ref: CellRef; value: number } | null = null;
    const following: CellRef[] = [];
    for (const cell of frontier) {
      for (const relation of byCell.get(key(cell)) ?? []) {
        for (const ref of cellsOf(relation)) {
          const shown = grid[ref[0]]![ref[1]]!.cells[ref[2]]!;
          if (shown.kind === "value") {
            if (shown.value > 0 && hideable(ref) && (!best || shown.value < best.value)) best = { ref, value: shown.value };
          } else if (!seen.has(key(ref))) {
            seen.add(key(ref));
            following.push(ref);
          }
        }
      }
    }
    if (best) return best.ref;
    frontier = following;
  }
  return null;
}

/** Hides a cell and every cell that must show the same figure (a total repeated in another table). */
function hideEverywhere(grid: Grid, relations: readonly Relation[], ref: CellRef): void {
  const row = grid[ref[0]]![ref[1]]!;
  row.cells[ref[2]] = { kind: "hidden" };
  for (const relation of relations) {
    if (relation.kind === "sum" && relation.parts.length === 1) {
      const [part] = relation.parts;
      const other = key(part!) === key(ref) ? relation.total : key(relation.total) === key(ref) ? part! : null;
      if (other && grid[other[0]]![other[1]]!.cells[other[2]]!.kind === "value") hideEverywhere(grid, relations, other);
    }
  }
}
