// Possible duplicates and the merge (ADR 015). Staff see pairs scored by the same rules as the forms
// (name-match.ts), newest first, with partners' proposals on top; "not the same person" is remembered so the pair
// does not come back. A merge keeps one person and moves everything of the other onto them in one transaction,
// both people locked in a fixed order; then the other is gone, and the audit log says who merged whom.
import { audit } from "~/lib/audit.server.ts";
import { db } from "~/lib/db.server.ts";
import { asMatchPerson, describePeople, type PersonMatch } from "./matching.server.ts";
import { MATCH_THRESHOLD, matchScore } from "./name-match.ts";
import { DomainError } from "../errors.ts";
import { lockRow } from "~/domain/locking.server.ts";

export class RegisterError extends DomainError<"notFound" | "samePerson" | "bothHaveAccounts" | "sameJobTwice"> {
  constructor(code: "notFound" | "samePerson" | "bothHaveAccounts" | "sameJobTwice") {
    super("staff", code);
  }
}

/** The pair's key: the smaller id first, so (a, b) and (b, a) are one row. */
export const orderedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** How many of the newest people the list compares with the register (the rest were looked at before them). */
export const NEWEST_PEOPLE_COMPARED = 400;
export const PAIRS_SHOWN = 50;

export type DuplicatePair = { a: PersonMatch; b: PersonMatch; score: number; proposed: boolean; newest: string };

type Row = { id: string; firstName: string; lastName: string; birthDate: Date | null; birthYear: number | null; housingAreaId: string | null; createdAt: Date };

/** The year a person was born in, from the full date or the year alone. */
const yearOf = (person: Row): number => person.birthDate?.getUTCFullYear() ?? person.birthYear!;

/**
 * Pairs of people who are likely one, newest first: every one of the newest people with a birth date against
 * everyone born within a year of them; partners' proposals first; pairs staff called "not the same" never.
 */
