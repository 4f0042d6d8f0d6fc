// A parent's household: the guardians and children they manage themselves.
// Every function takes the acting user and checks that the person they
// touch belongs to a household in which that user is a guardian.
import type { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/lib/db.server.ts";

/** Children one household may register (an abuse limit, far above any family). */
export const MAX_CHILDREN = 15;

export class HouseholdError extends Error {
  constructor(readonly code: "notFound" | "tooManyChildren") {
    super(code);
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
      phone: true,
      email: true,
      housingAreaId: true,
      photoConsent: true,
      user: { select: { id: true } },
      needs: { select: { text: true } },
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

export type HouseholdView = NonNullable<Awaited<ReturnType<typeof householdOf>>>;

async function ensureHousehold(user: { personId: string }): Promise<string> {
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
};

/** Adds a child to the user's household (made on first use), or updates one of its children. */
export async function saveChild(user: { personId: string }, childId: string | null, input: ChildInput): Promise<string> {
  const data = {
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: new Date(`${input.birthDate}T00:00:00Z`),
    housingAreaId: input.housingAreaId,
    photoConsent: input.photoConsent,
  };
  const needs = input.needs?.trim() || null;
  if (childId) {
    const household = await householdOf(user);
    if (!household?.members.some((member) => member.role === "CHILD" && member.person.id === childId)) throw new HouseholdError("notFound");
    await db.$transaction([
      db.person.update({ where: { id: childId }, data }),
      needs ? db.personNeeds.upsert({ where: { personId: childId }, create: { personId: childId, text: needs }, update: { text: needs } }) : db.personNeeds.deleteMany({ where: { personId: childId } }),
    ]);
    return childId;
  }
  const householdId = await ensureHousehold(user);
  const children = await db.householdMember.count({ where: { householdId, role: "CHILD" } });
  if (children >= MAX_CHILDREN) throw new HouseholdError("tooManyChildren");
  const child = await db.person.create({
    data: { ...data, households: { create: { householdId, role: "CHILD" } }, ...(needs ? { needs: { create: { text: needs } } } : {}) },
    select: { id: true },
  });
  return child.id;
}

/** The signed-in guardian's own name and the area the family lives in (their own record). */
export async function saveOwnDetails(user: { id: string; personId: string }, input: { firstName: string; lastName: string; housingAreaId: string | null }) {
  await db.person.update({ where: { id: user.personId }, data: input });
  await ensureHousehold(user);
}

/** The other guardian: a person without a login, reached by phone. One per household here. */
export async function saveOtherGuardian(user: { personId: string }, input: { firstName: string; lastName: string; phone: string | null }) {
  const householdId = await ensureHousehold(user);
  const other = await db.householdMember.findFirst({ where: { householdId, role: "GUARDIAN", personId: { not: user.personId } }, select: { personId: true } });
  if (other) await db.person.update({ where: { id: other.personId }, data: input });
  else await db.person.create({ data: { ...input, households: { create: { householdId, role: "GUARDIAN" } } } });
}
