// The report as tables: one shape for the page, the print view, CSV and
// xlsx, so every view shows the same numbers. Pure: takes the counts and
// the names, returns rows of cells. In "shared" mode (exports, print, and
// the on-screen view meant for sharing) small cells are suppressed; in
// "exact" mode (staff on screen) every number is shown.
import type { AgeBand } from "./period.ts";
import { AGE_BANDS } from "./period.ts";
import { UNKNOWN, type Breakdown, type Counts, type JobCounts } from "./counts.ts";
import { suppressCells, suppressOne, type ShownCount } from "./suppression.ts";

export type Mode = "exact" | "shared";

/** A row label: a translation key (in the `reports` namespace) or a name from the data. */
export type Label = { key: string; params?: Record<string, string | number> } | { text: string };

export type Row = { label: Label; cells: ShownCount[]; total?: boolean };

export type Table = {
  id: "summary" | "areas" | "ages" | "genders" | "activities" | "types" | "months" | "headCounts" | "jobs" | "jobAreas";
  /** Translation keys of the column headings (`reports:measure.<key>`). */
  columns: string[];
  rows: Row[];
};

export type Names = {
  /** Housing areas in the report's order (plan areas first, then outside). */
  areas: { id: string; name: string; isPlanArea: boolean }[];
  activities: Map<string, string>;
  types: Map<string, string>;
};

const exact = (value: number): ShownCount => ({ kind: "value", value });

/**
 * Cells of several columns over the same rows. Each column is suppressed on
 * its own; `partition` says whether a column's rows add up to its total.
 */
function columnsToRows(
  labels: Label[],
  columns: { values: number[]; partition: boolean; people: boolean }[],
  mode: Mode,
  min: number,
  withTotal: boolean,
): Row[] {
  const shown = columns.map((column) =>
    mode === "exact" || !column.people ? column.values.map(exact) : suppressCells(column.values, { min, partition: column.partition }),
  );
  const rows: Row[] = labels.map((label, index) => ({ label, cells: shown.map((column) => column[index]!) }));
  if (withTotal) {
    rows.push({
      label: { key: "total" },
      total: true,
      cells: columns.map((column) => {
        const sum = column.values.reduce((a, b) => a + b, 0);
        return mode === "exact" || !column.people ? exact(sum) : suppressOne(sum, min);
      }),
    });
  }
  return rows;
}

/** Area keys in order: plan areas, areas outside the plan, then "unknown". */
function areaKeys(names: Names): { key: string; label: Label }[] {
  return [
    ...names.areas.filter((area) => area.isPlanArea).map((area) => ({ key: area.id, label: { text: area.name } as Label })),
    ...names.areas.filter((area) => !area.isPlanArea).map((area) => ({ key: area.id, label: { text: area.name } as Label })),
    { key: UNKNOWN, label: { key: "unknownArea" } },
  ];
}

const ageKeys: { key: AgeBand; label: Label }[] = [...AGE_BANDS, UNKNOWN as AgeBand].map((band) => ({
  key: band,
  label: band === UNKNOWN ? { key: "unknownAge" } : { key: "ageBand", params: { band } },
}));

