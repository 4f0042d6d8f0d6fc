// A parent's household: the guardians and children they manage themselves.
// Every function takes the acting user and checks that the person they
// touch belongs to a household in which that user is a guardian.
import type { Gender, Prisma } from "~/generated/prisma/client.ts";
import { audit, changedFields } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { enforceRateLimits, RateLimitedError } from "~/lib/rate-limit.server.ts";
import { recheckConsent } from "../jobs/birth-date.server.ts";
import { DomainError } from "../errors.ts";
import { findMatches, type PersonMatch } from "../register/matching.server.ts";
import { createPerson, earlierSubmission, submitOnce } from "../register/people.server.ts";

/** Children one household may register (an abuse limit, far above any family). */
export const MAX_CHILDREN = 15;
/** Children one account may add per day (an abuse limit: removing and adding again does not get round MAX_CHILDREN). */
export const CHILDREN_PER_DAY = 10;

export class HouseholdError extends DomainError<"notFound" | "tooManyChildren" | "tooManyToday"> {
  constructor(code: "notFound" | "tooManyChildren" | "tooManyToday") {
    super("household", code);
  }
}

const memberSelect = {
  role: true,
  person: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      gender: true,
      phone: true,
      housingAreaId: true,
      photoConsent: true,
      user: { select: { id: true } },
      // Whether there is a note, never its text: that is read only where it is edited or needed.
      needs: { select: { personId: true } },
    },
  },
} satisfies Prisma.HouseholdMemberSelect;

/** The household the user is a guardian of (the first, if several), with its members. */
export async function householdOf(user: { personId: string }) {
  const membership = await db.householdMember.findFirst({
    where: { personId: user.personId, role: "GUARDIAN" },
    orderBy: { createdAt: "asc" },
    select: { household: { select: { id: true, calendarTokenHash: true, members: { select: memberSelect, orderBy: { createdAt: "asc" } } } } },
  });
  return membership?.household ?? null;
}

/** Only the id of that household (for actions that need no more). */
export async function householdIdOf(user: { personId: string }): Promise<string | null> {
  // Raw: read by every sign-up and activity page (ADR 011).
  const rows = await db.$queryRaw<{ householdId: string }[]>`
    SELECT "householdId"::text AS "householdId" FROM "HouseholdMember"
    WHERE "personId" = ${user.personId}::uuid AND "role" = 'GUARDIAN' ORDER BY "createdAt" LIMIT 1`;
  return rows[0]?.householdId ?? null;
}

/** A parent's own name and area, as their household page shows them. */
export function ownDetails(personId: string) {
  return db.person.findUniqueOrThrow({
    where: { id: personId },
    select: { firstName: true, lastName: true, housingAreaId: true, birthYear: true, birthDate: true, gender: true },
  });
}

export type HouseholdView = NonNullable<Awaited<ReturnType<typeof householdOf>>>;

/** The user's household, made (with them as its guardian) on first use. */
export async function ensureHousehold(user: { personId: string }): Promise<string> {
  const existing = await householdOf(user);
  if (existing) return existing.id;
  const created = await db.household.create({ data: { members: { create: { personId: user.personId, role: "GUARDIAN" } } }, select: { id: true } });
  return created.id;
}

export type ChildInput = {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  housingAreaId: string;
  needs?: string;
  photoConsent: boolean | null;
  /** Optional, for the funder's anonymous statistics; null: not recorded. */
  gender?: Gender | null;
};

/** Adds a child to the user's household (made on first use), or updates one of its children. */
export async function saveChild(user: { id: string; personId: string }, childId: string | null, input: ChildInput): Promise<string> {
  const data = {
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: new Date(`${input.birthDate}T00:00:00Z`),
    housingAreaId: input.housingAreaId,
    photoConsent: input.photoConsent,
    ...(input.gender !== undefined ? { gender: input.gender } : {}),
  };
  const needs = input.needs?.trim() || null;
  if (childId) {
    const household = await householdOf(user);
    const member = household?.members.find((candidate) => candidate.role === "CHILD" && candidate.person.id === childId);
    if (!member) throw new HouseholdError("notFound");
    const before = { ...pickPerson(member.person), needs: Boolean(member.person.needs) };
    const birthDateChanged = await db.$transaction(async (tx) => {
      await tx.person.update({ where: { id: childId }, data });
      if (needs) await tx.personNeeds.upsert({ where: { personId: childId }, create: { personId: childId, text: needs }, update: { text: needs } });
      else await tx.personNeeds.deleteMany({ where: { personId: childId } });
      // The log records that the sensitive note changed, never its text.
      const changes = changedFields(
        { ...before, needs: Boolean(before.needs) },
        { ...pickPerson({ ...data, birthDate: data.birthDate }), needs: Boolean(needs) },
      );
      if (Object.keys(changes.after).length)
        await audit(tx, { actorUserId: user.id, action: "person.update", entityType: "Person", entityId: childId, ...changes });
      // A guardian may correct their child's birth date; it decides a job's consent, so that is looked at again.
      if (!("birthDate" in changes.after)) return false;
      await recheckConsent(tx, childId, user.id);
      return true;
    });
    if (birthDateChanged) await nudge(JOBS.deliverMessages);
    return childId;
  }
  const added = await addChild(user, input, { key: null, choice: "new" });
  if (added.status !== "added") throw new HouseholdError("notFound");
  return added.childId;
}

