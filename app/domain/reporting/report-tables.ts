// The report as tables: one shape for the page, the print view, CSV and
// xlsx, so every view shows the same numbers. Pure: takes the counts and
// the names, returns rows of cells. In "shared" mode (exports, print, and
// the on-screen view meant for sharing) small cells are suppressed; in
// "exact" mode (staff on screen) every number is shown.
import type { AgeBand } from "./period.ts";
import { AGE_BANDS } from "./period.ts";
import { NO_PROGRAMME, UNKNOWN, type ActivityRow, type Breakdown, type Counts, type JobCounts } from "./counts.ts";
import { protect, type CellRef, type Relation } from "./disclosure.ts";
import { suppressCells, suppressOne, type ShownCount } from "./suppression.ts";

export type Mode = "exact" | "shared";

/** A row label: a translation key (in the `reports` namespace) or a name from the data. */
export type Label = { key: string; params?: Record<string, string | number> } | { text: string };

export type Row = { label: Label; cells: ShownCount[]; total?: boolean };

export type Table = {
  id: "summary" | "areas" | "ages" | "genders" | "activities" | "types" | "programmes" | "months" | "headCounts" | "jobs" | "jobAreas";
  /** Translation keys of the column headings (`reports:measure.<key>`). */
  columns: string[];
  rows: Row[];
};

