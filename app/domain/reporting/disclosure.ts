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
/** What a reader knows of one cell on its own: a shown number; "<min" is 1…min−1; a hidden one (never a zero) at least min. */
function known(cell: ShownCount, min: number): Interval {
  if (cell.kind === "value") return { lo: cell.value, hi: cell.value };
  if (cell.kind === "small") return { lo: 1, hi: min - 1 };
  return { lo: min, hi: Number.POSITIVE_INFINITY };
}

/** The relations over numbered cells, made once and used for every look (a report can have thousands of cells). */
type Model = {
  refs: CellRef[];
  relations: { kind: Relation["kind"]; parts: number[]; total: number; factor: number }[];
  /** For each cell, the relations it is in. */
  byCell: number[][];
};

function modelOf(relations: readonly Relation[]): Model {
  const index = new Map<string, number>();
  const refs: CellRef[] = [];
  const cell = (ref: CellRef) => {
    const id = key(ref);
    let found = index.get(id);
    if (found === undefined) {
      found = refs.length;
      index.set(id, found);
      refs.push(ref);
    }
    return found;
  };
  const numbered = relations.map((relation) =>
    relation.kind === "atMost"
      ? { kind: relation.kind, parts: [cell(relation.small)], total: cell(relation.big), factor: relation.factor ?? 1 }
      : { kind: relation.kind, parts: relation.parts.map(cell), total: cell(relation.total), factor: 1 },
  );
  const byCell: number[][] = refs.map(() => []);
  numbered.forEach((relation, r) => {
    for (const c of [...relation.parts, relation.total]) if (byCell[c]!.at(-1) !== r) byCell[c]!.push(r);
  });
  return { refs, relations: numbered, byCell };
}

/**
 * The reader's best bounds for every cell of the model, from the shown
 * tables and the relations (bounds propagation to a fixed point, with a work
 * list: a relation is looked at again only when one of its cells changed).
 */
function bounds(grid: Grid, model: Model, min: number): { lo: Float64Array; hi: Float64Array } {
  const n = model.refs.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const shown = new Uint8Array(n);
  model.refs.forEach((ref, c) => {
    const cell = grid[ref[0]]![ref[1]]!.cells[ref[2]]!;
    const interval = known(cell, min);
    lo[c] = interval.lo;
    hi[c] = interval.hi;
    shown[c] = cell.kind === "value" ? 1 : 0;
  });
  const queue = model.relations.map((_, r) => r);
  const queued = new Uint8Array(model.relations.length).fill(1);
  const tighten = (c: number, low: number, high: number) => {
    if (low <= lo[c]! && high >= hi[c]!) return;
    if (low > lo[c]!) lo[c] = low;
    if (high < hi[c]!) hi[c] = high;
    for (const r of model.byCell[c]!) {
      if (!queued[r]) {
        queued[r] = 1;
        queue.push(r);
      }
    }
  };
  // Bounded: figures that break a relation (never the report's own) must not loop for ever.
  for (let head = 0; head < queue.length && head < model.relations.length * 50; head++) {
    const r = queue[head]!;
    queued[r] = 0;
    const relation = model.relations[r]!;
    if (relation.kind === "atMost") {
      const small = relation.parts[0]!;
      tighten(small, 0, hi[relation.total]! * relation.factor);
      tighten(relation.total, Math.ceil(lo[small]! / relation.factor), Number.POSITIVE_INFINITY);
      continue;
    }
    // Lower bounds are finite; upper bounds may be unbounded (hidden cells): sum the finite ones and count the others.
    let sumLo = 0;
    let finiteHi = 0;
    let unbounded = 0;
    for (const c of relation.parts) {
      sumLo += lo[c]!;
      if (Number.isFinite(hi[c]!)) finiteHi += hi[c]!;
      else unbounded++;
    }
    tighten(relation.total, relation.kind === "sum" ? sumLo : 0, unbounded ? Number.POSITIVE_INFINITY : finiteHi);
    const totalLo = lo[relation.total]!;
    const totalHi = hi[relation.total]!;
    for (const c of relation.parts) {
      if (shown[c]) continue; // a shown cell: nothing to learn
      const finite = Number.isFinite(hi[c]!);
      const othersHi = unbounded - (finite ? 0 : 1) > 0 ? Number.POSITIVE_INFINITY : finiteHi - (finite ? hi[c]! : 0);
      // The total less the most the others can be; for an exact sum also the total less the least they can be.
      const atLeast = Number.isFinite(othersHi) ? totalLo - othersHi : Number.NEGATIVE_INFINITY;
      const atMost = relation.kind === "sum" ? totalHi - (sumLo - lo[c]!) : Number.POSITIVE_INFINITY;
      tighten(c, atLeast, atMost);
    }
  }
  return { lo, hi };
}

/** The reader's best bounds for every cell that appears in a relation ("t:r:c" → interval). */
export function recoverBounds(grid: Grid, relations: readonly Relation[], min: number): Map<string, Interval> {
  const model = modelOf(relations);
  const { lo, hi } = bounds(grid, model, min);
  return new Map(model.refs.map((ref, c) => [key(ref), { lo: lo[c]!, hi: hi[c]! }]));
}

function pinnedOf(grid: Grid, model: Model, min: number): number[] {
  const { lo, hi } = bounds(grid, model, min);
  return model.refs.flatMap((ref, c) => (grid[ref[0]]![ref[1]]!.cells[ref[2]]!.kind !== "value" && lo[c] === hi[c] ? [c] : []));
}

/** Hidden cells ("<min" or hidden) that a reader can pin to a single value. */
export function pinnedCells(grid: Grid, relations: readonly Relation[], min: number): CellRef[] {
  const model = modelOf(relations);
  return pinnedOf(grid, model, min).map((c) => model.refs[c]!);
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
  const model = modelOf(relations);
  let hid = 0;
  for (;;) {
    const pinned = pinnedOf(grid, model, min);
    if (pinned.length === 0) return hid;
    // One cell for each pinned cell at once (a report with many activities may need many), then look again.
    const next = new Set<number>();
    for (const target of pinned) {
      const c = nearestHideable(grid, model, target, hideable);
      if (c !== null) next.add(c);
    }
    if (next.size === 0) return hid;
    for (const c of next) hideEverywhere(grid, relations, model.refs[c]!);
    hid += next.size;
  }
}

/** Breadth first from a pinned cell through its relations: the smallest hideable shown cell of the nearest layer that has one. */
function nearestHideable(grid: Grid, model: Model, target: number, hideable: (ref: CellRef) => boolean): number | null {
  const seen = new Set([target]);
  let frontier = [target];
  while (frontier.length > 0) {
    let best: { c: number; value: number } | null = null;
    const following: number[] = [];
    for (const cell of frontier) {
      for (const r of model.byCell[cell]!) {
        const relation = model.relations[r]!;
        for (const c of [...relation.parts, relation.total]) {
          const ref = model.refs[c]!;
          const shown = grid[ref[0]]![ref[1]]!.cells[ref[2]]!;
          if (shown.kind === "value") {
            if (shown.value > 0 && hideable(ref) && (!best || shown.value < best.value)) best = { c, value: shown.value };
          } else if (!seen.has(c)) {
            seen.add(c);
            following.push(c);
          }
        }
      }
    }
    if (best) return best.c;
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
