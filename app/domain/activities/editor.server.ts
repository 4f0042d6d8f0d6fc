// The activity editor (staff only; routes check the role): create, change,
// publish/unpublish, cancel and copy an activity, and add, move, cancel or
// delete its sessions. Every change runs in one transaction that locks the
// activity's row (places.server.ts) — so a change of capacity and the waiting
// list it moves can never race a sign-up — writes an AuditEvent with the
// fields that changed, and queues the messages it owes families.
//
// Cancelling an activity keeps every row: sessions still to come are marked
// cancelled (calendar feeds show them so), confirmed places stay as history,
// and the waiting list and open offers are closed so no background job offers
// a place in it. A copy is a new draft with the same texts and settings and,
// when asked, the sessions (and sign-up window) shifted by whole weeks.
import { Prisma } from "~/generated/prisma/client.ts";
import type { ActivityStatus, EnrolmentStatus } from "~/generated/prisma/client.ts";
import { audit, changedFields } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { formatDate, formatTime } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";
import { translator } from "~/lib/i18n.server.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import type { Template } from "~/lib/messages/send.server.ts";
import { addDaysToDay, copenhagenDay, copenhagenInstant, dateOnly, localParts } from "../dates.ts";
import { notifyGuardian } from "../enrolment/notify.server.ts";
import { placesTaken } from "../enrolment/places.server.ts";
import { offerFreePlaces } from "../enrolment/waiting-list.server.ts";
import type { ActivityInput, MoveSessionInput } from "./editor-schemas.ts";
import { expandPlan, MAX_SESSIONS_PER_PLAN, shiftByDays, type Expansion, type Period, type SessionPlan } from "./series.ts";
import { asLocalized, type LocalizedText } from "./text.ts";
import { DomainError } from "../errors.ts";
import { isId } from "~/lib/ids.ts";
import { lockName, lockRow } from "~/domain/locking.server.ts";

// Templates in locales/<language>/messages.json (params in brackets):
// sessionChanged {activity, names, old, new, place}; activityCancelled {activity, names}.
const SESSION_CHANGED: Template = "sessionChanged";
const ACTIVITY_CANCELLED: Template = "activityCancelled";

export type EditorErrorCode =
  | "activityNotFound"
  | "activityCancelled"
  | "typeUnknown"
  | "programmeUnknown"
  | "effortAreaUnknown"
  | "areaUnknown"
  | "partnerUnknown"
  | "belowTaken"
  | "noSessions"
  | "noNewSessions"
  | "tooManySessions"
  | "sessionNotFound"
  | "sessionCancelled"
  | "sessionPast"
  | "movedIntoPast"
  | "sessionInUse";

/** A named refusal; `field` names the form field it belongs to, if any. */
export class EditorError extends DomainError<EditorErrorCode> {
  constructor(code: EditorErrorCode, field?: string) {
    super("editor", code, field);
  }
}

const TX = { timeout: 20_000, maxWait: 15_000 };

// ---------------------------------------------------------------- columns and snapshots

/** {da, en?, ar?} in a fixed key order, empty translations dropped (jsonb reorders keys, so compare this). */
function cleanText(value: unknown): LocalizedText {
  const text = asLocalized(value);
  return { da: text.da, ...(text.en?.trim() ? { en: text.en } : {}), ...(text.ar?.trim() ? { ar: text.ar } : {}) };
}

function optionalText(value: unknown): LocalizedText | null {
  if (value === null || value === undefined) return null;
  const text = cleanText(value);
  return text.da.trim() ? text : null;
}

/** The editable columns of an activity, in the shape both the form and the database give. */
type Columns = {
  typeId: string;
  effortAreaId: string;
  programmeId: string | null;
  title: LocalizedText;
  description: LocalizedText;
  practicalInfo: LocalizedText | null;
  terms: LocalizedText | null;
  minAge: number | null;
  maxAge: number | null;
  eligibleAreaIds: string[];
  openToOutsiders: boolean;
  requiresSignUp: boolean;
  asksCollectContacts: boolean;
  capacity: number | null;
  capacityUnit: "PERSON" | "HOUSEHOLD";
  priceOre: number;
  signUpOpensAt: Date | null;
  signUpClosesAt: Date | null;
  cancelDeadlineHours: number;
  offerHoldHours: number;
  reminderHours: number | null;
  place: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  partnerIds: string[];
};

const sortedUnique = (ids: readonly string[]) => [...new Set(ids)].sort();

