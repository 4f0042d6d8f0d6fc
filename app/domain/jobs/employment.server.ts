// Employments after hiring: the list (current and ended) with the written-
// contract warning, one employment with its hours, the school flag, ending
// it, the contract to print, and the reference (anbefaling). Hours for the
// reference count only when confirmed. Staff changes are audited.
import type { TFunction } from "i18next";
import { audit, changedFields } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { formatDate, formatDateTime, formatDay, formatKroner, formatNumber } from "~/lib/format.ts";
import { translator } from "~/lib/i18n.server.ts";
import { textIn } from "../activities/text.ts";
import { ageOn, copenhagenDay, dateOnly, localParts } from "../dates.ts";
import { contractNeed, shiftMinutes } from "./contract.ts";
import { HiringError } from "./pipeline.server.ts";
import { limitsFor } from "./work-time-rules.ts";
import { isId } from "~/lib/ids.ts";
import { lockRow } from "~/domain/locking.server.ts";

const TX = { timeout: 15_000, maxWait: 15_000 } as const;

/** Assignments that count: still assigned, on shifts that were not cancelled. */
const countedAssignments = {
  where: { status: "ASSIGNED" as const, shift: { cancelledAt: null } },
  select: {
    workedMinutes: true,
    confirmedAt: true,
    shift: { select: { startsAt: true, endsAt: true, breakMinutes: true } },
  },
};

type Counted = { workedMinutes: number | null; confirmedAt: Date | null; shift: { startsAt: Date; endsAt: Date; breakMinutes: number } };

/** Planned minutes (confirmed where confirmed) and confirmed minutes only. */
export function hoursOf(assignments: readonly Counted[]) {
  const planned = assignments.reduce((sum, a) => sum + shiftMinutes({ ...a.shift, workedMinutes: a.workedMinutes, confirmedAt: a.confirmedAt }), 0);
  const confirmed = assignments.reduce((sum, a) => sum + (a.confirmedAt && a.workedMinutes !== null ? a.workedMinutes : 0), 0);
  return { plannedMinutes: planned, confirmedMinutes: confirmed, confirmedShifts: assignments.filter((a) => a.confirmedAt).length };
}

function contractFor(employment: { startsOn: Date; endsOn: Date | null; endedOn: Date | null; assignments: readonly Counted[] }) {
  const lastDay = employment.endedOn ?? employment.endsOn;
  return contractNeed({
    startsOn: dateOnly(employment.startsOn),
    lastDay: lastDay ? dateOnly(lastDay) : null,
    shifts: employment.assignments.map((a) => ({
      day: localParts(a.shift.startsAt).day,
      minutes: shiftMinutes({ ...a.shift, workedMinutes: a.workedMinutes, confirmedAt: a.confirmedAt }),
    })),
  });
}

export async function employmentExists(employmentId: string): Promise<boolean> {
  return isId(employmentId) && (await db.employment.count({ where: { id: employmentId } })) > 0;
}

const isEnded = (endedOn: Date | null, today: string) => endedOn !== null && dateOnly(endedOn) < today;

/** Every employment, current first, each with the contract warning. */
export async function employmentList(now = new Date()) {
  const rows = await db.employment.findMany({
    orderBy: [{ startsOn: "desc" }],
    select: {
      id: true,
      role: true,
      startsOn: true,
      endsOn: true,
      endedOn: true,
      referenceAt: true,
      person: { select: { firstName: true, lastName: true } },
      posting: { select: { title: true } },
      assignments: countedAssignments,
    },
  });
  const today = copenhagenDay(now);
  const list = rows.map((row) => ({
    id: row.id,
    name: `${row.person.firstName} ${row.person.lastName}`,
    role: row.role,
    job: row.posting.title,
    startsOn: dateOnly(row.startsOn),
    endsOn: row.endsOn ? dateOnly(row.endsOn) : null,
    endedOn: row.endedOn ? dateOnly(row.endedOn) : null,
    ended: isEnded(row.endedOn, today),
    hasReference: row.referenceAt !== null,
    contractRequired: contractFor(row).required,
  }));
  return { current: list.filter((row) => !row.ended), ended: list.filter((row) => row.ended) };
}

