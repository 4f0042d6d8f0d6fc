// Joining a household (issue 16, docs/decisions/013-joining-a-household.md).
// Naming another adult is an invitation, never a membership: whoever signs in
// with the named mobile number or e-mail address is shown who invited them and
// which children, and joins only by saying yes. A family that staff or a
// partner registered is claimed the same way (a CLAIM: "is this your
// family?"), so a number typed by someone else never decides whose family a
// login lands in. "Not me" closes the invitation and tells staff.
//
// Invitations match the account's *login* identifiers (User.phone/email),
// which sign-in has proven; a person's typed contact details never count.
import type { Prisma } from "~/generated/prisma/client.ts";
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { log } from "~/lib/log.server.ts";
import { enforceRateLimits, RateLimitedError } from "~/lib/rate-limit.server.ts";
import { ensureHousehold } from "./household.server.ts";

import { INVITATION_DAYS, INVITATIONS_PER_DAY, KEEP_ANSWERED_DAYS, MAX_OPEN_INVITATIONS } from "./invitation-rules.ts";
import { DomainError } from "../errors.ts";
import { lockRow } from "~/domain/locking.server.ts";

export { INVITATION_DAYS, INVITATIONS_PER_DAY, KEEP_ANSWERED_DAYS, MAX_OPEN_INVITATIONS };

const DAY = 86_400_000;

export type InvitationErrorCode = "notFound" | "yourself" | "alreadyMember" | "tooMany" | "tooManyToday" | "declinedBefore" | "sharedHousehold";

export class InvitationError extends DomainError<InvitationErrorCode> {
  constructor(code: InvitationErrorCode) {
    super("household", code);
  }
}

type Account = { id: string; personId: string };
type Contact = { phone: string | null; email: string | null };

/** Still waiting for an answer at `now`. */
const open = (now: Date): Prisma.HouseholdInvitationWhereInput => ({ answeredAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/** Invitations addressed to one of these identifiers (none given: matches nothing). */
function addressedTo(contact: Contact): Prisma.HouseholdInvitationWhereInput {
  const or: Prisma.HouseholdInvitationWhereInput[] = [];
  if (contact.phone) or.push({ phone: contact.phone });
  if (contact.email) or.push({ email: contact.email });
  return or.length ? { OR: or } : { id: { in: [] } };
}

/** The account's proven identifiers and role. */
async function loginOf(tx: DbTx, userId: string) {
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, phone: true, email: true, personId: true } });
}

// ---------------------------------------------------------------- the inviter's side

/**
 * A guardian invites another adult to share the household (made on first use). Nothing about the invitee is
 * created but the invitation itself; an open invitation to the same number or address is returned as it is.
 * Throws InvitationError.
 */
