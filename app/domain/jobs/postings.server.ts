// Job postings: the list and the page young people see (published, deadline
// not passed), and the staff side — an overview with counts per status, and
// creating and editing a posting (audited).
import { z } from "zod";
import { Prisma, type ApplicationStatus, type PayUnit, type PostingStatus } from "~/generated/prisma/client.ts";
import { audit, changedFields } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { slugify } from "../activities/editor.server.ts";
import { asLocalized, type LocalizedText } from "../activities/text.ts";
import { copenhagenDay, dateOnly } from "../dates.ts";
import type { PostingInput } from "./posting-schemas.ts";
import { YOUTH_MAX_AGE, YOUTH_MIN_AGE } from "./youth-ages.ts";
import { DomainError } from "../errors.ts";
import { isId } from "~/lib/ids.ts";
import { lockRow } from "~/domain/locking.server.ts";

const TX = { timeout: 20_000, maxWait: 15_000 };

export type PostingErrorCode = "postingNotFound" | "typeUnknown" | "organisationUnknown";

export class PostingError extends DomainError<PostingErrorCode> {
  constructor(code: PostingErrorCode, field?: string) {
    super("hiring", code, field);
  }
}

/** Deadline day (inclusive) as stored in a `date` column, compared with today's Copenhagen day. */
export function deadlinePassed(applicationDeadline: Date, now: Date): boolean {
  return copenhagenDay(now) > dateOnly(applicationDeadline);
}

const cardSelect = {
  id: true,
  slug: true,
  title: true,
  workPlace: true,
  minAge: true,
  maxAge: true,
  payOre: true,
  payUnit: true,
  season: true,
  applicationDeadline: true,
  positions: true,
  type: { select: { name: true, icon: true } },
} as const;

export type PostingCard = {
  id: string;
  slug: string;
  title: unknown;
  workPlace: string;
  minAge: number;
  maxAge: number;
  payOre: number;
  payUnit: PayUnit;
  season: unknown;
  applicationDeadline: string;
  positions: number;
  type: { name: unknown; icon: string };
};

/** Published postings one can still apply for, soonest deadline first; `age`: only those open to that age. */
export async function listOpenPostings(filters: { age?: number } = {}, now = new Date()): Promise<PostingCard[]> {
  const today = new Date(`${copenhagenDay(now)}T00:00:00Z`);
  const rows = await db.jobPosting.findMany({
    where: {
      status: "PUBLISHED",
      applicationDeadline: { gte: today },
      ...(filters.age !== undefined ? { minAge: { lte: filters.age }, maxAge: { gte: filters.age } } : {}),
    },
    orderBy: [{ applicationDeadline: "asc" }, { createdAt: "asc" }],
    select: cardSelect,
  });
  return rows.map((row) => ({ ...row, applicationDeadline: dateOnly(row.applicationDeadline) }));
}

/** One published posting by its slug (also after its deadline, which the page then says), or null. */
export async function publishedPosting(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const row = await db.jobPosting.findUnique({
    where: { slug },
    select: {
      ...cardSelect,
      status: true,
      description: true,
      hoursInfo: true,
      risks: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      organisation: { select: { name: true } },
    },
  });
  if (!row || row.status !== "PUBLISHED") return null;
  return { ...row, applicationDeadline: dateOnly(row.applicationDeadline), deadlineDate: row.applicationDeadline };
}

// ---------------------------------------------------------------- staff

export type StaffPostingRow = {
  id: string;
  slug: string;
  title: unknown;
  status: PostingStatus;
  applicationDeadline: string;
  positions: number;
  type: { name: unknown; icon: string };
  counts: Partial<Record<ApplicationStatus, number>>;
  employments: number;
};

/** Every posting with its applications counted per status and its employments, newest deadline first. */
export async function staffPostingOverview(): Promise<StaffPostingRow[]> {
  const [postings, applications, employments] = await Promise.all([
    db.jobPosting.findMany({
      orderBy: [{ applicationDeadline: "desc" }, { createdAt: "desc" }],
      select: { id: true, slug: true, title: true, status: true, applicationDeadline: true, positions: true, type: { select: { name: true, icon: true } } },
    }),
    db.jobApplication.groupBy({ by: ["postingId", "status"], _count: { _all: true } }),
    db.employment.groupBy({ by: ["postingId"], where: { endedOn: null }, _count: { _all: true } }),
  ]);
  return postings.map((posting) => ({
    ...posting,
    applicationDeadline: dateOnly(posting.applicationDeadline),
    counts: Object.fromEntries(applications.filter((row) => row.postingId === posting.id).map((row) => [row.status, row._count._all])),
    employments: employments.find((row) => row.postingId === posting.id)?._count._all ?? 0,
  }));
}