export type AddChildResult = { status: "added"; childId: string } | { status: "matches"; matches: PersonMatch[] };

/**
 * A parent adds a child (ADR 015). Matching looks only inside the parent's own household — never at other families'
 * children: without `choice`, a child of the household who looks the same is offered ("is it this child?"); choosing
 * them adds nobody, "new" adds the child. The form's key makes a resubmitted form one child.
 */
export async function addChild(
  user: { id: string; personId: string },
  input: ChildInput,
  options: { key: string | null; choice: string | null },
): Promise<AddChildResult> {
  const once = options.key ? { key: options.key, kind: "child", actorUserId: user.id } : null;
  const earlier = once ? await earlierSubmission(once) : null;
  if (earlier) return { status: "added", childId: earlier };
  const householdId = await ensureHousehold(user);
  if (options.choice !== "new") {
    const matches = (
      await findMatches(
        { firstName: input.firstName, lastName: input.lastName, birthDate: input.birthDate, housingAreaId: input.housingAreaId },
        { kind: "household", householdId },
      )
    ).filter((match) => match.personId !== user.personId);
    if (options.choice === null && matches.length) return { status: "matches", matches };
    const chosen = matches.find((match) => match.personId === options.choice);
    if (chosen) return { status: "added", childId: chosen.personId };
    if (options.choice !== null) throw new HouseholdError("notFound");
  }
  const children = await db.householdMember.count({ where: { householdId, role: "CHILD" } });
  if (children >= MAX_CHILDREN) throw new HouseholdError("tooManyChildren");
  await enforceRateLimits([{ key: `children:user:${user.id}`, limit: { limit: CHILDREN_PER_DAY, windowSeconds: 86_400 } }]).catch((error: unknown) => {
    throw error instanceof RateLimitedError ? new HouseholdError("tooManyToday") : error;
  });
  const needs = input.needs?.trim() || null;
  const data = {
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: new Date(`${input.birthDate}T00:00:00Z`),
    housingAreaId: input.housingAreaId,
    photoConsent: input.photoConsent,
  };
  const create = (tx: DbTx) =>
    createPerson(
      tx,
      { ...data, needs },
      {
        member: { householdId, role: "CHILD" },
        actorUserId: user.id,
        action: "person.createChild",
        auditAfter: { householdId, ...pickPerson(data), needs: Boolean(needs) },
      },
    );
  const childId = await db.$transaction(async (tx) => (once ? (await submitOnce(tx, once, () => create(tx))).resultId : create(tx)));
  return { status: "added", childId };
}

function pickPerson(person: { firstName: string; lastName: string; birthDate: Date | null; housingAreaId: string | null; photoConsent: boolean | null }) {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate?.toISOString().slice(0, 10) ?? null,
    housingAreaId: person.housingAreaId,
    photoConsent: person.photoConsent,
  };
}

/**
 * The signed-in guardian's own name and the area the family lives in (their own record), and, if they give them,
 * their birth year and gender for the funder's anonymous statistics (a birth year only where no full date is known).
 */
export async function saveOwnDetails(
  user: { id: string; personId: string },
  input: { firstName: string; lastName: string; housingAreaId: string | null; birthYear?: number | null; gender?: Gender | null },
) {
  await db.$transaction(async (tx) => {
    const current = await tx.person.findUniqueOrThrow({
      where: { id: user.personId },
      select: { firstName: true, lastName: true, housingAreaId: true, birthYear: true, gender: true, birthDate: true },
    });
    const { birthDate, ...before } = current;
    // With a full birth date the year is not asked (the page hides it); the database keeps the date either way.
    if (birthDate) delete input.birthYear;
    await tx.person.update({ where: { id: user.personId }, data: input });
    await audit(tx, { actorUserId: user.id, action: "person.updateOwn", entityType: "Person", entityId: user.personId, ...changedFields(before, input) });
  });
  await ensureHousehold(user);
}

/** The "things we should know" text of one of the user's own children, for its edit form. */
export async function childNeeds(user: { personId: string }, childId: string): Promise<string | null> {
  const household = await householdOf(user);
  if (!household?.members.some((member) => member.role === "CHILD" && member.person.id === childId)) return null;
  return (await db.personNeeds.findUnique({ where: { personId: childId }, select: { text: true } }))?.text ?? null;
}