export async function inviteToHousehold(
  user: Account,
  input: { firstName: string; lastName: string } & Contact,
  now = new Date(),
): Promise<{ invitationId: string }> {
  const contact = { phone: input.phone, email: input.email };
  if (!contact.phone && !contact.email) throw new Error("inviteToHousehold needs a phone number or an e-mail address");
  const own = await loginOf(db, user.id);
  if ((contact.phone && contact.phone === own.phone) || (contact.email && contact.email === own.email)) throw new InvitationError("yourself");
  const householdId = await ensureHousehold(user);

  const existing = await db.householdInvitation.findFirst({
    where: { householdId, kind: "JOIN", AND: [open(now), addressedTo(contact)] },
    select: { id: true },
  });
  if (existing) return { invitationId: existing.id };
  const member = await db.householdMember.count({
    where: {
      householdId,
      role: "GUARDIAN",
      person: { user: { is: { OR: [...(contact.phone ? [{ phone: contact.phone }] : []), ...(contact.email ? [{ email: contact.email }] : [])] } } },
    },
  });
  if (member) throw new InvitationError("alreadyMember");
  // Someone who said "not me" to this household is not asked again (until the answer is deleted, KEEP_ANSWERED_DAYS).
  if (await db.householdInvitation.count({ where: { householdId, answer: "DECLINED", AND: [addressedTo(contact)] } }))
    throw new InvitationError("declinedBefore");

  await enforceRateLimits([{ key: `invitations:user:${user.id}`, limit: { limit: INVITATIONS_PER_DAY, windowSeconds: 86_400 } }], now).catch(
    (error: unknown) => {
      throw error instanceof RateLimitedError ? new InvitationError("tooManyToday") : error;
    },
  );
  return db.$transaction(async (tx) => {
    // One household's invitations are counted and made one at a time.
    await lockRow(tx, "Household", householdId);
    if ((await tx.householdInvitation.count({ where: { householdId, ...open(now) } })) >= MAX_OPEN_INVITATIONS) throw new InvitationError("tooMany");
    const invitation = await tx.householdInvitation.create({
      data: {
        householdId,
        kind: "JOIN",
        invitedById: user.id,
        firstName: input.firstName,
        lastName: input.lastName,
        ...contact,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY),
      },
      select: { id: true },
    });
    // The log names the invitation, not the number or address it was sent to.
    await audit(tx, {
      actorUserId: user.id,
      action: "household.invitationCreated",
      entityType: "Household",
      entityId: householdId,
      after: { invitationId: invitation.id, kind: "JOIN", hasPhone: Boolean(contact.phone), hasEmail: Boolean(contact.email) },
    });
    return { invitationId: invitation.id };
  });
}

/** A guardian of the household takes back one of its open invitations. Throws InvitationError("notFound") for any other. */
export async function withdrawInvitation(user: Account, invitationId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const withdrawn = await tx.householdInvitation.updateMany({
      where: { id: invitationId, kind: "JOIN", ...open(now), household: { members: { some: { personId: user.personId, role: "GUARDIAN" } } } },
      data: { answer: "WITHDRAWN", answeredAt: now, answeredById: user.id },
    });
    if (withdrawn.count !== 1) throw new InvitationError("notFound");
    const { householdId } = await tx.householdInvitation.findUniqueOrThrow({ where: { id: invitationId }, select: { householdId: true } });
    await audit(tx, { actorUserId: user.id, action: "household.invitationWithdrawn", entityType: "Household", entityId: householdId, after: { invitationId } });
  });
}

/** The household's open invitations, for its guardians' page (the name and number they typed themselves). */
export async function openInvitationsOf(householdId: string, now = new Date()) {
  return db.householdInvitation.findMany({
    where: { householdId, kind: "JOIN", ...open(now) },
    orderBy: { createdAt: "asc" },
    select: { id: true, firstName: true, lastName: true, phone: true, email: true, expiresAt: true },
  });
}

type Claim = { householdId: string; personId: string; firstName: string; lastName: string; registeredById: string | null } & Contact;

/** Registers a family's guardian (staff or a partner made the record) as a claim: it is theirs once they confirm it. */
export async function createClaim(tx: DbTx, input: Claim): Promise<void> {
  await createClaims(tx, [input]);
}

/** The same for many families at once (a spreadsheet import): one statement. A guardian with neither phone nor e-mail gets none. */
export async function createClaims(tx: DbTx, inputs: readonly Claim[]): Promise<void> {
  const claims = inputs.filter((input) => input.phone || input.email);
  if (!claims.length) return;
  await tx.householdInvitation.createMany({
    data: claims.map((input) => ({
      householdId: input.householdId,
      kind: "CLAIM" as const,
      invitedById: input.registeredById,
      personId: input.personId,
      firstName: input.firstName,
      lastName: input.lastName,
      phone: input.phone,
      email: input.email,
    })),
  });
}

// ---------------------------------------------------------------- the invitee's side

/** Whether the account has an invitation to answer (a parent's login only). */
export async function hasOpenInvitations(userId: string, now = new Date()): Promise<boolean> {
  const login = await loginOf(db, userId);
  if (login.role !== "PARENT") return false;
  const count = await db.householdInvitation.count({
    where: { AND: [open(now), addressedTo(login)], household: { members: { none: { personId: login.personId } } } },
  });
  return count > 0;
}