const employmentSelect = {
  id: true,
  applicationId: true,
  role: true,
  startsOn: true,
  endsOn: true,
  endedOn: true,
  inSchool: true,
  guardianInformedAt: true,
  referenceTasks: true,
  referenceStatement: true,
  referenceAt: true,
  referenceById: true,
  personId: true,
  person: { select: { firstName: true, lastName: true, birthDate: true, housingArea: { select: { name: true } } } },
  application: { select: { guardianName: true, guardianEmail: true, guardianPhone: true, school: true, schoolClass: true } },
  posting: {
    select: {
      id: true,
      title: true,
      description: true,
      hoursInfo: true,
      risks: true,
      workPlace: true,
      payOre: true,
      payUnit: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      organisation: { select: { name: true } },
      type: { select: { name: true } },
    },
  },
  assignments: countedAssignments,
} as const;

/** One employment for staff: who, what, when, hours so far and the contract warning. Null: none. */
export async function employmentForStaff(employmentId: string, now = new Date()) {
  if (!isId(employmentId)) return null;
  const employment = await db.employment.findUnique({ where: { id: employmentId }, select: employmentSelect });
  if (!employment) return null;
  const today = copenhagenDay(now);
  const referenceBy = employment.referenceById
    ? await db.user.findUnique({ where: { id: employment.referenceById }, select: { person: { select: { firstName: true, lastName: true } } } })
    : null;
  return {
    ...employment,
    startsOn: dateOnly(employment.startsOn),
    endsOn: employment.endsOn ? dateOnly(employment.endsOn) : null,
    endedOn: employment.endedOn ? dateOnly(employment.endedOn) : null,
    ended: isEnded(employment.endedOn, today),
    age: employment.person.birthDate ? ageOn(dateOnly(employment.person.birthDate), today) : null,
    hours: hoursOf(employment.assignments),
    contract: contractFor(employment),
    referenceByName: referenceBy ? `${referenceBy.person.firstName} ${referenceBy.person.lastName}` : null,
  };
}

async function lockEmployment(tx: DbTx, employmentId: string) {
  if (!(await lockRow(tx, "Employment", employmentId))) throw new HiringError("employmentNotFound");
}

/** Staff correct whether the young person is still in compulsory school (it decides the work-time limits). */
export async function setEmploymentInSchool(input: { employmentId: string; inSchool: boolean; actorUserId: string }): Promise<void> {
  if (!isId(input.employmentId)) throw new HiringError("employmentNotFound");
  await db.$transaction(async (tx) => {
    await lockEmployment(tx, input.employmentId);
    const before = await tx.employment.findUniqueOrThrow({ where: { id: input.employmentId }, select: { inSchool: true } });
    if (before.inSchool === input.inSchool) return;
    await tx.employment.update({ where: { id: input.employmentId }, data: { inSchool: input.inSchool } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "employment.inSchool",
      entityType: "Employment",
      entityId: input.employmentId,
      ...changedFields(before, { inSchool: input.inSchool }),
    });
  }, TX);
}

/** Ends the employment on its last day (not before it started; once). */
export async function endEmployment(input: { employmentId: string; lastDay: string; actorUserId: string }): Promise<void> {
  if (!isId(input.employmentId)) throw new HiringError("employmentNotFound");
  await db.$transaction(async (tx) => {
    await lockEmployment(tx, input.employmentId);
    const before = await tx.employment.findUniqueOrThrow({ where: { id: input.employmentId }, select: { startsOn: true, endedOn: true } });
    if (before.endedOn) throw new HiringError("alreadyEnded");
    if (input.lastDay < dateOnly(before.startsOn)) throw new HiringError("lastDayBeforeStart", "lastDay");
    await tx.employment.update({ where: { id: input.employmentId }, data: { endedOn: new Date(`${input.lastDay}T00:00:00Z`) } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "employment.end",
      entityType: "Employment",
      entityId: input.employmentId,
      before: { endedOn: null },
      after: { endedOn: input.lastDay },
    });
  }, TX);
}

// ---------------------------------------------------------------- reference

type ReferenceTexts = { employmentId: string; tasks: string; statement: string; actorUserId: string };