export function reportTables(counts: Counts, jobs: JobCounts | null, names: Names, options: { mode: Mode; min: number }): Table[] {
  const { mode, min } = options;
  const people = (value: number) => (mode === "exact" ? exact(value) : suppressOne(value, min));
  const tables: Table[] = [];

  tables.push({
    id: "summary",
    columns: ["value"],
    rows: [
      { label: { key: "measure.enrolments" }, cells: [people(counts.enrolments.total)] },
      { label: { key: "measure.waitingList" }, cells: [people(counts.waitingList.total)] },
      { label: { key: "measure.cancellations" }, cells: [people(counts.cancellations.total)] },
      { label: { key: "measure.attendances" }, cells: [people(counts.attendances.total)] },
      { label: { key: "measure.uniqueParticipants" }, cells: [people(counts.uniqueParticipants.total)] },
      { label: { key: "measure.uniqueHouseholds" }, cells: [people(counts.uniqueHouseholds.total)] },
      { label: { key: "measure.sessionsHeld" }, cells: [exact(counts.sessionsHeld)] },
      { label: { key: "measure.activitiesHeld" }, cells: [exact(counts.activitiesHeld)] },
      { label: { key: "measure.headCountAdults" }, cells: [people(counts.headCounts.adults)] },
      { label: { key: "measure.headCountChildren" }, cells: [people(counts.headCounts.children)] },
      { label: { key: "measure.moved" }, cells: [people(counts.moved)] },
    ],
  });

  const byDimension = (
    id: "areas" | "ages" | "genders",
    keys: { key: string; label: Label }[],
    pick: (breakdown: Breakdown) => Record<string, number>,
    households: boolean,
  ): Table => {
    const measures: { column: string; values: Record<string, number> }[] = [
      { column: "enrolments", values: pick(counts.enrolments) },
      { column: "uniqueParticipants", values: pick(counts.uniqueParticipants) },
      ...(households ? [{ column: "uniqueHouseholds", values: counts.uniqueHouseholds.byArea }] : []),
      { column: "attendances", values: pick(counts.attendances) },
      { column: "waitingList", values: pick(counts.waitingList) },
      { column: "cancellations", values: pick(counts.cancellations) },
    ];
    // Leave out rows that are empty in every column ("unknown" when everything is known).
    const used = keys.filter(({ key }) => measures.some((measure) => (measure.values[key] ?? 0) > 0) || key !== UNKNOWN);
    return {
      id,
      columns: measures.map((measure) => measure.column),
      rows: columnsToRows(
        used.map(({ label }) => label),
        measures.map((measure) => ({ values: used.map(({ key }) => measure.values[key] ?? 0), partition: true, people: true })),
        mode,
        min,
        true,
      ),
    };
  };
  tables.push(byDimension("areas", areaKeys(names), (breakdown) => breakdown.byArea, true));
  tables.push(byDimension("ages", ageKeys, (breakdown) => breakdown.byAge as Record<string, number>, false));
  tables.push(
    byDimension(
      "genders",
      ["FEMALE", "MALE", "OTHER", UNKNOWN].map((key) => ({ key, label: { key: `gender.${key}` } })),
      (breakdown) => breakdown.byGender,
      false,
    ),
  );

  const activities = [...counts.perActivity].sort((a, b) =>
    (names.activities.get(a.activityId) ?? "").localeCompare(names.activities.get(b.activityId) ?? "", "da"),
  );
  tables.push({
    id: "activities",
    columns: ["enrolments", "uniqueParticipants", "attendances", "sessionsHeld", "waitingList", "cancellations", "headCountAdults", "headCountChildren"],
    rows: columnsToRows(
      activities.map((row) => ({ text: names.activities.get(row.activityId) ?? "?" })),
      [
        { values: activities.map((row) => row.enrolments), partition: true, people: true },
        // A person in three activities is in three rows: these do not add up to the unique total.
        { values: activities.map((row) => row.uniqueParticipants), partition: false, people: true },
        { values: activities.map((row) => row.attendances), partition: true, people: true },
        { values: activities.map((row) => row.sessionsHeld), partition: true, people: false },
        { values: activities.map((row) => row.waitingList), partition: true, people: true },
        { values: activities.map((row) => row.cancellations), partition: true, people: true },
        { values: activities.map((row) => row.headCountAdults), partition: true, people: true },
        { values: activities.map((row) => row.headCountChildren), partition: true, people: true },
      ],
      mode,
      min,
      false,
    ),
  });
  tables.push({
    id: "types",
    columns: ["uniqueParticipants", "attendances"],
    rows: columnsToRows(
      counts.perType.map((row) => ({ text: names.types.get(row.typeId) ?? "?" })),
      [
        { values: counts.perType.map((row) => row.uniqueParticipants), partition: false, people: true },
        { values: counts.perType.map((row) => row.attendances), partition: true, people: true },
      ],
      mode,
      min,
      false,
    ),
  });
  tables.push({
    id: "months",
    columns: ["uniqueParticipants", "attendances"],
    rows: columnsToRows(
      counts.perMonth.map((row) => ({ key: "month", params: { month: row.month } })),
      [
        // Someone who came in July and in August is in both months.
        { values: counts.perMonth.map((row) => row.uniqueParticipants), partition: false, people: true },
        { values: counts.perMonth.map((row) => row.attendances), partition: true, people: true },
      ],
      mode,
      min,
      false,
    ),
  });
  const headAreas = areaKeys(names).filter(({ key }) => counts.headCounts.byArea[key]);
  tables.push({
    id: "headCounts",
    columns: ["headCountAdults", "headCountChildren"],
    rows: columnsToRows(
      headAreas.map(({ label }) => label),
      [
        { values: headAreas.map(({ key }) => counts.headCounts.byArea[key]!.adults), partition: true, people: true },
        { values: headAreas.map(({ key }) => counts.headCounts.byArea[key]!.children), partition: true, people: true },
      ],
      mode,
      min,
      true,
    ),
  });

  if (jobs) {
    tables.push({
      id: "jobs",
      columns: ["value"],
      rows: [
        { label: { key: "measure.applicants" }, cells: [people(jobs.applicants.total)] },
        { label: { key: "measure.employed" }, cells: [people(jobs.employed.total)] },
        { label: { key: "measure.shiftsWorked" }, cells: [exact(jobs.shiftsWorked)] },
        { label: { key: "measure.hoursWorked" }, cells: [exact(Math.round((jobs.minutesWorked / 60) * 10) / 10)] },
      ],
    });
    const keys = areaKeys(names).filter(({ key }) => key !== UNKNOWN || jobs.applicants.byArea[UNKNOWN] || jobs.employed.byArea[UNKNOWN]);
    tables.push({
      id: "jobAreas",
      columns: ["applicants", "employed"],
      rows: columnsToRows(
        keys.map(({ label }) => label),
        [
          { values: keys.map(({ key }) => jobs.applicants.byArea[key] ?? 0), partition: true, people: true },
          { values: keys.map(({ key }) => jobs.employed.byArea[key] ?? 0), partition: true, people: true },
        ],
        mode,
        min,
        true,
      ),
    });
  }
  return tables;
}
