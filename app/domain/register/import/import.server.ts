// Bringing in the existing lists (issue 17): a spreadsheet of households and
// children, or of past participation in one activity, checked row by row,
// matched against the register and within the file, and written in one
// transaction under an import batch that can be undone while nothing has been
// added to what it made. The staff page and `npm run import` both call
// importSpreadsheet; the page keeps the upload as a draft batch between its
// steps (map columns → preview → import).
import { randomUUID } from "node:crypto";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { copenhagenDay, copenhagenInstant, localParts } from "../../dates.ts";
import { createClaims } from "../../households/invitations.server.ts";
import { applyMappingFile, IMPORT_FIELDS, missingFields, recogniseColumns, type ImportKind, type Mapping, type MappingFile } from "./columns.ts";
import { FileError, readSpreadsheet, type FileProblem, type Table } from "./read-file.ts";
import { createPeople, findRegisterMatches, setAreas, type NewPerson, type RegisterPerson } from "./register.server.ts";
import { householdKey, matchKey, readRows, type ImportPerson, type ImportRow, type RowProblem } from "./rows.ts";
import { DomainError } from "../../errors.ts";
import { lockRow, lockSessionsOf } from "~/domain/locking.server.ts";

/** Rows the staff page takes in one file (a larger file goes through `npm run import`). */
export const PAGE_MAX_ROWS = 10_000;
/** Rows the command line takes in one file. */
export const CLI_MAX_ROWS = 200_000;
/** Drafts (uploaded, never imported) are deleted after this long: the file holds personal data. */
export const DRAFT_HOURS = 24;

export type ImportErrorCode =
  FileProblem | "notFound" | "notDraft" | "notImported" | "activityRequired" | "unknownActivity" | "mappingIncomplete" | "badMappingFile" | "undoRefused";

/** What changed since an import, by kind (the undo refuses while any count is above 0). */
export type AddedSince = Partial<
  Record<"enrolments" | "signUps" | "attendance" | "headCounts" | "edits" | "logins" | "householdMembers" | "invitations" | "jobs", number>
>;

export class ImportError extends DomainError<ImportErrorCode> {
  constructor(
    code: ImportErrorCode,
    readonly detail: { missing?: string[]; added?: AddedSince } = {},
  ) {
    super("import", code);
  }
}

const KIND_COLUMN = { people: "PEOPLE", participation: "PARTICIPATION" } as const;
const kindOf = (column: "PEOPLE" | "PARTICIPATION"): ImportKind => (column === "PEOPLE" ? "people" : "participation");

// ---------------------------------------------------------------- results

export type RowStatus = "create" | "match" | "sameAsRow" | "skip" | "error";
export type RowOutcome = {
  row: number;
  status: RowStatus;
  /** "Adam Jensen (2016)", or for a head-count null. */
  name: string | null;
  date: string | null;
  counts: { adults: number; children: number } | null;
  problems: RowProblem[];
  /** The register's person this row is (status "match"). */
  match: { name: string; birthYear: number; area: string | null } | null;
  /** The earlier row of the file this row is the same person as (status "sameAsRow"). */
  sameAsRow: number | null;
  skip: "alreadyRecorded" | "twiceInFile" | null;
};

export type ImportSummary = {
  rows: number;
  created: { households: number; guardians: number; people: number; sessions: number; attendances: number; headCounts: number };
  matched: number;
  sameInFile: number;
  skipped: number;
  errors: number;
};

export type ImportResult = {
  batchId: string | null;
  dryRun: boolean;
  kind: ImportKind;
  headings: string[];
  mapping: Mapping;
  missing: string[];
  summary: ImportSummary;
  rows: RowOutcome[];
};

// ---------------------------------------------------------------- the one call

export type ImportSource =
  | { batchId: string; mapping?: Mapping }
  | { bytes: Uint8Array; fileName: string; kind: ImportKind; activityId: string | null; mappingFile: MappingFile | null };

/**
 * Checks a spreadsheet and, unless `dryRun`, writes it in one transaction under an import batch: the staff page's
 * draft (`{batchId}`), or a new batch for a file given directly (the command line). A dry run writes nothing and
 * answers exactly what the import would do. Throws ImportError.
 */