/** Saves the reference's tasks and statement; refused once it has been printed. */
export async function saveReference(input: ReferenceTexts): Promise<void> {
  if (!isId(input.employmentId)) throw new HiringError("employmentNotFound");
  await db.$transaction(async (tx) => {
    await lockEmployment(tx, input.employmentId);
    await writeReferenceTexts(tx, input);
  }, TX);
}

/** The texts, written inside the caller's transaction with the employment locked. */
async function writeReferenceTexts(tx: DbTx, input: ReferenceTexts): Promise<void> {
  const before = await tx.employment.findUniqueOrThrow({
    where: { id: input.employmentId },
    select: { referenceTasks: true, referenceStatement: true, referenceAt: true },
  });
  if (before.referenceAt) throw new HiringError("referenceLocked");
  const after = { referenceTasks: input.tasks, referenceStatement: input.statement };
  await tx.employment.update({ where: { id: input.employmentId }, data: after });
  // The texts themselves stay out of the log: only that they changed.
  const changed = changedFields({ referenceTasks: before.referenceTasks, referenceStatement: before.referenceStatement }, after);
  if (Object.keys(changed.after).length === 0) return;
  await audit(tx, {
    actorUserId: input.actorUserId,
    action: "employment.referenceSaved",
    entityType: "Employment",
    entityId: input.employmentId,
    after: { fields: Object.keys(changed.after) },
  });
}

/**
 * Marks the reference as printed (who and when): from then on it is final,
 * and the young person can open it. Needs tasks and statement. Printing
 * again keeps the first author and date.
 */
export async function finishReference(
  input: { employmentId: string; actorUserId: string; texts?: { tasks: string; statement: string } },
  now = new Date(),
): Promise<void> {
  if (!isId(input.employmentId)) throw new HiringError("employmentNotFound");
  await db.$transaction(async (tx) => {
    await lockEmployment(tx, input.employmentId);
    // Texts sent with "print" are saved in the same transaction: a refused print changes nothing (the form keeps them).
    if (input.texts) await writeReferenceTexts(tx, { employmentId: input.employmentId, actorUserId: input.actorUserId, ...input.texts });
    const employment = await tx.employment.findUniqueOrThrow({
      where: { id: input.employmentId },
      select: { referenceTasks: true, referenceStatement: true, referenceAt: true, assignments: countedAssignments },
    });
    if (employment.referenceAt) return;
    if (!employment.referenceTasks?.trim() || !employment.referenceStatement?.trim()) throw new HiringError("referenceIncomplete");
    // A reference vouches for work done: not before an hour of it is confirmed.
    if (hoursOf(employment.assignments).confirmedMinutes === 0) throw new HiringError("referenceNoHours");
    await tx.employment.update({ where: { id: input.employmentId }, data: { referenceAt: now, referenceById: input.actorUserId } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "employment.referencePrinted",
      entityType: "Employment",
      entityId: input.employmentId,
      after: { referenceAt: now.toISOString() },
    });
  }, TX);
}

/**
 * The printed reference: for staff any, for a young person only their own
 * (else null, which the route answers with 404). Null too until staff
 * have printed it. Hours: confirmed only.
 */
export async function referenceFor(employmentId: string, viewer: { personId: string; isStaff: boolean }) {
  if (!isId(employmentId)) return null;
  const employment = await db.employment.findUnique({ where: { id: employmentId }, select: employmentSelect });
  if (!employment || (!viewer.isStaff && employment.personId !== viewer.personId)) return null;
  if (!employment.referenceAt || !employment.referenceTasks || !employment.referenceStatement || !employment.referenceById) return null;
  const author = await db.user.findUnique({
    where: { id: employment.referenceById },
    select: { email: true, phone: true, person: { select: { firstName: true, lastName: true } } },
  });
  return {
    name: `${employment.person.firstName} ${employment.person.lastName}`,
    role: employment.role,
    job: employment.posting.title,
    organisation: employment.posting.organisation?.name ?? null,
    workPlace: employment.posting.workPlace,
    startsOn: dateOnly(employment.startsOn),
    lastDay: employment.endedOn ? dateOnly(employment.endedOn) : null,
    confirmedMinutes: hoursOf(employment.assignments).confirmedMinutes,
    tasks: employment.referenceTasks,
    statement: employment.referenceStatement,
    writtenAt: employment.referenceAt,
    author: author ? { name: `${author.person.firstName} ${author.person.lastName}`, email: author.email, phone: author.phone } : null,
    contact: { name: employment.posting.contactName, phone: employment.posting.contactPhone, email: employment.posting.contactEmail },
  };
}