function columnsFromInput(values: ActivityInput): Columns {
  return {
    typeId: values.typeId,
    effortAreaId: values.effortAreaId,
    programmeId: values.programmeId ?? null,
    title: cleanText(values.title),
    description: cleanText(values.description),
    practicalInfo: optionalText(values.practicalInfo),
    terms: optionalText(values.terms),
    minAge: values.minAge ?? null,
    maxAge: values.maxAge ?? null,
    eligibleAreaIds: sortedUnique(values.eligibleAreaIds),
    openToOutsiders: values.openToOutsiders,
    requiresSignUp: values.requiresSignUp,
    asksCollectContacts: values.asksCollectContacts,
    capacity: values.capacity ?? null,
    capacityUnit: values.capacityUnit,
    priceOre: values.price,
    signUpOpensAt: values.signUpOpensAt ?? null,
    signUpClosesAt: values.signUpClosesAt ?? null,
    cancelDeadlineHours: values.cancelDeadlineHours,
    offerHoldHours: values.offerHoldHours,
    reminderHours: values.reminderHours ?? null,
    place: values.place,
    address: values.address || null,
    contactName: values.contactName || null,
    contactPhone: values.contactPhone ?? null,
    contactEmail: values.contactEmail || null,
    partnerIds: sortedUnique(values.partnerIds),
  };
}

const editableSelect = {
  id: true,
  slug: true,
  status: true,
  typeId: true,
  effortAreaId: true,
  programmeId: true,
  title: true,
  description: true,
  practicalInfo: true,
  terms: true,
  termsVersion: true,
  minAge: true,
  maxAge: true,
  openToOutsiders: true,
  requiresSignUp: true,
  asksCollectContacts: true,
  capacity: true,
  capacityUnit: true,
  priceOre: true,
  signUpOpensAt: true,
  signUpClosesAt: true,
  cancelDeadlineHours: true,
  offerHoldHours: true,
  reminderHours: true,
  place: true,
  address: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  recurrence: true,
} satisfies Prisma.ActivitySelect;

type EditableRow = Prisma.ActivityGetPayload<{ select: typeof editableSelect }> & {
  eligibleAreas: { housingAreaId: string }[];
  partners: { userId: string }[];
};

/**
 * The activity with its areas and partners, one query after another: inside
 * a transaction Prisma would otherwise send the relation queries at once
 * over the transaction's single connection.
 */
async function readEditable(client: DbTx, activityId: string): Promise<EditableRow | null> {
  const row = await client.activity.findUnique({ where: { id: activityId }, select: editableSelect });
  if (!row) return null;
  const eligibleAreas = await client.activityEligibleArea.findMany({ where: { activityId }, select: { housingAreaId: true } });
  const partners = await client.activityPartner.findMany({ where: { activityId }, select: { userId: true } });
  return { ...row, eligibleAreas, partners };
}

async function writeRelations(tx: DbTx, activityId: string, columns: Pick<Columns, "eligibleAreaIds" | "partnerIds">): Promise<void> {
  await tx.activityEligibleArea.createMany({ data: columns.eligibleAreaIds.map((housingAreaId) => ({ activityId, housingAreaId })) });
  await tx.activityPartner.createMany({ data: columns.partnerIds.map((userId) => ({ activityId, userId })) });
}

function columnsFromRow(row: EditableRow): Columns {
  return {
    typeId: row.typeId,
    effortAreaId: row.effortAreaId,
    programmeId: row.programmeId,
    title: cleanText(row.title),
    description: cleanText(row.description),
    practicalInfo: optionalText(row.practicalInfo),
    terms: optionalText(row.terms),
    minAge: row.minAge,
    maxAge: row.maxAge,
    eligibleAreaIds: sortedUnique(row.eligibleAreas.map((area) => area.housingAreaId)),
    openToOutsiders: row.openToOutsiders,
    requiresSignUp: row.requiresSignUp,
    asksCollectContacts: row.asksCollectContacts,
    capacity: row.capacity,
    capacityUnit: row.capacityUnit,
    priceOre: row.priceOre,
    signUpOpensAt: row.signUpOpensAt,
    signUpClosesAt: row.signUpClosesAt,
    cancelDeadlineHours: row.cancelDeadlineHours,
    offerHoldHours: row.offerHoldHours,
    reminderHours: row.reminderHours,
    place: row.place,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    partnerIds: sortedUnique(row.partners.map((partner) => partner.userId)),
  };
}

/** JSON-safe values for the audit log. */
function snapshot(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}

const jsonOrNull = (value: LocalizedText | null) => (value === null ? Prisma.DbNull : value);

/** The scalar columns as Prisma data (relations are written separately). */
function activityData(columns: Columns) {
  return {
    typeId: columns.typeId,
    effortAreaId: columns.effortAreaId,
    programmeId: columns.programmeId,
    title: columns.title,
    description: columns.description,
    practicalInfo: jsonOrNull(columns.practicalInfo),
    terms: jsonOrNull(columns.terms),
    minAge: columns.minAge,
    maxAge: columns.maxAge,
    openToOutsiders: columns.openToOutsiders,
    requiresSignUp: columns.requiresSignUp,
    asksCollectContacts: columns.asksCollectContacts,
    capacity: columns.capacity,
    capacityUnit: columns.capacityUnit,
    priceOre: columns.priceOre,
    signUpOpensAt: columns.signUpOpensAt,
    signUpClosesAt: columns.signUpClosesAt,
    cancelDeadlineHours: columns.cancelDeadlineHours,
    offerHoldHours: columns.offerHoldHours,
    reminderHours: columns.reminderHours,
    place: columns.place,
    address: columns.address,
    contactName: columns.contactName,
    contactPhone: columns.contactPhone,
    contactEmail: columns.contactEmail,
  };
}

