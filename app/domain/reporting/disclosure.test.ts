// Can a reader work out a hidden cell from what is shown? Two readers:
// the bounds reasoning of disclosure.ts, and below an exhaustive one (a
// search over every value the hidden cells could take, consistent with all
// relations) that decides exactly whether a hidden cell has one possible
// value. The report's shared tables are checked with the exhaustive reader
// on 300 random small reports built from person-level data.
import { describe, expect, it } from "vitest";
import type { ActivityRow, Counts } from "./counts.ts";
import { pinnedCells, recoverBounds, type CellRef, type Relation } from "./disclosure.ts";
import { reportRelations, reportTables, type Names } from "./report-tables.ts";
import type { ShownCount } from "./suppression.ts";
import { recoverable } from "../../../tests/setup/disclosure-reader.ts";

const v = (value: number): ShownCount => ({ kind: "value", value });
const small: ShownCount = { kind: "small" };
const hidden: ShownCount = { kind: "hidden" };
const grid = (...tables: ShownCount[][][]) => tables.map((rows) => rows.map((cells) => ({ cells })));

describe("what a reader can work out (bounds reasoning)", () => {
  it.each<[string, ReturnType<typeof grid>, Relation[], CellRef[]]>([
    // name, tables (table → rows → cells), relations, cells pinned
    [
      "one hidden cell: total minus the others",
      grid([[small], [v(12)], [v(15)]]),
      [
        {
          kind: "sum",
          parts: [
            [0, 0, 0],
            [0, 1, 0],
          ],
          total: [0, 2, 0],
        },
      ],
      [[0, 0, 0]],
    ],
    [
      "two hidden, total 6: '<5' + hidden (≥ 5) can only be 1 + 5",
      grid([[small], [hidden], [v(6)]]),
      [
        {
          kind: "sum",
          parts: [
            [0, 0, 0],
            [0, 1, 0],
          ],
          total: [0, 2, 0],
        },
      ],
      [
        [0, 0, 0],
        [0, 1, 0],
      ],
    ],
    [
      "two hidden, total 9: 1–4 + 5–8, not pinned",
      grid([[small], [hidden], [v(9)]]),
      [
        {
          kind: "sum",
          parts: [
            [0, 0, 0],
            [0, 1, 0],
          ],
          total: [0, 2, 0],
        },
      ],
      [],
    ],
    [
      "two '<5' adding up to 2: both 1",
      grid([[small], [small], [v(20)], [v(22)]]),
      [
        {
          kind: "sum",
          parts: [
            [0, 0, 0],
            [0, 1, 0],
            [0, 2, 0],
          ],
          total: [0, 3, 0],
        },
      ],
      [
        [0, 0, 0],
        [0, 1, 0],
      ],
    ],
    [
      "one session held: attendances equal unique people in the same row",
      grid([[small, v(3)]]),
      [
        { kind: "atMost", small: [0, 0, 0], big: [0, 0, 1] },
        { kind: "atMost", small: [0, 0, 1], big: [0, 0, 0], factor: 1 },
      ],
      [[0, 0, 0]],
    ],
    [
      "three sessions: attendances 7–21, not pinned",
      grid([[v(7), hidden]]),
      [
        { kind: "atMost", small: [0, 0, 0], big: [0, 0, 1] },
        { kind: "atMost", small: [0, 0, 1], big: [0, 0, 0], factor: 3 },
      ],
      [],
    ],
    [
      "a second table: a type with one activity shows the same figure",
      grid([[small]], [[v(3)]]),
      [{ kind: "sum", parts: [[0, 0, 0]], total: [1, 0, 0] }],
      [[0, 0, 0]],
    ],
    [
      "unique people: each part at most the total, together at least it",
      grid([[small], [v(4)]]),
      [
        { kind: "sumAtLeast", parts: [[0, 0, 0]], total: [0, 1, 0] },
        { kind: "atMost", small: [0, 0, 0], big: [0, 1, 0] },
      ],
      [[0, 0, 0]],
    ],
  ])("%s", (_, tables, relations, pinned) => {
    expect(pinnedCells(tables, relations, 5)).toEqual(pinned);
  });

  it("narrows without pinning: '<5' + '<5' = 3 leaves each at 1–2", () => {
    const bounds = recoverBounds(
      grid([[small], [small], [v(3)]]),
      [
        {
          kind: "sum",
          parts: [
            [0, 0, 0],
            [0, 1, 0],
          ],
          total: [0, 2, 0],
        },
      ],
      5,
    );
    expect(bounds.get("0:0:0")).toEqual({ lo: 1, hi: 2 });
  });
});

// ---------------------------------------------------------------- random reports from person-level data