// ---------------------------------------------------------------- documents

/** Print documents are in Danish, or in English when asked for (?lng=en). */
export type DocumentLanguage = "da" | "en";

/** The language a contract or reference is printed in: Danish, or English when the address asks (?lng=en). */
export const documentLanguage = (params: URLSearchParams): DocumentLanguage => (params.get("lng") === "en" ? "en" : "da");

export type DocumentSection = { heading: string; lines: string[] };
export type PrintDocument = {
  language: DocumentLanguage;
  title: string;
  intro: string[];
  sections: DocumentSection[];
  signatures: { heading: string; lines: string[] } | null;
  /** "Udskrevet 7. december 2026 kl. 15.00": a paper copy says when it was made (issue 19, defect 14). */
  printed: string;
};

/** Minutes as hours in words, plural-correct ("2,5 timer", "ساعتان"). */
const hoursText = (t: TFunction, minutes: number, language: DocumentLanguage) =>
  t("common:units.hours", { count: minutes / 60, value: formatNumber(minutes / 60, language, { maximumFractionDigits: 2 }) });

/** A role named as its job ("Legepatrulje" in Legepatrulje) is said once, not "som Legepatrulje i … Legepatrulje". */
const sameWords = (a: string, b: string) => a.trim().toLocaleLowerCase("da") === b.trim().toLocaleLowerCase("da");

/** The printed reference as text in the document's language; null as for referenceFor. */
export async function referenceDocument(
  employmentId: string,
  viewer: { personId: string; isStaff: boolean },
  language: DocumentLanguage,
  now = new Date(),
): Promise<PrintDocument | null> {
  const reference = await referenceFor(employmentId, viewer);
  if (!reference) return null;
  const t = translator(language, "hiring");
  const employer = reference.organisation ?? t("doc.programme");
  const period = reference.lastDay
    ? t("employment.period", { from: formatDay(reference.startsOn, language), to: formatDay(reference.lastDay, language) })
    : t("employment.openPeriod", { from: formatDay(reference.startsOn, language) });
  const contact = reference.author
    ? [reference.author.name, reference.author.phone, reference.author.email]
    : [reference.contact.name, reference.contact.phone, reference.contact.email];
  return {
    language,
    title: t("referenceDoc.title"),
    intro: [
      sameWords(reference.role, textIn(reference.job, language))
        ? t("referenceDoc.introJob", { name: reference.name, job: textIn(reference.job, language), employer })
        : t("referenceDoc.intro", { name: reference.name, role: reference.role, job: textIn(reference.job, language), employer }),
    ],
    sections: [
      { heading: t("referenceDoc.period"), lines: [period] },
      { heading: t("referenceDoc.hours"), lines: [hoursText(t, reference.confirmedMinutes, language), t("referenceDoc.hoursNote")] },
      { heading: t("referenceDoc.tasks"), lines: reference.tasks.split(/\n+/) },
      { heading: t("referenceDoc.statement"), lines: reference.statement.split(/\n+/) },
      {
        heading: t("referenceDoc.writtenBy"),
        lines: [
          t("referenceDoc.writtenAt", { name: reference.author?.name ?? reference.contact.name, date: formatDate(reference.writtenAt, language) }),
          t("referenceDoc.contact", { contact: contact.filter(Boolean).join(", ") }),
          t("doc.programme"),
        ],
      },
    ],
    signatures: null,
    printed: t("print.printed", { date: formatDateTime(now, language) }),
  };
}