// ---------------------------------------------------------------- reading

/** Choices for the form: types, effort areas, plan areas, partner accounts (plus any already attached). */
export async function editorOptions(activityId?: string) {
  const [types, effortAreas, areas, partners, programmes] = await Promise.all([
    db.activityType.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true, dropIn: true } }),
    db.effortArea.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.housingArea.findMany({ where: { isPlanArea: true }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: {
        role: "PARTNER",
        OR: [{ disabledAt: null }, ...(activityId && isId(activityId) ? [{ partnerActivities: { some: { activityId } } }] : [])],
      },
      orderBy: [{ person: { firstName: "asc" } }, { person: { lastName: "asc" } }],
      select: { id: true, person: { select: { firstName: true, lastName: true } }, organisation: { select: { name: true } } },
    }),
    db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    types,
    effortAreas,
    areas,
    programmes,
    partners: partners.map((user) => ({
      id: user.id,
      name: `${user.person.firstName} ${user.person.lastName}`.trim(),
      organisation: user.organisation?.name ?? null,
    })),
  };
}

/** "2027-03-01T15:00" for a datetime-local input (Copenhagen wall clock). */
function wallClockValue(instant: Date | null): string {
  if (!instant) return "";
  const local = localParts(instant);
  return `${local.day}T${local.time}`;
}

function kronerValue(ore: number): string {
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace(".", ",");
}

const textValues = (value: LocalizedText | null) => ({ da: value?.da ?? "", en: value?.en ?? "", ar: value?.ar ?? "" });

/** Form values (as the inputs hold them) of an activity's columns. */
function formValues(columns: Columns) {
  return {
    typeId: columns.typeId,
    effortAreaId: columns.effortAreaId,
    programmeId: columns.programmeId ?? "",
    title: textValues(columns.title),
    description: textValues(columns.description),
    practicalInfo: textValues(columns.practicalInfo),
    terms: textValues(columns.terms),
    minAge: columns.minAge?.toString() ?? "",
    maxAge: columns.maxAge?.toString() ?? "",
    eligibleAreaIds: columns.eligibleAreaIds,
    openToOutsiders: columns.openToOutsiders,
    requiresSignUp: columns.requiresSignUp,
    asksCollectContacts: columns.asksCollectContacts,
    capacity: columns.capacity?.toString() ?? "",
    capacityUnit: columns.capacityUnit,
    price: columns.priceOre ? kronerValue(columns.priceOre) : "",
    signUpOpensAt: wallClockValue(columns.signUpOpensAt),
    signUpClosesAt: wallClockValue(columns.signUpClosesAt),
    cancelDeadlineHours: String(columns.cancelDeadlineHours),
    offerHoldHours: String(columns.offerHoldHours),
    reminderHours: columns.reminderHours?.toString() ?? "",
    place: columns.place,
    address: columns.address ?? "",
    contactName: columns.contactName ?? "",
    contactPhone: columns.contactPhone ?? "",
    contactEmail: columns.contactEmail ?? "",
    partnerIds: columns.partnerIds,
  };
}

export type ActivityFormValues = ReturnType<typeof formValues>;

/** What a new activity's form starts with. */
export function newActivityFormValues(): Partial<ActivityFormValues> {
  return {
    capacityUnit: "PERSON",
    openToOutsiders: true,
    requiresSignUp: true,
    cancelDeadlineHours: "24",
    offerHoldHours: "24",
    reminderHours: "24",
  };
}

/** Which of the translations (en, ar) are missing, per text that has Danish. */
function missingTranslations(columns: Columns): { en: string[]; ar: string[] } {
  const texts = { title: columns.title, description: columns.description, practicalInfo: columns.practicalInfo, terms: columns.terms };
  const missing = (language: "en" | "ar") =>
    Object.entries(texts)
      .filter(([, text]) => text && !text[language])
      .map(([field]) => field);
  return { en: missing("en"), ar: missing("ar") };
}

/** Families that would be told of a change: households with a place (or, for cancelling, waiting too). */
async function familyCount(tx: DbTx, activityId: string, statuses: EnrolmentStatus[]): Promise<number> {
  const rows = await tx.enrolment.findMany({ where: { activityId, status: { in: statuses } }, distinct: ["householdId"], select: { householdId: true } });
  return rows.length;
}

/** An activity for the edit page: form values, status, missing translations, and the families a cancellation reaches. Null: no such activity. */
export async function activityForEditing(activityId: string, now = new Date()) {
  if (!isId(activityId)) return null;
  const row = await readEditable(db, activityId);
  if (!row) return null;
  const columns = columnsFromRow(row);
  const [upcomingSessions, families, taken] = await Promise.all([
    db.activitySession.count({ where: { activityId, cancelledAt: null, startsAt: { gt: now } } }),
    familyCount(db, activityId, ["CONFIRMED", "OFFERED", "WAITING"]),
    placesTaken(db, activityId, row.capacityUnit),
  ]);
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    title: columns.title,
    termsVersion: row.termsVersion,
    values: formValues(columns),
    missing: missingTranslations(columns),
    upcomingSessions,
    familiesToTell: families,
    taken,
  };
}