export type Names = {
  /** Housing areas in the report's order (plan areas first, then outside). */
  areas: { id: string; name: string; isPlanArea: boolean }[];
  activities: Map<string, string>;
  types: Map<string, string>;
  /** Programme id → name (absent: no programme names, e.g. in tests of other tables). */
  programmes?: Map<string, string>;
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

/**
 * The report's tables. Shared: small cells suppressed, then more cells
 * hidden until none can be worked out from the rest (disclosure.ts).
 */
export function reportTables(counts: Counts, jobs: JobCounts | null, names: Names, options: { mode: Mode; min: number }): Table[] {
  const shown = buildTables(counts, jobs, names, options);
  if (options.mode === "exact") return shown.tables;
  const relations = reportRelations(counts, jobs, names, options.min);
  protect(
    shown.tables.map((table) => table.rows),
    relations,
    options.min,
    ([table, row, column]) => hideable(shown.tables[table]!, row, column),
  );
  return shown.tables;
}

/** The relations between the report's cells that hold for these figures (the same layout in both modes). */
export function reportRelations(counts: Counts, jobs: JobCounts | null, names: Names, min: number): Relation[] {
  const exact = buildTables(counts, jobs, names, { mode: "exact", min });
  return relationsOf(exact.tables, exact.activityOrder, counts, names).filter((relation) => holds(relation, exact.tables));
}

/** Figures that are not people (sessions, activities, shifts, hours) are never hidden. */
const NOT_PEOPLE = new Set(["measure.sessionsHeld", "measure.activitiesHeld", "measure.shiftsWorked", "measure.hoursWorked"]);
function hideable(table: Table, row: number, column: number): boolean {
  const label = table.rows[row]!.label;
  return table.columns[column] !== "sessionsHeld" && !("key" in label && NOT_PEOPLE.has(label.key));
}

const valueAt = (tables: Table[], [table, row, column]: CellRef) => {
  const cell = tables[table]!.rows[row]!.cells[column]!;
  return cell.kind === "value" ? cell.value : Number.NaN;
};

/** Does a relation hold for the true figures? (A reader can only know true relations; one that fails for these data is left out.) */
function holds(relation: Relation, exact: Table[]): boolean {
  const value = (ref: CellRef) => valueAt(exact, ref);
  if (relation.kind === "atMost") return value(relation.small) <= value(relation.big) * (relation.factor ?? 1);
  const sum = relation.parts.reduce((total, ref) => total + value(ref), 0);
  return relation.kind === "sum" ? sum === value(relation.total) : sum >= value(relation.total);
}

/**
 * How the report's cells relate, as a reader of all its tables knows: each
 * breakdown adds up to its total row, every total row is the summary's
 * figure, activities add up to the summary and to their type, unique people
 * per activity, type and month are each at most the total and together at
 * least it, and in an activity's row unique people ≤ attendances ≤ unique
 * people × sessions held (one session: attendances = unique people).
 */
function relationsOf(tables: Table[], activityOrder: ActivityRow[], counts: Counts, names: Names): Relation[] {
  const relations: Relation[] = [];
  const tableIndex = (id: Table["id"]) => tables.findIndex((table) => table.id === id);
  const summary = tableIndex("summary");
  const summaryCell = (table: number, measure: string): CellRef | null => {
    if (table === -1) return null;
    const row = tables[table]!.rows.findIndex((r) => "key" in r.label && r.label.key === `measure.${measure}`);
    return row === -1 ? null : [table, row, 0];
  };
  const sum = (parts: CellRef[], total: CellRef | null) => {
    if (total && parts.length > 0) relations.push({ kind: "sum", parts, total });
  };
  const sumAtLeast = (parts: CellRef[], total: CellRef | null) => {
    if (total && parts.length > 0) relations.push({ kind: "sumAtLeast", parts, total });
  };
  const atMost = (small: CellRef | null, big: CellRef | null, factor?: number) => {
    if (small && big) relations.push({ kind: "atMost", small, big, factor });
  };

  // Breakdowns with a total row: the rows add up to it, and it is the summary's (or the jobs table's) figure.
  const jobsTable = tableIndex("jobs");
  for (const id of ["areas", "ages", "genders", "headCounts", "jobAreas"] as const) {
    const t = tableIndex(id);
    if (t === -1) continue;
    const rows = tables[t]!.rows;
    const totalRow = rows.findIndex((row) => row.total);
    tables[t]!.columns.forEach((column, c) => {
      const parts = rows.flatMap((row, r) => (row.total ? [] : [[t, r, c] as CellRef]));
      sum(parts, [t, totalRow, c]);
      sum([[t, totalRow, c]], summaryCell(id === "jobAreas" ? jobsTable : summary, column));
    });
  }

  // Activities: additive columns add up to the summary; unique people do not add up, but none exceeds the total.
  const activities = tableIndex("activities");
  const activityColumns = tables[activities]!.columns;
  const activityCell = (row: number, column: string): CellRef => [activities, row, activityColumns.indexOf(column)];
  const activityRows = activityOrder.map((_, row) => row);
  for (const column of ["enrolments", "attendances", "waitingList", "cancellations", "headCountAdults", "headCountChildren"]) {
    sum(
      activityRows.map((row) => activityCell(row, column)),
      summaryCell(summary, column),
    );
  }
  const uniqueTotal = summaryCell(summary, "uniqueParticipants");
  sumAtLeast(
    activityRows.map((row) => activityCell(row, "uniqueParticipants")),
    uniqueTotal,
  );
  activityOrder.forEach((activity, row) => {
    atMost(activityCell(row, "uniqueParticipants"), uniqueTotal);
    if (activity.attendances > 0) {
      atMost(activityCell(row, "uniqueParticipants"), activityCell(row, "attendances"));
      if (activity.sessionsHeld > 0) atMost(activityCell(row, "attendances"), activityCell(row, "uniqueParticipants"), activity.sessionsHeld);
    }
  });

  // Types: their activities' attendances add up to the type's; a type's unique people are at least each activity's.
  const types = tableIndex("types");
  counts.perType.forEach((type, row) => {
    const members = activityOrder.flatMap((activity, r) => (activity.typeId === type.typeId ? [r] : []));
    sum(
      members.map((r) => activityCell(r, "attendances")),
      [types, row, 1],
    );
    sumAtLeast(
      members.map((r) => activityCell(r, "uniqueParticipants")),
      [types, row, 0],
    );
    for (const r of members) atMost(activityCell(r, "uniqueParticipants"), [types, row, 0]);
    atMost([types, row, 0], uniqueTotal);
  });
  sum(
    counts.perType.map((_, row) => [types, row, 1] as CellRef),
    summaryCell(summary, "attendances"),
  );
  sumAtLeast(
    counts.perType.map((_, row) => [types, row, 0] as CellRef),
    uniqueTotal,
  );

  // Programmes (with the row of activities in none, they cover every activity): as types.
  const programmes = tableIndex("programmes");
  programmeOrder(counts, names).forEach((programme, row) => {
    const members = activityOrder.flatMap((activity, r) => (activity.programmeId === programme.programmeId ? [r] : []));
    sum(
      members.map((r) => activityCell(r, "attendances")),
      [programmes, row, 1],
    );
    sumAtLeast(
      members.map((r) => activityCell(r, "uniqueParticipants")),
      [programmes, row, 0],
    );
    for (const r of members) atMost(activityCell(r, "uniqueParticipants"), [programmes, row, 0]);
    atMost([programmes, row, 0], uniqueTotal);
  });
  sum(
    counts.perProgramme.map((_, row) => [programmes, row, 1] as CellRef),
    summaryCell(summary, "attendances"),
  );
  sumAtLeast(
    counts.perProgramme.map((_, row) => [programmes, row, 0] as CellRef),
    uniqueTotal,
  );

  // Months: attendances add up to the period's; each month's unique people are at most the period's.
  const months = tableIndex("months");
  const monthRows = counts.perMonth.map((_, row) => row);
  sum(
    monthRows.map((row) => [months, row, 1] as CellRef),
    summaryCell(summary, "attendances"),
  );
  sumAtLeast(
    monthRows.map((row) => [months, row, 0] as CellRef),
    uniqueTotal,
  );
  for (const row of monthRows) {
    atMost([months, row, 0], uniqueTotal);
    atMost([months, row, 0], [months, row, 1]);
  }

  // Households are at most the people.
  atMost(summaryCell(summary, "uniqueHouseholds"), uniqueTotal);
  return relations;
}

/** Programmes by name, the activities in none last. */
function programmeOrder(counts: Counts, names: Names): Counts["perProgramme"] {
  const name = (id: string) => names.programmes?.get(id) ?? "";
  return [...counts.perProgramme].sort(
    (a, b) => Number(a.programmeId === NO_PROGRAMME) - Number(b.programmeId === NO_PROGRAMME) || name(a.programmeId).localeCompare(name(b.programmeId), "da"),
  );
}

function buildTables(
  counts: Counts,
  jobs: JobCounts | null,
  names: Names,
  options: { mode: Mode; min: number },
): { tables: Table[]; activityOrder: ActivityRow[] } {
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
  const programmes = programmeOrder(counts, names);
  tables.push({
    id: "programmes",
    columns: ["uniqueParticipants", "attendances"],
    rows: columnsToRows(
      programmes.map((row) => (row.programmeId === NO_PROGRAMME ? { key: "noProgramme" } : { text: names.programmes?.get(row.programmeId) ?? "?" })),
      [
        // Unique people once across a programme's terms; a person in two programmes is in both rows.
        { values: programmes.map((row) => row.uniqueParticipants), partition: false, people: true },
        { values: programmes.map((row) => row.attendances), partition: true, people: true },
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
  return { tables, activityOrder: activities };
}