/**
 * What the account is invited to: who invited (first name; a claim shows the name staff wrote down instead), the
 * children's first names, and until when. Families registered by staff come first. Also the account's own
 * children (first names), which joining would share, and whether it already shares its family with another adult.
 */
export async function invitationsFor(user: Account, now = new Date()) {
  const login = await loginOf(db, user.id);
  if (login.role !== "PARENT") return { invitations: [], ownChildren: [], sharesWithAnotherAdult: false };
  const [rows, own] = await Promise.all([
    db.householdInvitation.findMany({
      where: { AND: [open(now), addressedTo(login)], household: { members: { none: { personId: user.personId } } } },
      orderBy: [{ kind: "desc" }, { createdAt: "asc" }],
      select: {
        id: true,
        kind: true,
        firstName: true,
        lastName: true,
        expiresAt: true,
        invitedBy: { select: { person: { select: { firstName: true } } } },
        household: {
          select: {
            members: {
              where: { role: "CHILD", person: { anonymisedAt: null } },
              orderBy: { createdAt: "asc" },
              select: { person: { select: { firstName: true } } },
            },
          },
        },
      },
    }),
    db.householdMember.findFirst({
      where: { personId: user.personId, role: "GUARDIAN" },
      orderBy: { createdAt: "asc" },
      select: {
        household: {
          select: {
            members: {
              where: { OR: [{ role: "CHILD" }, { role: "GUARDIAN", personId: { not: user.personId }, person: { user: { isNot: null } } }] },
              orderBy: { createdAt: "asc" },
              select: { role: true, person: { select: { firstName: true } } },
            },
          },
        },
      },
    }),
  ]);
  const members = own?.household.members ?? [];
  return {
    invitations: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      inviter: row.kind === "JOIN" ? (row.invitedBy?.person.firstName ?? null) : null,
      name: `${row.firstName} ${row.lastName}`.trim(),
      children: row.household.members.map((member) => member.person.firstName),
      expiresAt: row.expiresAt?.toISOString() ?? null,
    })),
    ownChildren: members.filter((member) => member.role === "CHILD").map((member) => member.person.firstName),
    sharesWithAnotherAdult: members.some((member) => member.role === "GUARDIAN"),
  };
}

export type InvitationOutcome = { answer: "accepted" | "declined"; householdId: string };

/**
 * The invitee answers. "accept": they become a guardian of the household — with their own family's children,
 * sign-ups and messages, if they had any (that is what they consent to; see ADR 013) — and a claim hands them
 * the guardian record staff made. "decline": the invitation closes and staff see it ("not me"). Only an open
 * invitation addressed to the account's own login counts: anything else is InvitationError("notFound").
 */