/** Sessions for the sessions page, newest plan defaults, and whether sessions may still be deleted (nobody signed up yet). */
export async function sessionsForEditing(activityId: string, now = new Date()) {
  if (!isId(activityId)) return null;
  const activity = await db.activity.findUnique({
    where: { id: activityId },
    select: {
      id: true,
      title: true,
      status: true,
      place: true,
      recurrence: true,
      sessions: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, place: true, cancelledAt: true, _count: { select: { attendances: true, headCounts: true } } },
      },
    },
  });
  if (!activity) return null;
  const [families, enrolments] = await Promise.all([familyCount(db, activityId, ["CONFIRMED", "OFFERED"]), db.enrolment.count({ where: { activityId } })]);
  return {
    id: activity.id,
    title: cleanText(activity.title),
    status: activity.status,
    place: activity.place,
    familiesToTell: families,
    lastPlan: storedPlan(activity.recurrence),
    sessions: activity.sessions.map((session) => {
      const start = localParts(session.startsAt);
      return {
        id: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        place: session.place,
        cancelledAt: session.cancelledAt,
        past: session.endsAt <= now,
        day: start.day,
        startTime: start.time,
        endTime: localParts(session.endsAt).time,
        deletable: activity.status !== "CANCELLED" && enrolments === 0 && session._count.attendances === 0 && session._count.headCounts === 0,
      };
    }),
  };
}

// ---------------------------------------------------------------- create and change

async function checkReferences(columns: Columns): Promise<void> {
  const [type, effort, areas, partners, programme] = await Promise.all([
    db.activityType.count({ where: { id: columns.typeId } }),
    db.effortArea.count({ where: { id: columns.effortAreaId } }),
    db.housingArea.count({ where: { id: { in: columns.eligibleAreaIds }, isPlanArea: true } }),
    db.user.count({ where: { id: { in: columns.partnerIds }, role: "PARTNER" } }),
    columns.programmeId ? db.programme.count({ where: { id: columns.programmeId } }) : Promise.resolve(1),
  ]);
  if (!type) throw new EditorError("typeUnknown", "typeId");
  if (!programme) throw new EditorError("programmeUnknown", "programmeId");
  if (!effort) throw new EditorError("effortAreaUnknown", "effortAreaId");
  if (areas !== columns.eligibleAreaIds.length) throw new EditorError("areaUnknown", "eligibleAreaIds");
  if (partners !== columns.partnerIds.length) throw new EditorError("partnerUnknown", "partnerIds");
}

/** "Sommer-sportscamp 2027" → "sommer-sportscamp-2027"; Danish letters spelt out. */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "aktivitet";
}

