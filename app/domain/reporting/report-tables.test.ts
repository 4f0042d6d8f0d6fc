import { describe, expect, it } from "vitest";
import type { Counts } from "./counts.ts";
import { reportTables, type Names, type Table } from "./report-tables.ts";

const breakdown = (byArea: Record<string, number>) => ({
  total: Object.values(byArea).reduce((a, b) => a + b, 0),
  byArea,
  byAge: { "6-12": Object.values(byArea).reduce((a, b) => a + b, 0) },
  byGender: {},
});
const counts: Counts = {
  enrolments: breakdown({ a: 3, b: 12, c: 7 }),
  waitingList: breakdown({}),
  cancellations: breakdown({}),
  attendances: breakdown({ a: 30, b: 40 }),
  uniqueParticipants: breakdown({ a: 2, b: 20, unknown: 1 }),
  uniqueHouseholds: { total: 9, byArea: { a: 1, b: 8 } },
  sessionsHeld: 3,
  activitiesHeld: 1,
  moved: 0,
  headCounts: { adults: 0, children: 0, byArea: {} },
  perActivity: [],
  perType: [],
  perProgramme: [],
  perMonth: [],
};
const names: Names = {
  areas: [
    { id: "a", name: "Vangdalen", isPlanArea: true },
    { id: "b", name: "Gl. Jennumparken", isPlanArea: true },
    { id: "c", name: "Uden for", isPlanArea: false },
  ],
  activities: new Map(),
  types: new Map(),
};

const column = (table: Table, name: string) => {
  const index = table.columns.indexOf(name);
  return table.rows.map(
    (row) =>
      ("text" in row.label ? row.label.text : row.label.key) +
      "=" +
      (row.cells[index]!.kind === "value" ? (row.cells[index] as { value: number }).value : row.cells[index]!.kind),
  );
};

describe("report tables", () => {
  it("show exact numbers to staff on screen", () => {
    const areas = reportTables(counts, null, names, { mode: "exact", min: 5 }).find((table) => table.id === "areas")!;
    expect(column(areas, "enrolments")).toEqual(["Vangdalen=3", "Gl. Jennumparken=12", "Uden for=7", "unknownArea=0", "total=22"]);
  });

  it("suppress small cells, with a second cell, when shared", () => {
    const areas = reportTables(counts, null, names, { mode: "shared", min: 5 }).find((table) => table.id === "areas")!;
    expect(column(areas, "enrolments")).toEqual(["Vangdalen=small", "Gl. Jennumparken=12", "Uden for=hidden", "unknownArea=0", "total=22"]);
    // 2 and 1 are both small: no second cell needed.
    expect(column(areas, "uniqueParticipants")).toEqual(["Vangdalen=small", "Gl. Jennumparken=20", "Uden for=0", "unknownArea=small", "total=23"]);
    expect(column(areas, "uniqueHouseholds")).toEqual(["Vangdalen=small", "Gl. Jennumparken=hidden", "Uden for=0", "unknownArea=0", "total=9"]);
  });

  it("never hide sessions held: they are not people", () => {
    const summary = reportTables(counts, null, names, { mode: "shared", min: 5 }).find((table) => table.id === "summary")!;
    const sessions = summary.rows.find((row) => "key" in row.label && row.label.key === "measure.sessionsHeld")!;
    expect(sessions.cells[0]).toEqual({ kind: "value", value: 3 });
  });
});