export async function importSpreadsheet(input: { source: ImportSource; dryRun: boolean; actorUserId: string | null; today?: string }): Promise<ImportResult> {
  const today = input.today ?? copenhagenDay(new Date());
  const source = await loadSource(input.source);
  if (source.kind === "participation" && !source.activityId) throw new ImportError("activityRequired");
  const missing = missingFields(source.mapping, source.kind);
  const work = async (tx: DbTx, batchId: string | null) => {
    const plan = await planImport(tx, { ...source, today, lock: batchId !== null });
    if (batchId === null || missing.length) return { plan, batchId: null };
    await writePlan(tx, plan, batchId, input.actorUserId);
    return { plan, batchId };
  };
  let outcome: Awaited<ReturnType<typeof work>>;
  if (input.dryRun || missing.length) outcome = await work(db, null);
  else
    outcome = await db.$transaction(
      async (tx) => {
        const batchId = await claimBatch(tx, input.source, source, input.actorUserId);
        return work(tx, batchId);
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
  return {
    batchId: outcome.batchId,
    dryRun: outcome.batchId === null,
    kind: source.kind,
    headings: source.table.headings,
    mapping: source.mapping,
    missing,
    summary: outcome.plan.summary,
    rows: outcome.plan.outcomes,
  };
}

type Source = { table: Table; kind: ImportKind; activityId: string | null; mapping: Mapping; fileName: string };

async function loadSource(source: ImportSource): Promise<Source> {
  if ("batchId" in source) {
    const batch = await db.importBatch.findUnique({
      where: { id: source.batchId },
      select: { kind: true, status: true, file: true, mapping: true, activityId: true, fileName: true },
    });
    if (!batch) throw new ImportError("notFound");
    if (batch.status !== "DRAFT" || !batch.file) throw new ImportError("notDraft");
    const table = await readTable(batch.file, PAGE_MAX_ROWS);
    const mapping = source.mapping ?? storedMapping(batch.mapping, table.headings);
    return { table, kind: kindOf(batch.kind), activityId: batch.activityId, mapping, fileName: batch.fileName };
  }
  const table = await readTable(source.bytes, CLI_MAX_ROWS);
  const mapping = source.mappingFile ? applyMappingFile(table.headings, source.mappingFile) : recogniseColumns(table.headings);
  return { table, kind: source.kind, activityId: source.activityId, mapping, fileName: source.fileName };
}

async function readTable(bytes: Uint8Array, maxRows: number): Promise<Table> {
  try {
    return await readSpreadsheet(bytes, maxRows);
  } catch (error) {
    throw error instanceof FileError ? new ImportError(error.code) : error;
  }
}

/** A stored mapping that still fits the file's headings, else the recognised one. */
function storedMapping(stored: unknown, headings: readonly string[]): Mapping {
  if (
    Array.isArray(stored) &&
    stored.length === headings.length &&
    stored.every((field) => field === null || (IMPORT_FIELDS as readonly unknown[]).includes(field))
  )
    return stored as Mapping;
  return recogniseColumns(headings);
}

/** The batch the rows are written under, locked: the page's draft (refused unless still a draft) or a new one. */
async function claimBatch(tx: DbTx, given: ImportSource, source: Source, actorUserId: string | null): Promise<string> {
  if ("batchId" in given) {
    const row = (await lockRow(tx, "ImportBatch", given.batchId))
      ? await tx.importBatch.findUnique({ where: { id: given.batchId }, select: { status: true } })
      : null;
    if (!row) throw new ImportError("notFound");
    if (row.status !== "DRAFT") throw new ImportError("notDraft");
    return given.batchId;
  }
  const batch = await tx.importBatch.create({
    data: { kind: KIND_COLUMN[source.kind], fileName: source.fileName.slice(0, 200), activityId: source.activityId, createdById: actorUserId },
    select: { id: true },
  });
  return batch.id;
}

// ---------------------------------------------------------------- planning

type PersonRef = { existing: RegisterPerson } | { created: number };
type Plan = {
  kind: ImportKind;
  activityId: string | null;
  summary: ImportSummary;
  outcomes: RowOutcome[];
  newPeople: { person: ImportPerson; row: number }[];
  households: { guardian: NonNullable<ImportRow["guardian"]>; children: number[]; areaId: string | null }[];
  sessions: { day: string; id: string; create: { startsAt: Date; endsAt: Date } | null }[];
  attendances: { sessionDay: string; person: PersonRef; housingAreaId: string | null }[];
  headCounts: { sessionDay: string; housingAreaId: string | null; adults: number; children: number }[];
};

const personName = (person: { firstName: string; lastName: string }, year: number) => `${person.firstName} ${person.lastName} (${year})`;

async function planImport(tx: DbTx, input: Source & { today: string; lock: boolean }): Promise<Plan> {
  const areas = await tx.housingArea.findMany({ select: { id: true, code: true, name: true } });
  const rows = readRows(input.table, input.mapping, { kind: input.kind, areas, today: input.today });
  const outcomes: RowOutcome[] = rows.map((row) => ({
    row: row.row,
    status: row.problems.length ? "error" : "create",
    name: row.person ? personName(row.person, row.person.birth!.year) : null,
    date: row.date,
    counts: row.counts,
    problems: row.problems,
    match: null,
    sameAsRow: null,
    skip: null,
  }));

  // The same person: earlier in the file, or already in the register.
  const firstRowOf = new Map<string, number>();
  const keyOf: (string | null)[] = rows.map((row, i) => {
    if (outcomes[i]!.status === "error" || !row.person) return null;
    const key = matchKey({ ...row.person, birthYear: row.person.birth!.year });
    if (!firstRowOf.has(key)) firstRowOf.set(key, i);
    return key;
  });
  const firsts = [...firstRowOf.values()];
  const matches = await findRegisterMatches(
    tx,
    firsts.map((i) => ({ firstName: rows[i]!.person!.firstName, lastName: rows[i]!.person!.lastName, birthYear: rows[i]!.person!.birth!.year })),
  );
  const refOf = new Map<string, PersonRef>();
  const newPeople: Plan["newPeople"] = [];
  firsts.forEach((i, n) => {
    const existing = matches[n];
    if (existing) refOf.set(keyOf[i]!, { existing });
    else refOf.set(keyOf[i]!, { created: newPeople.push({ person: rows[i]!.person!, row: rows[i]!.row }) - 1 });
  });
  rows.forEach((_, i) => {
    const key = keyOf[i];
    if (!key) return;
    const outcome = outcomes[i]!;
    const ref = refOf.get(key)!;
    const first = firstRowOf.get(key)!;
    if ("existing" in ref) {
      outcome.status = "match";
      outcome.match = { name: `${ref.existing.firstName} ${ref.existing.lastName}`, birthYear: ref.existing.birthYear, area: ref.existing.areaName };
    } else if (first !== i) {
      outcome.status = "sameAsRow";
      outcome.sameAsRow = rows[first]!.row;
    }
  });

  const plan: Plan = {
    kind: input.kind,
    activityId: input.activityId,
    outcomes,
    newPeople,
    households: [],
    sessions: [],
    attendances: [],
    headCounts: [],
    summary: {
      rows: rows.length,
      created: { households: 0, guardians: 0, people: newPeople.length, sessions: 0, attendances: 0, headCounts: 0 },
      matched: outcomes.filter((o) => o.status === "match").length,
      sameInFile: outcomes.filter((o) => o.status === "sameAsRow").length,
      skipped: 0,
      errors: outcomes.filter((o) => o.status === "error").length,
    },
  };
  if (input.kind === "people") planHouseholds(plan, rows, keyOf, refOf);
  else await planParticipation(tx, plan, rows, keyOf, refOf, input.lock);
  plan.summary.skipped = outcomes.filter((o) => o.status === "skip").length;
  return plan;
}

/** Children new to the register, grouped by their guardian into new households (children without one stay alone). */
function planHouseholds(plan: Plan, rows: ImportRow[], keyOf: (string | null)[], refOf: Map<string, PersonRef>) {
  const groups = new Map<string, Plan["households"][number]>();
  rows.forEach((row, i) => {
    const ref = keyOf[i] ? refOf.get(keyOf[i]!) : undefined;
    const key = householdKey(row);
    if (!ref || !("created" in ref) || !key || plan.outcomes[i]!.status !== "create") return;
    const group = groups.get(key) ?? { guardian: row.guardian!, children: [], areaId: null };
    groups.set(key, group);
    group.children.push(ref.created);
    group.areaId ??= row.person!.housingAreaId;
  });
  plan.households = [...groups.values()];
  plan.summary.created.households = plan.households.length;
  plan.summary.created.guardians = plan.households.length;
}

/** Each day's session (the activity's own, or one made for the day), the attendance of named people and the head-counts. */
async function planParticipation(tx: DbTx, plan: Plan, rows: ImportRow[], keyOf: (string | null)[], refOf: Map<string, PersonRef>, lock: boolean) {
  const activityId = plan.activityId!;
  const activity = await tx.activity.findUnique({ where: { id: activityId }, select: { id: true } });
  if (!activity) throw new ImportError("unknownActivity");
  // Serialises with head-counts being set on the activity's sessions (attendance.server.ts setHeadCount), not with marking.
  if (lock) await lockSessionsOf(tx, activityId);
  const days = [...new Set(rows.map((row) => row.date).filter((day): day is string => Boolean(day)))];
  const existing = await tx.activitySession.findMany({
    where: { activityId, cancelledAt: null },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, endsAt: true },
  });
  const sessionOfDay = new Map<string, string>();
  for (const session of existing) {
    const day = copenhagenDay(session.startsAt);
    if (!sessionOfDay.has(day)) sessionOfDay.set(day, session.id);
  }
  // A day without a session gets one at the activity's usual time (its first session's), else 12:00–13:00.
  const [startTime, endTime] = existing[0] ? [localParts(existing[0].startsAt).time, localParts(existing[0].endsAt).time] : ["12:00", "13:00"];
  const sessionIds = new Map<string, string>();
  for (const day of days) {
    const id = sessionOfDay.get(day);
    if (id) plan.sessions.push({ day, id, create: null });
    else {
      const startsAt = copenhagenInstant(day, startTime);
      const endsAt = copenhagenInstant(day, endTime);
      plan.sessions.push({ day, id: randomUUID(), create: { startsAt, endsAt: endsAt > startsAt ? endsAt : new Date(startsAt.getTime() + 3_600_000) } });
    }
    sessionIds.set(day, plan.sessions.at(-1)!.id);
  }
  const existingIds = plan.sessions.filter((session) => !session.create).map((session) => session.id);
  const [marked, counted] = await Promise.all([
    tx.attendance.findMany({ where: { sessionId: { in: existingIds } }, select: { sessionId: true, personId: true } }),
    tx.headCount.findMany({ where: { sessionId: { in: existingIds } }, select: { sessionId: true, housingAreaId: true } }),
  ]);
  const markedKeys = new Set(marked.map((row) => `${row.sessionId}|${row.personId}`));
  const countedKeys = new Set(counted.map((row) => `${row.sessionId}|${row.housingAreaId ?? ""}`));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const outcome = plan.outcomes[i]!;
    if (outcome.status === "error" || !row.date) return;
    const sessionId = sessionIds.get(row.date)!;
    const skip = (why: "alreadyRecorded" | "twiceInFile") => {
      outcome.status = "skip";
      outcome.skip = why;
    };
    if (row.counts) {
      const key = `${sessionId}|${row.housingAreaId ?? ""}`;
      if (countedKeys.has(key)) return skip("alreadyRecorded");
      if (seen.has(`count|${key}`)) return skip("twiceInFile");
      seen.add(`count|${key}`);
      plan.headCounts.push({ sessionDay: row.date, housingAreaId: row.housingAreaId, ...row.counts });
      return;
    }
    const ref = refOf.get(keyOf[i]!)!;
    const personKey = "existing" in ref ? ref.existing.personId : `new:${ref.created}`;
    if ("existing" in ref && markedKeys.has(`${sessionId}|${ref.existing.personId}`)) return skip("alreadyRecorded");
    if (seen.has(`${sessionId}|${personKey}`)) return skip("twiceInFile");
    seen.add(`${sessionId}|${personKey}`);
    // The area on the day: the list's own, else the person's.
    const housingAreaId = row.housingAreaId ?? ("existing" in ref ? ref.existing.housingAreaId : null);
    plan.attendances.push({ sessionDay: row.date, person: ref, housingAreaId });
  });
  plan.summary.created.sessions = plan.sessions.filter((session) => session.create).length;
  plan.summary.created.attendances = plan.attendances.length;
  plan.summary.created.headCounts = plan.headCounts.length;
}