async function uniqueSlug(tx: DbTx, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set((await tx.activity.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The programme named in the form's "new programme" field: the one of that name (names are unique, compared
 * without regard to case) or a new one. Staff create programmes where they need them, in the activity editor.
 */
async function programmeNamed(tx: DbTx, name: string, actorUserId: string): Promise<string> {
  const found = await tx.programme.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  if (found) return found.id;
  await lockName(tx, "programme", name);
  const again = await tx.programme.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  if (again) return again.id;
  const created = await tx.programme.create({ data: { name }, select: { id: true } });
  await audit(tx, { actorUserId, action: "programme.create", entityType: "Programme", entityId: created.id, after: { programme: name } });
  return created.id;
}

/** Creates a draft activity. Sessions are added afterwards (addSessions). */
export async function createActivity(input: { values: ActivityInput; actorUserId: string }): Promise<{ id: string; slug: string }> {
  const columns = columnsFromInput(input.values);
  await checkReferences(columns);
  return db.$transaction(async (tx) => {
    if (input.values.newProgramme) columns.programmeId = await programmeNamed(tx, input.values.newProgramme, input.actorUserId);
    const slug = await uniqueSlug(tx, columns.title.da);
    const created = await tx.activity.create({
      data: {
        ...activityData(columns),
        slug,
        status: "DRAFT",
      },
      select: { id: true, slug: true },
    });
    await writeRelations(tx, created.id, columns);
    await audit(tx, { actorUserId: input.actorUserId, action: "activity.create", entityType: "Activity", entityId: created.id, after: snapshot(columns) });
    return created;
  }, TX);
}

async function lockedActivity(tx: DbTx, activityId: string): Promise<EditableRow> {
  if (!isId(activityId) || !(await lockRow(tx, "Activity", activityId))) throw new EditorError("activityNotFound");
  const row = (await readEditable(tx, activityId))!;
  if (row.status === "CANCELLED") throw new EditorError("activityCancelled");
  return row;
}

/**
 * Saves the form. Capacity never goes below the places held; places freed by
 * a higher capacity (or an unlimited one) go to the waiting list at once, in
 * the same transaction. Changed terms raise `termsVersion`.
 * Returns the names of the fields that changed and how many offers went out.
 */
export async function updateActivity(
  input: { activityId: string; values: ActivityInput; actorUserId: string },
  now = new Date(),
): Promise<{ changed: string[]; offers: number }> {
  const typed = columnsFromInput(input.values);
  await checkReferences(typed);
  const result = await db.$transaction(async (tx) => {
    if (input.values.newProgramme) typed.programmeId = await programmeNamed(tx, input.values.newProgramme, input.actorUserId);
    const row = await lockedActivity(tx, input.activityId);
    const previous = columnsFromRow(row);
    // The form shows times to the minute: an untouched time stored with seconds is not a change.
    const next = {
      ...typed,
      signUpOpensAt: sameMinute(previous.signUpOpensAt, typed.signUpOpensAt),
      signUpClosesAt: sameMinute(previous.signUpClosesAt, typed.signUpClosesAt),
    };
    const placesChanged = previous.capacity !== next.capacity || previous.capacityUnit !== next.capacityUnit;
    if (placesChanged && next.capacity !== null && next.capacity < (await placesTaken(tx, row.id, next.capacityUnit))) {
      throw new EditorError("belowTaken", "capacity");
    }
    const termsChanged = JSON.stringify(previous.terms) !== JSON.stringify(next.terms);
    const termsVersion = termsChanged ? row.termsVersion + 1 : row.termsVersion;
    const diff = changedFields(snapshot({ ...previous, termsVersion: row.termsVersion }), snapshot({ ...next, termsVersion }));
    const changed = Object.keys(diff.after);
    if (changed.length === 0) return { changed, offers: 0 };

    await tx.activity.update({ where: { id: row.id }, data: { ...activityData(next), termsVersion } });
    if (changed.includes("eligibleAreaIds")) {
      await tx.activityEligibleArea.deleteMany({ where: { activityId: row.id } });
      await tx.activityEligibleArea.createMany({ data: next.eligibleAreaIds.map((housingAreaId) => ({ activityId: row.id, housingAreaId })) });
    }
    if (changed.includes("partnerIds")) {
      await tx.activityPartner.deleteMany({ where: { activityId: row.id } });
      await tx.activityPartner.createMany({ data: next.partnerIds.map((userId) => ({ activityId: row.id, userId })) });
    }
    await audit(tx, { actorUserId: input.actorUserId, action: "activity.update", entityType: "Activity", entityId: row.id, ...diff });
    // A draft offers nothing: accepting needs a published activity. Publishing moves the list then.
    const offers = placesChanged && row.status === "PUBLISHED" ? await offerFreePlaces(tx, row.id, now) : 0;
    return { changed, offers };
  }, TX);
  if (result.offers) await nudge(JOBS.deliverMessages);
  return result;
}

/** `typed`, unless it is `stored` cut to the minute: then `stored`. */
function sameMinute(stored: Date | null, typed: Date | null): Date | null {
  if (stored && typed && Math.floor(stored.getTime() / 60_000) === Math.floor(typed.getTime() / 60_000)) return stored;
  return typed;
}

async function setStatus(tx: DbTx, row: EditableRow, status: ActivityStatus, actorUserId: string, action: string, extra: Record<string, unknown> = {}) {
  await tx.activity.update({ where: { id: row.id }, data: { status } });
  await audit(tx, { actorUserId, action, entityType: "Activity", entityId: row.id, before: { status: row.status }, after: { status, ...extra } });
}

/** Shows the activity in the catalogue. It needs a session still to come. Places freed while it was a draft go to the waiting list. */
export async function publishActivity(input: { activityId: string; actorUserId: string }, now = new Date()): Promise<{ offers: number }> {
  const result = await db.$transaction(async (tx) => {
    const row = await lockedActivity(tx, input.activityId);
    if (row.status === "PUBLISHED") return { offers: 0 };
    const upcoming = await tx.activitySession.count({ where: { activityId: row.id, cancelledAt: null, startsAt: { gt: now } } });
    if (upcoming === 0) throw new EditorError("noSessions");
    await setStatus(tx, row, "PUBLISHED", input.actorUserId, "activity.publish");
    return { offers: await offerFreePlaces(tx, row.id, now) };
  }, TX);
  if (result.offers) await nudge(JOBS.deliverMessages);
  return result;
}

/** Takes the activity out of the catalogue (back to draft); places and the waiting list stay as they are. */
export async function unpublishActivity(input: { activityId: string; actorUserId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await lockedActivity(tx, input.activityId);
    if (row.status !== "PUBLISHED") return;
    await setStatus(tx, row, "DRAFT", input.actorUserId, "activity.unpublish");
  }, TX);
}

// ---------------------------------------------------------------- telling families

type Family = { householdId: string; guardianPersonId: string; names: string[] };

/** One message per household: the guardian who signed up first, naming every child (or adult) concerned. */
async function familiesWith(tx: DbTx, activityId: string, statuses: EnrolmentStatus[]): Promise<Family[]> {
  const enrolments = await tx.enrolment.findMany({
    where: { activityId, status: { in: statuses } },
    orderBy: [{ signUp: { seq: "asc" } }, { createdAt: "asc" }],
    select: { householdId: true, person: { select: { firstName: true } }, signUp: { select: { consentPersonId: true } } },
  });
  const families = new Map<string, Family>();
  for (const enrolment of enrolments) {
    const family = families.get(enrolment.householdId) ?? { householdId: enrolment.householdId, guardianPersonId: enrolment.signUp.consentPersonId, names: [] };
    if (!family.names.includes(enrolment.person.firstName)) family.names.push(enrolment.person.firstName);
    families.set(enrolment.householdId, family);
  }
  return [...families.values()];
}

type ActivityInfo = { id: string; title: unknown; place: string; firstSessionAt: Date | null };

async function activityInfo(tx: DbTx, activityId: string, now: Date): Promise<ActivityInfo> {
  const activity = await tx.activity.findUniqueOrThrow({
    where: { id: activityId },
    select: {
      id: true,
      title: true,
      place: true,
      sessions: { where: { cancelledAt: null, startsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
    },
  });
  return { id: activity.id, title: activity.title, place: activity.place, firstSessionAt: activity.sessions[0]?.startsAt ?? null };
}

async function tellFamilies(
  tx: DbTx,
  families: Family[],
  activity: ActivityInfo,
  template: Template,
  extra?: (language: Language) => Record<string, string>,
): Promise<number> {
  for (const family of families) {
    await notifyGuardian(tx, { guardianPersonId: family.guardianPersonId, householdId: family.householdId, activity, template, names: family.names, extra });
  }
  return families.length;
}

/** "mandag 3. marts 2027, 15.00–17.00" */
function sessionWhen(startsAt: Date, endsAt: Date, language: Language): string {
  return `${formatDate(startsAt, language)}, ${formatTime(startsAt, language)}–${formatTime(endsAt, language)}`;
}

// ---------------------------------------------------------------- cancel and copy

/**
 * Cancels the activity: status CANCELLED, sessions still to come cancelled,
 * the waiting list and open offers closed, and every family with a place,
 * an offer or a wait told. Nothing is deleted. Cancelling twice does nothing.
 */
export async function cancelActivity(input: { activityId: string; actorUserId: string }, now = new Date()): Promise<{ notified: number }> {
  if (!isId(input.activityId)) throw new EditorError("activityNotFound");
  const result = await db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "Activity", input.activityId))) throw new EditorError("activityNotFound");
    const row = (await readEditable(tx, input.activityId))!;
    if (row.status === "CANCELLED") return { notified: 0 };
    const families = await familiesWith(tx, row.id, ["CONFIRMED", "OFFERED", "WAITING"]);
    const info = await activityInfo(tx, row.id, now);
    const sessions = await tx.activitySession.updateMany({
      where: { activityId: row.id, cancelledAt: null, startsAt: { gt: now } },
      data: { cancelledAt: now },
    });
    await tx.waitingListOffer.updateMany({ where: { activityId: row.id, outcome: null }, data: { outcome: "EXPIRED", respondedAt: now } });
    const closed = await tx.enrolment.updateMany({
      where: { activityId: row.id, status: { in: ["WAITING", "OFFERED"] } },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "BY_STAFF", cancelledByUserId: input.actorUserId },
    });
    await setStatus(tx, row, "CANCELLED", input.actorUserId, "activity.cancel", { sessionsCancelled: sessions.count, waitingClosed: closed.count });
    return { notified: await tellFamilies(tx, families, info, ACTIVITY_CANCELLED) };
  }, TX);
  if (result.notified) await nudge(JOBS.deliverMessages);
  return result;
}