export async function answerInvitation(user: Account, invitationId: string, answer: "accept" | "decline", now = new Date()): Promise<InvitationOutcome> {
  return db.$transaction(async (tx) => {
    // One answer of this person's at a time (two invitations accepted at once would each merge their family), then
    // this invitation, so a withdrawal or a second tap waits.
    await lockRow(tx, "Person", user.personId);
    if (!(await lockRow(tx, "HouseholdInvitation", invitationId))) throw new InvitationError("notFound");
    const login = await loginOf(tx, user.id);
    const invitation = await tx.householdInvitation.findFirst({
      where: { id: invitationId, AND: [open(now), addressedTo(login)] },
      select: { id: true, kind: true, householdId: true, personId: true },
    });
    if (!invitation || login.role !== "PARENT") throw new InvitationError("notFound");
    const target = invitation.householdId;

    if (answer === "decline") {
      await tx.householdInvitation.update({ where: { id: invitation.id }, data: { answer: "DECLINED", answeredAt: now, answeredById: user.id } });
      await audit(tx, {
        actorUserId: user.id,
        action: "household.invitationDeclined",
        entityType: "Household",
        entityId: target,
        after: { invitationId: invitation.id, kind: invitation.kind },
      });
      // A security event: someone was named for a family that is not theirs (or staff wrote a wrong number).
      log("warn", "household.invitationDeclined", { userId: user.id, kind: invitation.kind });
      return { answer: "declined", householdId: target };
    }

    await lockRow(tx, "Household", target);
    const ownMembership = await tx.householdMember.findFirst({
      where: { personId: user.personId, role: "GUARDIAN" },
      orderBy: { createdAt: "asc" },
      select: { householdId: true },
    });
    const own = ownMembership && ownMembership.householdId !== target ? ownMembership.householdId : null;
    if (own) {
      // Another adult with a login shares the invitee's family: they have not said yes to joining this one.
      const otherAdults = await tx.householdMember.count({
        where: { householdId: own, role: "GUARDIAN", personId: { not: user.personId }, person: { user: { isNot: null } } },
      });
      if (otherAdults) throw new InvitationError("sharedHousehold");
      await mergeHousehold(tx, own, target, user.id, now);
    }
    await tx.householdMember.upsert({
      where: { householdId_personId: { householdId: target, personId: user.personId } },
      create: { householdId: target, personId: user.personId, role: "GUARDIAN" },
      update: {},
    });
    if (invitation.personId && invitation.personId !== user.personId) await absorbPerson(tx, invitation.personId, user.personId);
    // This invitation and any other open one to the same household for this login are answered.
    await tx.householdInvitation.updateMany({
      where: { householdId: target, AND: [open(now), addressedTo(login)] },
      data: { answer: "ACCEPTED", answeredAt: now, answeredById: user.id },
    });
    await audit(tx, {
      actorUserId: user.id,
      action: invitation.kind === "CLAIM" ? "household.claimed" : "household.joined",
      entityType: "Household",
      entityId: target,
      after: { invitationId: invitation.id, personId: user.personId, mergedHouseholdId: own },
    });
    return { answer: "accepted", householdId: target };
  });
}

/**
 * Moves everything of household `from` into `into`: members, sign-ups, places, reminders and messages. `from` stays
 * as an empty row (audit entries and a deletion request still name it); its feed stops and its open invitations
 * are withdrawn (they were for a family without the one now joined).
 */