export async function possibleDuplicates(): Promise<DuplicatePair[]> {
  const [newest, verdicts] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT "id"::text AS "id", "firstName", "lastName", "birthDate", "birthYear", "housingAreaId"::text AS "housingAreaId", "createdAt"
      FROM "Person" WHERE ("birthDate" IS NOT NULL OR "birthYear" IS NOT NULL) AND "anonymisedAt" IS NULL
      ORDER BY "createdAt" DESC, "id" LIMIT ${NEWEST_PEOPLE_COMPARED}`,
    db.possibleDuplicate.findMany({ select: { personAId: true, personBId: true, verdict: true, createdAt: true } }),
  ]);
  const notSame = new Set(verdicts.filter((v) => v.verdict === "NOT_SAME").map((v) => `${v.personAId}/${v.personBId}`));
  const proposed = verdicts.filter((v) => v.verdict === "PROPOSED");
  if (!newest.length && !proposed.length) return [];
  const years = newest.map(yearOf);
  const [from, to] = [Math.min(...years, 9999) - 1, Math.max(...years, 0) + 1];
  const window = newest.length
    ? await db.$queryRaw<Row[]>`
        SELECT "id"::text AS "id", "firstName", "lastName", "birthDate", "birthYear", "housingAreaId"::text AS "housingAreaId", "createdAt"
        FROM "Person"
        WHERE ("birthDate" >= make_date(${from}::int, 1, 1) AND "birthDate" <= make_date(${to}::int, 12, 31) OR "birthYear" BETWEEN ${from}::int AND ${to}::int)
          AND "anonymisedAt" IS NULL`
    : [];
  const byYear = new Map<number, Row[]>();
  for (const person of window) {
    const year = yearOf(person);
    byYear.set(year, [...(byYear.get(year) ?? []), person]);
  }
  const pairs = new Map<string, { a: string; b: string; score: number; newest: Date; proposed: boolean }>();
  for (const person of newest) {
    const year = yearOf(person);
    const me = asMatchPerson(person);
    for (const other of [...(byYear.get(year - 1) ?? []), ...(byYear.get(year) ?? []), ...(byYear.get(year + 1) ?? [])]) {
      if (other.id === person.id) continue;
      const [a, b] = orderedPair(person.id, other.id);
      const key = `${a}/${b}`;
      if (notSame.has(key) || pairs.has(key)) continue;
      const score = matchScore(me, asMatchPerson(other)).score;
      if (score < MATCH_THRESHOLD) continue;
      const later = person.createdAt > other.createdAt ? person.createdAt : other.createdAt;
      pairs.set(key, { a, b, score, newest: later, proposed: false });
    }
  }
  for (const proposal of proposed) {
    const key = `${proposal.personAId}/${proposal.personBId}`;
    const existing = pairs.get(key);
    pairs.set(key, { a: proposal.personAId, b: proposal.personBId, score: existing?.score ?? 0, newest: proposal.createdAt, proposed: true });
  }
  const chosen = [...pairs.values()]
    .sort((x, y) => Number(y.proposed) - Number(x.proposed) || y.newest.getTime() - x.newest.getTime() || y.score - x.score)
    .slice(0, PAIRS_SHOWN);
  const described = await describePeople(
    db,
    [...new Set(chosen.flatMap((pair) => [pair.a, pair.b]))].map((id) => ({ candidate: { id }, score: 0 })),
    { kind: "staff" },
  );
  const person = new Map(described.map((match) => [match.personId, match]));
  return chosen.flatMap((pair) => {
    const [a, b] = [person.get(pair.a), person.get(pair.b)];
    return a && b ? [{ a, b, score: pair.score, proposed: pair.proposed, newest: pair.newest.toISOString() }] : [];
  });
}

/** Staff: "these are two people" — the pair is not suggested again (a partner's proposal is answered by it). */
export async function markNotSame(input: { personIds: [string, string]; actorUserId: string }) {
  const [a, b] = orderedPair(...input.personIds);
  if (a === b) throw new RegisterError("samePerson");
  await db.$transaction(async (tx) => {
    const found = await tx.person.count({ where: { id: { in: [a, b] } } });
    if (found !== 2) throw new RegisterError("notFound");
    await tx.possibleDuplicate.upsert({
      where: { personAId_personBId: { personAId: a, personBId: b } },
      create: { personAId: a, personBId: b, verdict: "NOT_SAME", decidedById: input.actorUserId },
      update: { verdict: "NOT_SAME", decidedById: input.actorUserId },
    });
    await audit(tx, { actorUserId: input.actorUserId, action: "person.notSame", entityType: "Person", entityId: a, after: { other: b } });
  });
}

/** A partner: "I think these are one child" — shown on the staff list; staff decide. A pair already judged stays judged. */
export async function proposeDuplicate(input: { personIds: [string, string]; actorUserId: string }) {
  const [a, b] = orderedPair(...input.personIds);
  if (a === b) throw new RegisterError("samePerson");
  await db.$transaction(async (tx) => {
    const found = await tx.person.count({ where: { id: { in: [a, b] } } });
    if (found !== 2) throw new RegisterError("notFound");
    const created = await tx.possibleDuplicate.createMany({
      data: [{ personAId: a, personBId: b, verdict: "PROPOSED", proposedById: input.actorUserId }],
      skipDuplicates: true,
    });
    if (created.count)
      await audit(tx, { actorUserId: input.actorUserId, action: "person.proposeDuplicate", entityType: "Person", entityId: a, after: { other: b } });
  });
}

/** The two people side by side, for the merge page (staff only). */
export async function mergeView(personIds: [string, string]) {
  const people = await db.person.findMany({
    where: { id: { in: personIds }, anonymisedAt: null },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      birthYear: true,
      gender: true,
      phone: true,
      email: true,
      createdAt: true,
      housingArea: { select: { name: true } },
      user: { select: { role: true } },
      households: {
        select: {
          role: true,
          household: { select: { members: { where: { role: "GUARDIAN" }, select: { person: { select: { firstName: true, lastName: true } } } } } },
        },
      },
      _count: { select: { enrolments: true, attendances: true, applications: true, employments: true } },
    },
  });
  if (people.length !== 2 || personIds[0] === personIds[1]) throw new RegisterError("notFound");
  return personIds.map((id) => people.find((person) => person.id === id)!);
}

const ENROLMENT_RANK = { CONFIRMED: 3, OFFERED: 2, WAITING: 1, CANCELLED: 0 } as const;

/**
 * Merges `removeId` into `keepId`: household memberships, enrolments (two of one activity become the better one),
 * attendance (one session → one row, present if either was), consents, needs, job applications with their
 * employments, shifts and hours, invitations, form results, audit history and the login all move to the kept
 * person; empty fields of the kept person are filled from the other. Refused when both have a login or both
 * applied for the same job. One transaction, both people locked in id order.
 */
export async function mergePeople(input: { keepId: string; removeId: string; actorUserId: string }): Promise<void> {
  const { keepId, removeId } = input;
  if (keepId === removeId) throw new RegisterError("samePerson");
  await db.$transaction(async (tx) => {
    for (const id of orderedPair(keepId, removeId)) await lockRow(tx, "Person", id);
    const [keep, remove] = await Promise.all(
      [keepId, removeId].map((id) => tx.person.findUnique({ where: { id }, include: { user: { select: { id: true } } } })),
    );
    if (!keep || !remove || keep.anonymisedAt || remove.anonymisedAt) throw new RegisterError("notFound");
    if (keep.user && remove.user) throw new RegisterError("bothHaveAccounts");
    const moved: Record<string, number> = {};

    // Household memberships: one row per household.
    const keepHouseholds = new Set(
      (await tx.householdMember.findMany({ where: { personId: keepId }, select: { householdId: true } })).map((m) => m.householdId),
    );
    moved.householdsJoined = (
      await tx.householdMember.updateMany({ where: { personId: removeId, householdId: { notIn: [...keepHouseholds] } }, data: { personId: keepId } })
    ).count;
    await tx.householdMember.deleteMany({ where: { personId: removeId } });

    // Enrolments: one per activity; the better status wins.
    const keepEnrolments = await tx.enrolment.findMany({ where: { personId: keepId }, select: { id: true, activityId: true, status: true } });
    for (const enrolment of await tx.enrolment.findMany({ where: { personId: removeId }, select: { id: true, activityId: true, status: true } })) {
      const twin = keepEnrolments.find((other) => other.activityId === enrolment.activityId);
      if (!twin) {
        await tx.enrolment.update({ where: { id: enrolment.id }, data: { personId: keepId } });
      } else if (ENROLMENT_RANK[enrolment.status] > ENROLMENT_RANK[twin.status]) {
        await tx.enrolment.delete({ where: { id: twin.id } });
        await tx.enrolment.update({ where: { id: enrolment.id }, data: { personId: keepId } });
      } else {
        await tx.enrolment.delete({ where: { id: enrolment.id } });
      }
      moved.enrolments = (moved.enrolments ?? 0) + 1;
    }

    // Attendance: one row per session; present if either says so.
    moved.attendance = await tx.$executeRaw`
      UPDATE "Attendance" k SET "present" = k."present" OR r."present"
      FROM "Attendance" r WHERE k."personId" = ${keepId}::uuid AND r."personId" = ${removeId}::uuid AND r."sessionId" = k."sessionId"`;
    await tx.$executeRaw`
      DELETE FROM "Attendance" r USING "Attendance" k
      WHERE r."personId" = ${removeId}::uuid AND k."personId" = ${keepId}::uuid AND k."sessionId" = r."sessionId"`;
    moved.attendance += (await tx.attendance.updateMany({ where: { personId: removeId }, data: { personId: keepId } })).count;

    // Absence notices: one per session; the kept person's own stays.
    await tx.$executeRaw`
      DELETE FROM "AbsenceNotice" r USING "AbsenceNotice" k
      WHERE r."personId" = ${removeId}::uuid AND k."personId" = ${keepId}::uuid AND k."sessionId" = r."sessionId"`;
    await tx.absenceNotice.updateMany({ where: { personId: removeId }, data: { personId: keepId } });

    // Consents given, needs, invitations.
    await tx.signUp.updateMany({ where: { consentPersonId: removeId }, data: { consentPersonId: keepId } });
    const [keepNeeds, removeNeeds] = await Promise.all([keepId, removeId].map((personId) => tx.personNeeds.findUnique({ where: { personId } })));
    if (removeNeeds) {
      const text = keepNeeds ? `${keepNeeds.text}\n\n${removeNeeds.text}` : removeNeeds.text;
      await tx.personNeeds.upsert({ where: { personId: keepId }, create: { personId: keepId, text }, update: { text } });
    }
    await tx.householdInvitation.updateMany({ where: { personId: removeId }, data: { personId: keepId } });
    // Who may collect the child, whom to call (issue 19): the kept person's list wins; the other's moves where it has none.
    for (const kind of ["COLLECTOR", "EMERGENCY"] as const) {
      if (!(await tx.childContact.count({ where: { personId: keepId, kind } })))
        await tx.childContact.updateMany({ where: { personId: removeId, kind }, data: { personId: keepId } });
    }

    // Jobs: applications (with their employments, shifts and hours) and guardian links.
    const keepPostings = (await tx.jobApplication.findMany({ where: { personId: keepId }, select: { postingId: true } })).map((a) => a.postingId);
    if (await tx.jobApplication.count({ where: { personId: removeId, postingId: { in: keepPostings } } })) throw new RegisterError("sameJobTwice");
    moved.applications = (await tx.jobApplication.updateMany({ where: { personId: removeId }, data: { personId: keepId } })).count;
    await tx.employment.updateMany({ where: { personId: removeId }, data: { personId: keepId } });
    await tx.jobApplication.updateMany({ where: { guardianPersonId: removeId }, data: { guardianPersonId: keepId } });

    // Pairs judged before: kept for the remaining person where they do not exist yet.
    for (const pair of await tx.possibleDuplicate.findMany({ where: { OR: [{ personAId: removeId }, { personBId: removeId }] } })) {
      const other = pair.personAId === removeId ? pair.personBId : pair.personAId;
      if (other === keepId) continue;
      const [a, b] = orderedPair(keepId, other);
      await tx.possibleDuplicate.createMany({ data: [{ ...pair, personAId: a, personBId: b }], skipDuplicates: true });
    }

    // What forms made, and the person's own audit history.
    await tx.$executeRaw`UPDATE "FormSubmission" SET "resultId" = ${keepId}::uuid WHERE "resultId" = ${removeId}::uuid`;
    await tx.$executeRaw`UPDATE "AuditEvent" SET "entityId" = ${keepId} WHERE "entityType" IN ('Person', 'PersonNeeds') AND "entityId" = ${removeId}`;

    // The login moves to the kept person (it has none: checked above).
    if (remove.user) await tx.user.update({ where: { id: remove.user.id }, data: { personId: keepId } });

    // Fields the kept person lacks; a full birth date beats a year alone (the Person trigger then clears the year).
    const birthDate = keep.birthDate ?? remove.birthDate;
    const fill = {
      birthDate,
      birthYear: birthDate ? null : (keep.birthYear ?? remove.birthYear),
      gender: keep.gender ?? remove.gender,
      housingAreaId: keep.housingAreaId ?? remove.housingAreaId,
      email: keep.email ?? remove.email,
      phone: keep.phone ?? remove.phone,
      photoConsent: keep.photoConsent ?? remove.photoConsent,
    };
    // Where they lived, and when (ADR 016): a kept person with no area takes the other's dated history, so earlier
    // participation stays counted where it happened; one with an area keeps their own.
    const adoptHistory = !keep.housingAreaId && remove.housingAreaId !== null;
    if (adoptHistory) await tx.$executeRaw`UPDATE "PersonAreaPeriod" SET "personId" = ${keepId}::uuid WHERE "personId" = ${removeId}::uuid`;
    await tx.person.delete({ where: { id: removeId } });
    // The history was written above: the Person trigger must not add an undated move today.
    if (adoptHistory) await tx.$executeRaw`SELECT set_config('portal.area_history', 'manual', true)`;
    await tx.person.update({ where: { id: keepId }, data: fill });
    if (adoptHistory) await tx.$executeRaw`SELECT set_config('portal.area_history', '', true)`;
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "person.merge",
      entityType: "Person",
      entityId: keepId,
      before: { removedId: removeId, removedCreatedAt: remove.createdAt.toISOString() },
      after: { ...moved, login: Boolean(remove.user) },
    });
  });
}

/** Every table whose rows point at a person: the merge must move each (a test compares this with the database). */
export const MERGED_REFERENCES = [
  "AbsenceNotice.personId",
  "Attendance.personId",
  "ChildContact.personId",
  "Employment.personId",
  "Enrolment.personId",
  "HouseholdInvitation.personId",
  "HouseholdMember.personId",
  "JobApplication.guardianPersonId",
  "JobApplication.personId",
  "PersonAreaPeriod.personId",
  "PersonNeeds.personId",
  "PossibleDuplicate.personAId",
  "PossibleDuplicate.personBId",
  "SignUp.consentPersonId",
  "User.personId",
] as const;