/** Choices of the editor form: job types and partner organisations. */
export async function postingEditorOptions() {
  const [types, organisations] = await Promise.all([
    db.jobType.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { types, organisations };
}

type Columns = Omit<PostingInput, "pay" | "title" | "description" | "hoursInfo" | "risks" | "season"> & {
  payOre: number;
  title: LocalizedText;
  description: LocalizedText;
  hoursInfo: LocalizedText;
  risks: LocalizedText;
  season: LocalizedText | null;
};

/** Only the languages that were written: an empty translation falls back to Danish. */
function compact(text: { da?: string; en?: string; ar?: string }): LocalizedText {
  return {
    da: text.da ?? "",
    ...(text.en ? { en: text.en } : {}),
    ...(text.ar ? { ar: text.ar } : {}),
  };
}

function columnsFromInput(values: PostingInput): Columns {
  const { pay, ...rest } = values;
  return {
    ...rest,
    payOre: pay,
    title: compact(values.title),
    description: compact(values.description),
    hoursInfo: compact(values.hoursInfo),
    risks: compact(values.risks),
    season: values.season.da ? compact(values.season) : null,
    organisationId: values.organisationId ?? undefined,
  };
}

function postingData(columns: Columns) {
  return {
    typeId: columns.typeId,
    status: columns.status,
    title: columns.title,
    description: columns.description,
    hoursInfo: columns.hoursInfo,
    risks: columns.risks,
    season: columns.season ?? Prisma.DbNull,
    organisationId: columns.organisationId ?? null,
    workPlace: columns.workPlace,
    minAge: columns.minAge,
    maxAge: columns.maxAge,
    payOre: columns.payOre,
    payUnit: columns.payUnit,
    positions: columns.positions,
    applicationDeadline: new Date(`${columns.applicationDeadline}T00:00:00Z`),
    contactName: columns.contactName,
    contactPhone: columns.contactPhone ?? null,
    contactEmail: columns.contactEmail ?? null,
  };
}

/** JSON-safe values for the audit log. */
function snapshot(columns: Columns): Record<string, unknown> {
  return { ...columns, organisationId: columns.organisationId ?? null, contactPhone: columns.contactPhone ?? null, contactEmail: columns.contactEmail ?? null };
}

async function checkReferences(columns: Columns): Promise<void> {
  const [type, organisation] = await Promise.all([
    db.jobType.count({ where: { id: columns.typeId } }),
    columns.organisationId ? db.organisation.count({ where: { id: columns.organisationId } }) : Promise.resolve(1),
  ]);
  if (!type) throw new PostingError("typeUnknown", "typeId");
  if (!organisation) throw new PostingError("organisationUnknown", "organisationId");
}

async function uniqueSlug(tx: DbTx, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set((await tx.jobPosting.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createPosting(input: { values: PostingInput; actorUserId: string }): Promise<{ id: string; slug: string }> {
  const columns = columnsFromInput(input.values);
  await checkReferences(columns);
  return db.$transaction(async (tx) => {
    const slug = await uniqueSlug(tx, columns.title.da);
    const created = await tx.jobPosting.create({ data: { ...postingData(columns), slug }, select: { id: true, slug: true } });
    await audit(tx, { actorUserId: input.actorUserId, action: "posting.create", entityType: "JobPosting", entityId: created.id, after: snapshot(columns) });
    return created;
  }, TX);
}

const editableSelect = {
  id: true,
  slug: true,
  typeId: true,
  status: true,
  title: true,
  description: true,
  hoursInfo: true,
  risks: true,
  season: true,
  organisationId: true,
  workPlace: true,
  minAge: true,
  maxAge: true,
  payOre: true,
  payUnit: true,
  positions: true,
  applicationDeadline: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
} as const;

type EditableRow = NonNullable<Awaited<ReturnType<typeof readEditable>>>;

function readEditable(tx: DbTx, postingId: string) {
  return tx.jobPosting.findUnique({ where: { id: postingId }, select: editableSelect });
}

function columnsFromRow(row: EditableRow): Columns {
  const season = row.season ? asLocalized(row.season) : null;
  return {
    typeId: row.typeId,
    status: row.status,
    title: compact(asLocalized(row.title)),
    description: compact(asLocalized(row.description)),
    hoursInfo: compact(asLocalized(row.hoursInfo)),
    risks: compact(asLocalized(row.risks)),
    season: season ? compact(season) : null,
    organisationId: row.organisationId ?? undefined,
    workPlace: row.workPlace,
    minAge: row.minAge,
    maxAge: row.maxAge,
    payOre: row.payOre,
    payUnit: row.payUnit,
    positions: row.positions,
    applicationDeadline: dateOnly(row.applicationDeadline),
    contactName: row.contactName,
    contactPhone: row.contactPhone ?? undefined,
    contactEmail: row.contactEmail ?? undefined,
  };
}

/** Kroner as the form shows them: "45" or "52,50". */
function kronerText(ore: number): string {
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace(".", ",");
}

/** A posting with the values its editor form starts from, or null. */
export async function postingForEditing(postingId: string) {
  if (!isId(postingId)) return null;
  const row = await readEditable(db, postingId);
  if (!row) return null;
  const columns = columnsFromRow(row);
  const { payOre, season, ...rest } = columns;
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    title: row.title,
    values: { ...rest, season: season ?? {}, pay: kronerText(payOre) },
  };
}

/** Saves the editor form; returns the names of the fields that changed (audited). */
export async function updatePosting(input: { postingId: string; values: PostingInput; actorUserId: string }): Promise<{ changed: string[] }> {
  const next = columnsFromInput(input.values);
  await checkReferences(next);
  if (!isId(input.postingId)) throw new PostingError("postingNotFound");
  return db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "JobPosting", input.postingId))) throw new PostingError("postingNotFound");
    const row = (await readEditable(tx, input.postingId))!;
    const diff = changedFields(snapshot(columnsFromRow(row)), snapshot(next));
    const changed = Object.keys(diff.after);
    if (changed.length === 0) return { changed };
    await tx.jobPosting.update({ where: { id: row.id }, data: postingData(next) });
    await audit(tx, { actorUserId: input.actorUserId, action: "posting.update", entityType: "JobPosting", entityId: row.id, ...diff });
    return { changed };
  }, TX);
}

const jobsFilterSchema = z.object({ age: z.coerce.number().int().min(YOUTH_MIN_AGE).max(YOUTH_MAX_AGE).optional().catch(undefined) });

/** The jobs list's filter (GET): an age, ignored when it is not one. Here, not beside the form schemas, so zod stays out of the list page's bundle. */
export function parseJobsFilter(params: URLSearchParams): { age?: number } {
  return jobsFilterSchema.parse(Object.fromEntries(params));
}