async function mergeHousehold(tx: DbTx, from: string, into: string, actorUserId: string, now: Date): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM "HouseholdMember" m WHERE m."householdId" = ${from}::uuid
      AND EXISTS (SELECT 1 FROM "HouseholdMember" x WHERE x."householdId" = ${into}::uuid AND x."personId" = m."personId")`;
  await tx.$executeRaw`UPDATE "HouseholdMember" SET "householdId" = ${into}::uuid WHERE "householdId" = ${from}::uuid`;
  await tx.$executeRaw`UPDATE "SignUp" SET "householdId" = ${into}::uuid WHERE "householdId" = ${from}::uuid`;
  await tx.$executeRaw`UPDATE "Enrolment" SET "householdId" = ${into}::uuid WHERE "householdId" = ${from}::uuid`;
  await tx.$executeRaw`UPDATE "Message" SET "householdId" = ${into}::uuid WHERE "householdId" = ${from}::uuid`;
  await tx.$executeRaw`
    DELETE FROM "ReminderSent" r WHERE r."householdId" = ${from}::uuid
      AND EXISTS (SELECT 1 FROM "ReminderSent" x WHERE x."householdId" = ${into}::uuid AND x."sessionId" = r."sessionId")`;
  await tx.$executeRaw`UPDATE "ReminderSent" SET "householdId" = ${into}::uuid WHERE "householdId" = ${from}::uuid`;
  await tx.household.update({ where: { id: from }, data: { calendarTokenHash: null } });
  await tx.householdInvitation.updateMany({
    where: { householdId: from, ...open(now) },
    data: { answer: "WITHDRAWN", answeredAt: now, answeredById: actorUserId },
  });
  await audit(tx, { actorUserId, action: "household.merged", entityType: "Household", entityId: into, after: { from } });
}

/**
 * The guardian record staff made (`from`) becomes the signed-in person's (`into`): its memberships, consents,
 * places and attendance are theirs, the names staff wrote fill in what they have not, and the record goes.
 */
async function absorbPerson(tx: DbTx, from: string, into: string): Promise<void> {
  const [staffRecord, own] = await Promise.all([
    tx.person.findUniqueOrThrow({
      where: { id: from },
      select: { firstName: true, lastName: true, phone: true, email: true, housingAreaId: true, gender: true },
    }),
    tx.person.findUniqueOrThrow({
      where: { id: into },
      select: { firstName: true, lastName: true, phone: true, email: true, housingAreaId: true, gender: true },
    }),
  ]);
  await tx.$executeRaw`
    DELETE FROM "HouseholdMember" m WHERE m."personId" = ${from}::uuid
      AND EXISTS (SELECT 1 FROM "HouseholdMember" x WHERE x."personId" = ${into}::uuid AND x."householdId" = m."householdId")`;
  await tx.$executeRaw`UPDATE "HouseholdMember" SET "personId" = ${into}::uuid WHERE "personId" = ${from}::uuid`;
  await tx.$executeRaw`UPDATE "SignUp" SET "consentPersonId" = ${into}::uuid WHERE "consentPersonId" = ${from}::uuid`;
  await tx.$executeRaw`UPDATE "Enrolment" SET "personId" = ${into}::uuid WHERE "personId" = ${from}::uuid`;
  await tx.$executeRaw`
    DELETE FROM "Attendance" a WHERE a."personId" = ${from}::uuid
      AND EXISTS (SELECT 1 FROM "Attendance" x WHERE x."personId" = ${into}::uuid AND x."sessionId" = a."sessionId")`;
  await tx.$executeRaw`UPDATE "Attendance" SET "personId" = ${into}::uuid WHERE "personId" = ${from}::uuid`;
  await tx.$executeRaw`UPDATE "JobApplication" SET "personId" = ${into}::uuid WHERE "personId" = ${from}::uuid`;
  await tx.$executeRaw`UPDATE "Employment" SET "personId" = ${into}::uuid WHERE "personId" = ${from}::uuid`;
  // The claim itself stays on record (it would go with the person it names).
  await tx.householdInvitation.updateMany({ where: { personId: from }, data: { personId: into } });
  await tx.person.update({
    where: { id: into },
    data: {
      firstName: own.firstName || staffRecord.firstName,
      lastName: own.lastName || staffRecord.lastName,
      phone: own.phone ?? staffRecord.phone,
      email: own.email ?? staffRecord.email,
      housingAreaId: own.housingAreaId ?? staffRecord.housingAreaId,
      gender: own.gender ?? staffRecord.gender,
    },
  });
  await tx.person.delete({ where: { id: from } });
}

// ---------------------------------------------------------------- staff

/** "Not me" answers of the last KEEP_ANSWERED_DAYS, newest first: the staff start page's list to look into. */
export async function recentNotMe(now = new Date()) {
  const rows = await db.householdInvitation.findMany({
    where: { answer: "DECLINED", answeredAt: { gt: new Date(now.getTime() - KEEP_ANSWERED_DAYS * DAY) } },
    orderBy: { answeredAt: "desc" },
    take: 50,
    select: { householdId: true, kind: true, firstName: true, lastName: true, answeredAt: true },
  });
  return rows.map((row) => ({
    href: `/staff/families/${row.householdId}`,
    kind: row.kind,
    name: `${row.firstName} ${row.lastName}`.trim(),
    answeredAt: row.answeredAt!.toISOString(),
  }));
}

/** A household's invitations and claims as staff see them on its page: who was named, and what became of it. */
export async function invitationsForStaff(householdId: string, now = new Date()) {
  const rows = await db.householdInvitation.findMany({
    where: { householdId, OR: [open(now), { answer: "DECLINED" }] },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, firstName: true, lastName: true, phone: true, email: true, answer: true, answeredAt: true, expiresAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: `${row.firstName} ${row.lastName}`.trim(),
    phone: row.phone,
    email: row.email,
    state: row.answer === "DECLINED" ? ("notMe" as const) : ("open" as const),
    at: (row.answeredAt ?? row.expiresAt)?.toISOString() ?? null,
  }));
}