/** A stored plan (Activity.recurrence) as the sessions form can show it again; null for other shapes (the demo's). */
export function storedPlan(value: unknown): (SessionPlan & { place?: string }) | null {
  if (!value || typeof value !== "object") return null;
  const plan = value as Partial<Record<string, unknown>>;
  const isDay = (day: unknown) => typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day);
  const isTime = (time: unknown) => typeof time === "string" && /^\d{2}:\d{2}$/.test(time);
  if (!isTime(plan.startTime) || !isTime(plan.endTime)) return null;
  if (plan.kind === "weekly" && isDay(plan.from) && isDay(plan.until) && Array.isArray(plan.weekdays) && (plan.interval === 1 || plan.interval === 2)) {
    return value as SessionPlan & { place?: string };
  }
  return null;
}

function shiftPlan(plan: SessionPlan & { place?: string }, days: number): SessionPlan & { place?: string } {
  const shift = (day: string) => addDaysToDay(day, days);
  const skip = plan.skip?.map((period) => ({ from: shift(period.from), until: shift(period.until) }));
  if (plan.kind === "dates") return { ...plan, dates: plan.dates.map(shift), skip };
  return { ...plan, from: shift(plan.from), until: shift(plan.until), skip };
}

/**
 * A new draft with the same texts, settings, eligible areas and partners.
 * Without `shiftWeeks` it has no sessions and no sign-up window; with it,
 * the sessions that were not cancelled, the sign-up window and the weekly
 * plan come along that many weeks later (same wall-clock times).
 */
