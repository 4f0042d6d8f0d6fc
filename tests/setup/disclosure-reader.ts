// The exhaustive reader of a shared report (issue 17): for each hidden cell,
// the smallest and the largest integer it can take under every relation
// between the cells and what a reader knows of each cell ("<5" is 1–4, a
// hidden cell at least the threshold). Equal: the cell can be worked out.
// Two integer programs per hidden cell, solved exactly by GLPK (glpk.js), so
// this reader is independent of the bounds reasoning in disclosure.ts.
import GLPK from "glpk.js/node";
import { expect } from "vitest";
import type { CellRef, Relation } from "../../app/domain/reporting/disclosure.ts";
import type { ShownCount } from "../../app/domain/reporting/suppression.ts";

const glpk = await GLPK();

type Grid = { cells: ShownCount[] }[][];
const at = (g: Grid, [t, r, c]: CellRef) => g[t]![r]!.cells[c]!;
const id = ([t, r, c]: CellRef) => `${t}:${r}:${c}`;

/** Hidden cells with exactly one possible value, as "table:row:column=value". */
export function recoverable(g: Grid, relations: readonly Relation[], min: number): string[] {
  const name = (ref: CellRef) => `c${ref[0]}_${ref[1]}_${ref[2]}`;
  const hiddenRefs = new Map<string, CellRef>();
  for (const relation of relations) {
    for (const ref of relation.kind === "atMost" ? [relation.small, relation.big] : [...relation.parts, relation.total]) {
      if (at(g, ref).kind !== "value") hiddenRefs.set(name(ref), ref);
    }
  }
  // Each relation as Σ coef·hidden within [lb, ub], the shown cells moved to the bounds.
  const subjectTo = relations.map((relation, index) => {
    const terms = new Map<string, number>();
    let constant = 0;
    const term = (ref: CellRef, coef: number) => {
      const cell = at(g, ref);
      if (cell.kind === "value") constant += coef * cell.value;
      else terms.set(name(ref), (terms.get(name(ref)) ?? 0) + coef);
    };
    if (relation.kind === "atMost") {
      term(relation.small, 1);
      term(relation.big, -(relation.factor ?? 1));
    } else {
      for (const ref of relation.parts) term(ref, 1);
      term(relation.total, -1);
    }
    const type = relation.kind === "sum" ? glpk.GLP_FX : relation.kind === "sumAtLeast" ? glpk.GLP_LO : glpk.GLP_UP;
    return { name: `r${index}`, vars: [...terms].map(([n, coef]) => ({ name: n, coef })), bnds: { type, lb: -constant, ub: -constant } };
  });
  const bounds = [...hiddenRefs].map(([n, ref]) =>
    at(g, ref).kind === "small" ? { name: n, type: glpk.GLP_DB, lb: 1, ub: min - 1 } : { name: n, type: glpk.GLP_DB, lb: min, ub: 100_000 },
  );
  const extreme = (n: string, direction: number) => {
    const result = glpk.solve(
      { name: "reader", objective: { direction, name: "z", vars: [{ name: n, coef: 1 }] }, subjectTo, bounds, generals: [...hiddenRefs.keys()] },
      { msglev: glpk.GLP_MSG_OFF },
    );
    expect(result.result.status).toBe(glpk.GLP_OPT); // the true figures always fit
    return Math.round(result.result.z);
  };
  const found: string[] = [];
  for (const [n, ref] of hiddenRefs) {
    const lowest = extreme(n, glpk.GLP_MIN);
    if (extreme(n, glpk.GLP_MAX) === lowest) found.push(`${id(ref)}=${lowest}`);
  }
  return found;
}