// ---------------------------------------------------------------- writing

async function writePlan(tx: DbTx, plan: Plan, batchId: string, actorUserId: string | null): Promise<void> {
  const guardians = plan.households.map((household): NewPerson => ({
    firstName: household.guardian.firstName,
    lastName: household.guardian.lastName,
    birth: null,
    gender: null,
    phone: household.guardian.phone,
    email: household.guardian.email,
  }));
  const ids = await createPeople(tx, [...plan.newPeople.map(({ person }): NewPerson => person), ...guardians], batchId);
  const personIds = ids.slice(0, plan.newPeople.length);
  const guardianIds = ids.slice(plan.newPeople.length);
  await setAreas(tx, [
    ...plan.newPeople.flatMap(({ person }, i) => (person.housingAreaId ? [{ personId: personIds[i]!, housingAreaId: person.housingAreaId, from: null }] : [])),
    ...plan.households.flatMap((household, i) => (household.areaId ? [{ personId: guardianIds[i]!, housingAreaId: household.areaId, from: null }] : [])),
  ]);

  if (plan.households.length) {
    const householdIds = plan.households.map(() => randomUUID());
    await tx.$executeRaw`
      INSERT INTO "Household" ("id", "createdById", "updatedAt", "createdAt", "importBatchId")
      SELECT id, ${actorUserId}::uuid, now(), now(), ${batchId}::uuid FROM unnest(${householdIds}::uuid[]) AS t(id)`;
    const members = plan.households.flatMap((household, i) => [
      { householdId: householdIds[i]!, personId: guardianIds[i]!, role: "GUARDIAN" },
      ...household.children.map((child) => ({ householdId: householdIds[i]!, personId: personIds[child]!, role: "CHILD" })),
    ]);
    await tx.$executeRaw`
      INSERT INTO "HouseholdMember" ("householdId", "personId", "role")
      SELECT h, p, r::"HouseholdRole"
      FROM unnest(${members.map((m) => m.householdId)}::uuid[], ${members.map((m) => m.personId)}::uuid[], ${members.map((m) => m.role)}::text[]) AS t(h, p, r)`;
    // The guardian confirms on first sign-in that the family is theirs (ADR 013), as for a family staff register.
    await createClaims(
      tx,
      plan.households.map((household, i) => ({
        householdId: householdIds[i]!,
        personId: guardianIds[i]!,
        firstName: household.guardian.firstName,
        lastName: household.guardian.lastName,
        phone: household.guardian.phone,
        email: household.guardian.email,
        registeredById: actorUserId,
      })),
    );
  }

  if (plan.kind === "participation") {
    const created = plan.sessions.filter((session) => session.create);
    if (created.length)
      await tx.$executeRaw`
        INSERT INTO "ActivitySession" ("id", "activityId", "startsAt", "endsAt", "importBatchId")
        SELECT id, ${plan.activityId}::uuid, s, e, ${batchId}::uuid
        FROM unnest(${created.map((session) => session.id)}::uuid[], ${created.map((session) => session.create!.startsAt)}::timestamptz[],
                    ${created.map((session) => session.create!.endsAt)}::timestamptz[]) AS t(id, s, e)`;
    const sessionOf = new Map(plan.sessions.map((session) => [session.day, session.id]));
    const attendance = plan.attendances.map((row) => ({
      sessionId: sessionOf.get(row.sessionDay)!,
      personId: "existing" in row.person ? row.person.existing.personId : personIds[row.person.created]!,
      housingAreaId: row.housingAreaId,
    }));
    if (attendance.length)
      await tx.$executeRaw`
        INSERT INTO "Attendance" ("sessionId", "personId", "present", "enrolled", "housingAreaId", "markedByUserId", "markedAt", "importBatchId")
        SELECT s, p, true, false, a, ${actorUserId}::uuid, now(), ${batchId}::uuid
        FROM unnest(${attendance.map((row) => row.sessionId)}::uuid[], ${attendance.map((row) => row.personId)}::uuid[],
                    ${attendance.map((row) => row.housingAreaId)}::uuid[]) AS t(s, p, a)`;
    if (plan.headCounts.length)
      await tx.$executeRaw`
        INSERT INTO "HeadCount" ("sessionId", "housingAreaId", "adults", "children", "recordedByUserId", "updatedAt", "importBatchId")
        SELECT s, a, ad, ch, ${actorUserId}::uuid, now(), ${batchId}::uuid
        FROM unnest(${plan.headCounts.map((row) => sessionOf.get(row.sessionDay)!)}::uuid[], ${plan.headCounts.map((row) => row.housingAreaId)}::uuid[],
                    ${plan.headCounts.map((row) => row.adults)}::int[], ${plan.headCounts.map((row) => row.children)}::int[]) AS t(s, a, ad, ch)`;
  }

  await tx.$executeRaw`
    UPDATE "ImportBatch" SET "status" = 'IMPORTED', "importedAt" = now(), "file" = NULL, "summary" = ${JSON.stringify(plan.summary)}::jsonb
    WHERE "id" = ${batchId}::uuid`;
  await audit(tx, { actorUserId, action: "import.run", entityType: "ImportBatch", entityId: batchId, after: { kind: plan.kind, ...plan.summary } });
}