/** mulberry32: a small seeded generator, so a failing seed can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
}

const names: Names = {
  areas: [
    { id: "a", name: "Vangdalen", isPlanArea: true },
    { id: "b", name: "Gl. Jennumparken", isPlanArea: true },
    { id: "o", name: "Uden for", isPlanArea: false },
  ],
  activities: new Map(["x1", "x2", "x3"].map((key) => [key, key])),
  types: new Map([
    ["t1", "Sport"],
    ["t2", "Lektiecafé"],
  ]),
};

/** A small report: people in areas, attending activities (of two types) over two months, some enrolled, some waiting. */
function randomCounts(seed: number): Counts {
  const pick = random(seed);
  const areas = ["a", "b", "o"];
  const activities = [
    { id: "x1", type: "t1", sessions: 1 + pick(3) },
    { id: "x2", type: "t1", sessions: 1 + pick(3) },
    { id: "x3", type: "t2", sessions: 1 + pick(2) },
  ].slice(0, 1 + pick(3));
  const people = Array.from({ length: 1 + pick(24) }, (_, index) => ({
    id: index,
    area: areas[pick(3)]!,
    band: pick(2) ? "6-12" : "13-17",
    gender: pick(2) ? "FEMALE" : "MALE",
  }));
  const empty = () => ({ total: 0, byArea: {} as Record<string, number>, byAge: {} as Record<string, number>, byGender: {} as Record<string, number> });
  const counts: Counts = {
    enrolments: empty(),
    waitingList: empty(),
    cancellations: empty(),
    attendances: empty(),
    uniqueParticipants: empty(),
    uniqueHouseholds: { total: 0, byArea: {} },
    sessionsHeld: activities.reduce((sum, activity) => sum + activity.sessions, 0),
    activitiesHeld: activities.length,
    moved: 0,
    headCounts: { adults: 0, children: 0, byArea: {} },
    perActivity: [],
    perType: [],
    perProgramme: [],
    perMonth: [],
  };
  const add = (breakdown: Counts["enrolments"], person: (typeof people)[number], n: number) => {
    breakdown.total += n;
    breakdown.byArea[person.area] = (breakdown.byArea[person.area] ?? 0) + n;
    breakdown.byAge[person.band as "6-12"] = (breakdown.byAge[person.band as "6-12"] ?? 0) + n;
    breakdown.byGender[person.gender] = (breakdown.byGender[person.gender] ?? 0) + n;
  };
  const rows = new Map<string, ActivityRow>(
    activities.map((activity) => [
      activity.id,
      {
        activityId: activity.id,
        typeId: activity.type,
        enrolments: 0,
        waitingList: 0,
        cancellations: 0,
        attendances: 0,
        sessionsHeld: activity.sessions,
        uniqueParticipants: 0,
        headCountAdults: 0,
        headCountChildren: 0,
      },
    ]),
  );
  const byType = new Map<string, Set<number>>();
  const months = new Map<string, { people: Set<number>; attendances: number }>();
  const participants = new Set<number>();
  for (const person of people) {
    for (const activity of activities) {
      const row = rows.get(activity.id)!;
      const roll = pick(4);
      if (roll === 0) continue;
      if (roll === 1) {
        add(counts.waitingList, person, 1);
        row.waitingList++;
        continue;
      }
      add(counts.enrolments, person, 1);
      row.enrolments++;
      const times = 1 + pick(activity.sessions);
      add(counts.attendances, person, times);
      row.attendances += times;
      row.uniqueParticipants++;
      participants.add(person.id);
      byType.set(activity.type, (byType.get(activity.type) ?? new Set()).add(person.id));
      for (let time = 0; time < times; time++) {
        const month = pick(2) ? "2026-01" : "2026-02";
        const entry = months.get(month) ?? months.set(month, { people: new Set(), attendances: 0 }).get(month)!;
        entry.people.add(person.id);
        entry.attendances++;
      }
    }
  }
  for (const person of people) {
    if (!participants.has(person.id)) continue;
    add(counts.uniqueParticipants, person, 1);
    // Households of one here: each participant's household, under their area.
    counts.uniqueHouseholds.total++;
    counts.uniqueHouseholds.byArea[person.area] = (counts.uniqueHouseholds.byArea[person.area] ?? 0) + 1;
  }
  counts.perActivity = [...rows.values()];
  counts.perType = [...byType.entries()].map(([typeId, set]) => ({
    typeId,
    uniqueParticipants: set.size,
    attendances: counts.perActivity.filter((row) => row.typeId === typeId).reduce((sum, row) => sum + row.attendances, 0),
  }));
  counts.perMonth = [...months.entries()].sort().map(([month, entry]) => ({ month, uniqueParticipants: entry.people.size, attendances: entry.attendances }));
  return counts;
}

describe("the shared report against the exhaustive reader", () => {
  it("the reader finds the cells the old suppression left open (it can fail)", () => {
    // Total 6 = '<5' + hidden: both recoverable (1 and 5).
    const tables = grid([[small], [hidden], [v(6)]]);
    expect(
      recoverable(
        tables,
        [
          {
            kind: "sum",
            parts: [
              [0, 0, 0],
              [0, 1, 0],
            ],
            total: [0, 2, 0],
          },
        ],
        5,
      ),
    ).toEqual(["0:0:0=1", "0:1:0=5"]);
  });

  it("no hidden cell of 300 random reports can be worked out from what they show", () => {
    let hiddenCells = 0;
    const leaks: { seed: number; recovered: string[] }[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const counts = randomCounts(seed);
      const tables = reportTables(counts, null, names, { mode: "shared", min: 5 });
      const relations = reportRelations(counts, null, names, 5);
      const g = tables.map((table) => table.rows);
      hiddenCells += g
        .flat()
        .flatMap((row) => row.cells)
        .filter((cell) => cell.kind !== "value").length;
      const recovered = recoverable(g, relations, 5);
      if (recovered.length > 0) leaks.push({ seed, recovered });
    }
    expect(leaks).toEqual([]);
    expect(hiddenCells).toBeGreaterThan(100); // the reports do hide things
  }, 120_000);
});