export async function copyActivity(input: { activityId: string; actorUserId: string; shiftWeeks?: number }): Promise<{ id: string; slug: string }> {
  if (!isId(input.activityId)) throw new EditorError("activityNotFound");
  const source = await readEditable(db, input.activityId);
  if (!source) throw new EditorError("activityNotFound");
  const sourceSessions = await db.activitySession.findMany({
    where: { activityId: source.id, cancelledAt: null },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true, endsAt: true, place: true },
  });
  const columns = columnsFromRow(source);
  const days = (input.shiftWeeks ?? 0) * 7;
  const shift = (instant: Date | null) => (instant && days ? shiftByDays(instant, days) : null);
  const plan = storedPlan(source.recurrence);
  const sessions = days
    ? sourceSessions.map((session) => ({ startsAt: shiftByDays(session.startsAt, days), endsAt: shiftByDays(session.endsAt, days), place: session.place }))
    : [];
  return db.$transaction(async (tx) => {
    const slug = await uniqueSlug(tx, columns.title.da);
    const created = await tx.activity.create({
      data: {
        ...activityData({ ...columns, signUpOpensAt: shift(columns.signUpOpensAt), signUpClosesAt: shift(columns.signUpClosesAt) }),
        slug,
        status: "DRAFT",
        recurrence: days && plan ? shiftPlan(plan, days) : Prisma.DbNull,
      },
      select: { id: true, slug: true },
    });
    await writeRelations(tx, created.id, columns);
    await tx.activitySession.createMany({ data: sessions.map((session) => ({ ...session, activityId: created.id })) });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "activity.copy",
      entityType: "Activity",
      entityId: created.id,
      after: { copiedFrom: source.id, shiftWeeks: input.shiftWeeks ?? null, sessions: sessions.length },
    });
    return created;
  }, TX);
}

// ---------------------------------------------------------------- sessions

async function schoolHolidaysFor(plan: SessionPlan): Promise<Period[]> {
  if (!plan.skipSchoolHolidays) return [];
  const days = plan.kind === "dates" ? [...plan.dates].sort() : [plan.from, plan.until];
  if (days.length === 0) return [];
  const rows = await db.schoolHoliday.findMany({
    where: { startsOn: { lte: new Date(`${days.at(-1)}T00:00:00Z`) }, endsOn: { gte: new Date(`${days[0]}T00:00:00Z`) } },
    select: { startsOn: true, endsOn: true },
  });
  return rows.map((row) => ({ from: dateOnly(row.startsOn), until: dateOnly(row.endsOn) }));
}

/** What a plan would add (nothing is saved); sessions already there at the same time are marked. */
export async function previewSessions(input: { activityId: string; plan: SessionPlan }): Promise<Expansion & { existing: string[] }> {
  const expansion = expandPlan(input.plan, await schoolHolidaysFor(input.plan));
  const existing = isId(input.activityId)
    ? await db.activitySession.findMany({
        where: { activityId: input.activityId, cancelledAt: null, startsAt: { in: expansion.sessions.map((session) => session.startsAt) } },
        select: { startsAt: true },
      })
    : [];
  return { ...expansion, existing: existing.map((session) => copenhagenDay(session.startsAt)) };
}

/**
 * Adds the sessions a plan describes. A session already there at the same
 * start is not added twice (a resubmitted form adds nothing). A weekly plan
 * is kept on the activity (`recurrence`) to start the form from next time.
 */
export async function addSessions(
  input: { activityId: string; plan: SessionPlan; place?: string; actorUserId: string },
  now = new Date(),
): Promise<{ added: number; skipped: Expansion["skipped"] }> {
  const expansion = expandPlan(input.plan, await schoolHolidaysFor(input.plan));
  if (expansion.sessions.length > MAX_SESSIONS_PER_PLAN) throw new EditorError("tooManySessions");
  const result = await db.$transaction(async (tx) => {
    const row = await lockedActivity(tx, input.activityId);
    const existing = await tx.activitySession.findMany({
      where: { activityId: row.id, cancelledAt: null, startsAt: { in: expansion.sessions.map((session) => session.startsAt) } },
      select: { startsAt: true },
    });
    const taken = new Set(existing.map((session) => session.startsAt.getTime()));
    const fresh = expansion.sessions.filter((session) => !taken.has(session.startsAt.getTime()));
    if (fresh.length === 0) throw new EditorError("noNewSessions");
    const place = input.place?.trim() || null;
    await tx.activitySession.createMany({ data: fresh.map((session) => ({ activityId: row.id, startsAt: session.startsAt, endsAt: session.endsAt, place })) });
    if (input.plan.kind === "weekly") {
      await tx.activity.update({ where: { id: row.id }, data: { recurrence: { ...input.plan, ...(place ? { place } : {}) } } });
    }
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "sessions.add",
      entityType: "Activity",
      entityId: row.id,
      after: {
        sessions: fresh.map((session) => ({ startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() })),
        place,
        skipped: expansion.skipped.map((day) => day.day),
      },
    });
    // New dates can let a waiting list move that had nothing left to offer a place in.
    const offers = row.status === "PUBLISHED" ? await offerFreePlaces(tx, row.id, now) : 0;
    return { added: fresh.length, skipped: expansion.skipped, offers };
  }, TX);
  if (result.offers) await nudge(JOBS.deliverMessages);
  return { added: result.added, skipped: result.skipped };
}

