// Assisted sign-up: staff (and partners, for their own activities) find a
// family or register one on its behalf — no login needed — and sign its
// children up with the guardian's spoken consent. When the guardian later
// signs in with the same phone or e-mail, they are asked whether this is their
// family (its children named) and it becomes theirs only when they say yes
// (a CLAIM, app/domain/households/invitations.server.ts, ADR 013): a number
// typed by someone else never decides whose family a login lands in.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client.ts";
import { audit } from "~/lib/audit.server.ts";
import { db } from "~/lib/db.server.ts";
import { cookieSecrets } from "~/lib/env.server.ts";
import { enforceRateLimits } from "~/lib/rate-limit.server.ts";
import type { SessionUser } from "~/lib/session.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { normalisePhone, westernDigits } from "../accounts/identifier.ts";
import { findMatches, type MatchScope, type PersonMatch } from "../register/matching.server.ts";
import { createPerson, earlierSubmission, submitOnce } from "../register/people.server.ts";
import { createClaim } from "./invitations.server.ts";
import { isId } from "~/lib/ids.ts";
import { isStaff } from "~/lib/roles.ts";
import { DomainError } from "../errors.ts";

/**
 * Households matching a name, phone digits or e-mail. Partners (volunteers,
 * club trainers) find a family only by its full Danish mobile number: they
 * must not browse the programme's families by name.
 */
export async function findHouseholds(query: string, options: { phoneOnly?: boolean } = {}) {
  const q = query.trim();
  if (options.phoneOnly) {
    const phone = normalisePhone(westernDigits(q));
    if (!phone) return [];
    return householdsWhere({ OR: [{ phone }, { user: { phone } }] });
  }
  if (q.length < 2) return [];
  const digits = q.replace(/\D/g, "");
  return householdsWhere({
    OR: [
      { firstName: { contains: q, mode: "insensitive" } },
      { lastName: { contains: q, mode: "insensitive" } },
      ...(digits.length >= 4 ? [{ phone: { contains: digits } }, { user: { phone: { contains: digits } } }] : []),
      ...(q.includes("@") ? [{ email: { contains: q.toLowerCase() } }] : []),
    ],
  });
}

async function householdsWhere(person: Prisma.PersonWhereInput) {
  const households = await db.household.findMany({
    where: { members: { some: { person: { anonymisedAt: null, ...person } } } },
    take: 20,
    select: {
      id: true,
      members: { orderBy: { role: "desc" }, select: { role: true, person: { select: { firstName: true, lastName: true, phone: true, birthDate: true } } } },
    },
  });
  return households.map((household) => ({
    id: household.id,
    guardians: household.members.filter((member) => member.role === "GUARDIAN").map((member) => `${member.person.firstName} ${member.person.lastName}`.trim()),
    phone: household.members.find((member) => member.role === "GUARDIAN" && member.person.phone)?.person.phone ?? null,
    children: household.members.filter((member) => member.role === "CHILD").map((member) => member.person.firstName),
  }));
}

// A partner may open a family's page only when the family is theirs to help:
// it signed up for one of the partner's activities, the partner registered
// it, or the partner has just found it by its phone number. The last is a
// "pass" in the page's address — an HMAC of partner, household and day —
// so knowing a household's id alone shows a partner nothing.

const DAY = 86_400_000;

function passFor(userId: string, householdId: string, day: number): string {
  return createHmac("sha256", cookieSecrets()[0]!).update(`household-pass:${userId}:${householdId}:${day}`).digest("base64url").slice(0, 22);
}

/** The pass a partner's search result or new-family redirect carries; valid the day it is made and the next. */
export function householdPass(userId: string, householdId: string, now = new Date()): string {
  return passFor(userId, householdId, Math.floor(now.getTime() / DAY));
}