/** The written contract for the guardians to sign, in the document's language. Null: no such employment. */
export async function contractDocument(employmentId: string, language: DocumentLanguage, now = new Date()): Promise<PrintDocument | null> {
  const employment = await employmentForStaff(employmentId, now);
  if (!employment) return null;
  const t = translator(language, "hiring");
  const pay = translator(language, "messages");
  const birthDay = employment.person.birthDate ? dateOnly(employment.person.birthDate) : null;
  const ageAtStart = birthDay ? ageOn(birthDay, employment.startsOn) : null;
  const limits = ageAtStart === null ? null : limitsFor({ age: ageAtStart, inSchool: employment.inSchool });
  const posting = employment.posting;
  const name = `${employment.person.firstName} ${employment.person.lastName}`;
  const guardian = employment.application.guardianName;
  const h = (minutes: number) => hoursText(t, minutes, language);
  const limitLines = !limits
    ? [t("contractDoc.limitsUnknown")]
    : !limits.mayWork
      ? [t("contractDoc.mayNotWork")]
      : [
          t("contractDoc.limitsFor", {
            age: t("common:units.years", { count: ageAtStart ?? 0 }),
            school: employment.inSchool ? t("contractDoc.inSchool") : t("contractDoc.leftSchool"),
          }),
          t("contractDoc.schoolDays", { day: h(limits.schoolDayMinutes), week: h(limits.schoolWeekMinutes) }),
          t("contractDoc.freeDays", { day: h(limits.freeDayMinutes), week: h(limits.freeWeekMinutes) }),
          t("contractDoc.night", { from: limits.nightStart, to: limits.nightEnd }),
          t("contractDoc.rest", { hours: h(limits.restMinutes) }),
          t("contractDoc.break", {
            minutes: t("common:units.minutes", { count: limits.breakMinutes, value: formatNumber(limits.breakMinutes, language) }),
            after: h(limits.breakAfterMinutes),
          }),
          t("contractDoc.daysOff", { days: limits.consecutiveDaysOff, count: limits.consecutiveDaysOff }),
          t("contractDoc.ageChanges"),
          t("contractDoc.source", { source: limits.source }),
        ];
  return {
    language,
    title: t("contractDoc.title"),
    intro: [t("contractDoc.intro")],
    sections: [
      {
        heading: t("contractDoc.parties"),
        lines: [
          t("contractDoc.employer", {
            employer: t("doc.programme"),
            contact: [posting.contactName, posting.contactPhone, posting.contactEmail].filter(Boolean).join(", "),
          }),
          t("contractDoc.youngPerson", { name, born: birthDay ? formatDay(birthDay, language) : "–" }),
          t("contractDoc.guardian", { name: guardian }),
        ],
      },
      {
        heading: t("contractDoc.job"),
        lines: [
          sameWords(employment.role, textIn(posting.title, language))
            ? employment.role
            : t("contractDoc.role", { role: employment.role, job: textIn(posting.title, language) }),
          textIn(posting.description, language),
        ],
      },
      { heading: t("contractDoc.workPlace"), lines: [[posting.workPlace, posting.organisation?.name].filter(Boolean).join(", ")] },
      {
        heading: t("contractDoc.period"),
        lines: [
          t("contractDoc.start", { date: formatDay(employment.startsOn, language) }),
          employment.endsOn ? t("contractDoc.end", { date: formatDay(employment.endsOn, language) }) : t("contractDoc.openEnd"),
        ],
      },
      {
        heading: t("contractDoc.hours"),
        lines: [
          textIn(posting.hoursInfo, language),
          t("contractDoc.plannedSoFar", { hours: h(employment.hours.plannedMinutes), average: h(employment.contract.averageWeeklyMinutes) }),
        ],
      },
      { heading: t("contractDoc.limits"), lines: limitLines },
      {
        heading: t("contractDoc.pay"),
        lines: [pay(`jobPay.${posting.payUnit}`, { amount: formatKroner(posting.payOre, language) }), t("contractDoc.payNote")],
      },
      { heading: t("contractDoc.risks"), lines: [textIn(posting.risks, language)] },
      { heading: t("contractDoc.notice"), lines: [t("contractDoc.noticeText")] },
    ],
    signatures: {
      heading: t("contractDoc.signatures"),
      lines: [
        t("contractDoc.signEmployer"),
        t("contractDoc.signYoungPerson", { name }),
        t("contractDoc.signGuardian", { name: guardian }),
        t("contractDoc.signOtherGuardian"),
      ],
    },
    printed: t("print.printed", { date: formatDateTime(now, language) }),
  };
}