async function lockedSession(tx: DbTx, activityId: string, sessionId: string, now: Date) {
  const row = await lockedActivity(tx, activityId);
  const session = isId(sessionId)
    ? await tx.activitySession.findFirst({
        where: { id: sessionId, activityId },
        select: { id: true, startsAt: true, endsAt: true, place: true, cancelledAt: true },
      })
    : null;
  if (!session) throw new EditorError("sessionNotFound");
  if (session.cancelledAt) throw new EditorError("sessionCancelled");
  if (session.endsAt <= now) throw new EditorError("sessionPast");
  return { row, session };
}

/**
 * Moves one session to a new date, time and/or place. Families with a place
 * (or an open offer) are told, in their language; a reminder already sent
 * for the old time is forgotten so the new time gets one.
 */
export async function moveSession(
  input: { activityId: string; actorUserId: string } & MoveSessionInput,
  now = new Date(),
): Promise<{ notified: number; changed: boolean }> {
  const startsAt = copenhagenInstant(input.date, input.startTime);
  const endsAt = copenhagenInstant(input.date, input.endTime);
  if (startsAt <= now) throw new EditorError("movedIntoPast", "date");
  const result = await db.$transaction(async (tx) => {
    const { row, session } = await lockedSession(tx, input.activityId, input.sessionId, now);
    const place = input.place?.trim() || null;
    const before = { startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), place: session.place };
    const diff = changedFields(before, { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), place });
    if (Object.keys(diff.after).length === 0) return { notified: 0, changed: false };
    await tx.activitySession.update({ where: { id: session.id }, data: { startsAt, endsAt, place } });
    if (session.startsAt.getTime() !== startsAt.getTime()) await tx.reminderSent.deleteMany({ where: { sessionId: session.id } });
    await audit(tx, { actorUserId: input.actorUserId, action: "session.move", entityType: "ActivitySession", entityId: session.id, ...diff });
    const families = await familiesWith(tx, row.id, ["CONFIRMED", "OFFERED"]);
    const info = await activityInfo(tx, row.id, now);
    const notified = await tellFamilies(tx, families, info, SESSION_CHANGED, (language) => ({
      old: sessionWhen(session.startsAt, session.endsAt, language),
      new: sessionWhen(startsAt, endsAt, language),
      place: place ?? row.place,
    }));
    return { notified, changed: true };
  }, TX);
  if (result.notified) await nudge(JOBS.deliverMessages);
  return result;
}

/** Cancels one session (kept, marked cancelled); families with a place or an open offer are told. */
export async function cancelSession(input: { activityId: string; sessionId: string; actorUserId: string }, now = new Date()): Promise<{ notified: number }> {
  const result = await db.$transaction(async (tx) => {
    const { row, session } = await lockedSession(tx, input.activityId, input.sessionId, now);
    await tx.activitySession.update({ where: { id: session.id }, data: { cancelledAt: now } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "session.cancel",
      entityType: "ActivitySession",
      entityId: session.id,
      before: { cancelledAt: null },
      after: { cancelledAt: now.toISOString() },
    });
    const families = await familiesWith(tx, row.id, ["CONFIRMED", "OFFERED"]);
    const info = await activityInfo(tx, row.id, now);
    const notified = await tellFamilies(tx, families, info, SESSION_CHANGED, (language) => ({
      old: sessionWhen(session.startsAt, session.endsAt, language),
      new: translator(language, "editor")("notice.sessionCancelled"),
      place: session.place ?? row.place,
    }));
    return { notified };
  }, TX);
  if (result.notified) await nudge(JOBS.deliverMessages);
  return result;
}

/** Deletes a session added by mistake — only while nobody has signed up and nobody was counted at it. */
export async function deleteSession(input: { activityId: string; sessionId: string; actorUserId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await lockedActivity(tx, input.activityId);
    const session = isId(input.sessionId)
      ? await tx.activitySession.findFirst({
          where: { id: input.sessionId, activityId: row.id },
          select: { id: true, startsAt: true, endsAt: true, place: true, _count: { select: { attendances: true, headCounts: true } } },
        })
      : null;
    if (!session) throw new EditorError("sessionNotFound");
    const enrolments = await tx.enrolment.count({ where: { activityId: row.id } });
    if (enrolments > 0 || session._count.attendances > 0 || session._count.headCounts > 0) throw new EditorError("sessionInUse");
    await tx.activitySession.delete({ where: { id: session.id } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "session.delete",
      entityType: "ActivitySession",
      entityId: session.id,
      before: { startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), place: session.place },
    });
  }, TX);
}