function passIsValid(userId: string, householdId: string, pass: string, now: Date): boolean {
  const today = Math.floor(now.getTime() / DAY);
  return [today, today - 1].some((day) => {
    const expected = Buffer.from(passFor(userId, householdId, day));
    const given = Buffer.from(pass);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** Whether this user may see and help this household (staff: any; partners: see above). */
export async function mayOpenHousehold(user: Pick<SessionUser, "id" | "role">, householdId: string, pass: string | null, now = new Date()): Promise<boolean> {
  if (!isId(householdId)) return false;
  if (isStaff(user)) return true;
  if (user.role !== "PARTNER") return false;
  if (pass && passIsValid(user.id, householdId, pass, now)) return true;
  const related = await db.household.count({
    where: { id: householdId, OR: [{ createdById: user.id }, { signUps: { some: { activity: { partners: { some: { userId: user.id } } } } } }] },
  });
  return related > 0;
}

/**
 * Activities a family can be signed up for on its behalf: published, with
 * sign-up, with a coming date — and, for a partner, only their own
 * (`activityIds` from accessibleActivityIds; null: all).
 */
export function activitiesOpenForSignUp(activityIds: string[] | null, now = new Date()) {
  return db.activity.findMany({
    where: {
      status: "PUBLISHED",
      requiresSignUp: true,
      sessions: { some: { endsAt: { gt: now }, cancelledAt: null } },
      ...(activityIds ? { id: { in: activityIds } } : {}),
    },
    select: { id: true, title: true },
  });
}

export type NewHousehold = {
  guardian: { firstName: string; lastName: string; phone: string | null; email: string | null; language: Language; housingAreaId: string | null };
  children: { firstName: string; lastName: string; birthDate: string; housingAreaId: string | null; choice?: string | null }[];
};

export type OnBehalfResult = { status: "added"; householdId: string } | { status: "matches"; child: number; matches: PersonMatch[] };

/** Phone searches a partner may make an hour: plenty for a busy afternoon, too few to walk the number range. */
export const PARTNER_SEARCHES_PER_HOUR = 30;

/** A partner's search by phone number, counted against PARTNER_SEARCHES_PER_HOUR; throws RateLimitedError beyond it. */
export async function findHouseholdsAsPartner(partnerUserId: string, query: string) {
  if (!query.trim()) return [];
  await enforceRateLimits([{ key: `family-search:user:${partnerUserId}`, limit: { limit: PARTNER_SEARCHES_PER_HOUR, windowSeconds: 3600 } }]);
  return findHouseholds(query, { phoneOnly: true });
}

/** Families one account may register per day (an abuse limit; a busy open day at the club stays well below). */
export const HOUSEHOLDS_PER_DAY = { PARTNER: 20, STAFF: 100 } as const;

/**
 * Registers a family on its behalf; throws RateLimitedError past the day's limit for the actor. Each child is first
 * matched against the register (ADR 015): the first child with likely matches and no `choice` is answered with them;
 * a chosen existing child joins the new household instead of being made again. The form's key makes a double submit
 * one family.
 */
export async function createHouseholdOnBehalf(input: NewHousehold, actor: Pick<SessionUser, "id" | "role">, key: string): Promise<OnBehalfResult> {
  const actorUserId = actor.id;
  const once = { key, kind: "household", actorUserId };
  const earlier = await earlierSubmission(once);
  if (earlier) return { status: "added", householdId: earlier };
  const scope: MatchScope = actor.role === "PARTNER" ? { kind: "partner", userId: actorUserId } : { kind: "staff" };
  const existing = new Map<number, string>();
  for (const [index, child] of input.children.entries()) {
    if (child.choice === "new") continue;
    const matches = await findMatches(
      { firstName: child.firstName, lastName: child.lastName, birthDate: child.birthDate, housingAreaId: child.housingAreaId },
      scope,
    );
    if (!child.choice && matches.length) return { status: "matches", child: index, matches };
    if (child.choice) {
      // Only someone the form offered may be chosen.
      if (!matches.some((match) => match.personId === child.choice)) throw new AssistedError("notOffered");
      existing.set(index, child.choice);
    }
  }
  const limit = actor.role === "PARTNER" ? HOUSEHOLDS_PER_DAY.PARTNER : HOUSEHOLDS_PER_DAY.STAFF;
  await enforceRateLimits([{ key: `households:user:${actorUserId}`, limit: { limit, windowSeconds: 86_400 } }]);
  const made = await db.$transaction((tx) =>
    submitOnce(tx, once, async () => {
      const household = await tx.household.create({ data: { createdById: actorUserId }, select: { id: true } });
      const guardianId = await createPerson(tx, input.guardian, {
        member: { householdId: household.id, role: "GUARDIAN" },
        actorUserId,
        action: "person.createOnBehalf",
        auditAfter: { householdId: household.id, role: "GUARDIAN" },
      });
      await createClaim(tx, {
        householdId: household.id,
        personId: guardianId,
        firstName: input.guardian.firstName,
        lastName: input.guardian.lastName,
        phone: input.guardian.phone,
        email: input.guardian.email,
        registeredById: actorUserId,
      });
      for (const [index, child] of input.children.entries()) {
        const personId = existing.get(index);
        if (personId) {
          await tx.householdMember.createMany({ data: [{ householdId: household.id, personId, role: "CHILD" }], skipDuplicates: true });
          continue;
        }
        await createPerson(
          tx,
          { firstName: child.firstName, lastName: child.lastName, birthDate: new Date(`${child.birthDate}T00:00:00Z`), housingAreaId: child.housingAreaId },
          {
            member: { householdId: household.id, role: "CHILD" },
            actorUserId,
            action: "person.createOnBehalf",
            auditAfter: { householdId: household.id, role: "CHILD", birthYear: Number(child.birthDate.slice(0, 4)) },
          },
        );
      }
      await audit(tx, {
        actorUserId,
        action: "household.createOnBehalf",
        entityType: "Household",
        entityId: household.id,
        after: {
          guardianId,
          children: input.children.length,
          existingChildren: existing.size,
          hasPhone: Boolean(input.guardian.phone),
          hasEmail: Boolean(input.guardian.email),
        },
      });
      return household.id;
    }),
  );
  return { status: "added", householdId: made.resultId };
}

export class AssistedError extends DomainError<"notOffered"> {
  constructor(code: "notOffered") {
    super("staff", code);
  }
}

export async function householdForStaff(householdId: string) {
  return db.household.findUnique({
    where: { id: householdId },
    select: {
      id: true,
      createdAt: true,
      members: {
        orderBy: { createdAt: "asc" },
        select: {
          role: true,
          person: {
            select: {
              id: true,
              firstName: true,
              lastName: true,
              birthDate: true,
              phone: true,
              email: true,
              language: true,
              user: { select: { id: true } },
              housingArea: { select: { name: true } },
            },
          },
        },
      },
    },
  });
}
