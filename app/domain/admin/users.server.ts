// Accounts as an admin manages them: find them, change role and
// organisation, disable and enable, and create staff and partner accounts.
// An admin cannot demote or disable themselves (so the portal always keeps
// an admin); a role change or disabling ends the account's sessions.
import type { Prisma, Role } from "~/generated/prisma/client.ts";
import { normalisePhone, westernDigits } from "~/domain/accounts/identifier.ts";
import { changedFields } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { auditAdmin } from "./audit-log.server.ts";
import { AdminError, isUniqueViolation } from "./errors.server.ts";
import { ROLES } from "./schemas.ts";
import { isId } from "~/lib/ids.ts";
import { lockRow } from "~/domain/locking.server.ts";

export const USERS_PAGE_SIZE = 50;

export type UserFilters = { q?: string; role?: Role; page: number };

/** Filters from the list's query string; anything malformed is ignored. */
export function parseUserQuery(params: URLSearchParams): UserFilters {
  const q = params.get("q")?.trim().slice(0, 100) || undefined;
  const role = ROLES.find((candidate) => candidate === params.get("role"));
  const page = Math.min(Math.max(Number.parseInt(params.get("page") ?? "1", 10) || 1, 1), 10_000);
  return { ...(q ? { q } : {}), ...(role ? { role } : {}), page };
}

/** Name, e-mail or phone: every word must match one of them; something that looks like a number searches phones. */
function searchWhere(q: string): Prisma.UserWhereInput {
  const western = westernDigits(q);
  if (/^[\d\s()+\-.]+$/.test(western)) {
    const phone = normalisePhone(western);
    const digits = western.replace(/\D/g, "");
    return phone ? { phone } : { phone: { contains: digits } };
  }
  const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
  return {
    AND: words.map((word) => ({
      OR: [
        { person: { firstName: { contains: word, mode: "insensitive" as const } } },
        { person: { lastName: { contains: word, mode: "insensitive" as const } } },
        { email: { contains: word, mode: "insensitive" as const } },
      ],
    })),
  };
}

export async function listUsers(filters: UserFilters) {
  const where: Prisma.UserWhereInput = {
    ...(filters.q ? searchWhere(filters.q) : {}),
    ...(filters.role ? { role: filters.role } : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        role: true,
        email: true,
        phone: true,
        disabledAt: true,
        lastSignInAt: true,
        organisation: { select: { name: true } },
        person: { select: { firstName: true, lastName: true } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    users: rows.map((row) => ({
      id: row.id,
      name: `${row.person.firstName} ${row.person.lastName}`.trim(),
      role: row.role,
      email: row.email,
      phone: row.phone,
      organisation: row.organisation?.name ?? null,
      disabled: row.disabledAt !== null,
      lastSignInAt: row.lastSignInAt,
    })),
  };
}

export async function organisations() {
  return db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** One account for its admin page, or null. */
export async function accountForAdmin(userId: string) {
  if (!isId(userId)) return null;
  const row = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      email: true,
      phone: true,
      organisationId: true,
      createdAt: true,
      lastSignInAt: true,
      disabledAt: true,
      person: { select: { firstName: true, lastName: true } },
      _count: { select: { sessions: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    name: `${row.person.firstName} ${row.person.lastName}`.trim(),
    role: row.role,
    email: row.email,
    phone: row.phone,
    organisationId: row.organisationId,
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
    disabledAt: row.disabledAt,
    sessions: row._count.sessions,
  };
}

type Actor = { id: string };

/** Locks the account's row for the rest of the transaction (Prisma has no lock API). */
async function lockUser(tx: DbTx, userId: string) {
  if (!(await lockRow(tx, "User", userId))) throw new AdminError("notFound");
  return tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { role: true, disabledAt: true, organisationId: true, organisation: { select: { name: true } } },
  });
}

async function organisationName(tx: DbTx, organisationId: string | null): Promise<string | null> {
  if (!organisationId) return null;
  const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: { name: true } });
  if (!organisation) throw new AdminError("organisationNotFound");
  return organisation.name;
}

/**
 * Sets an account's role and organisation. A changed role ends the
 * account's sessions, so its next request runs with the new rights only
 * after a fresh sign-in.
 */
export async function changeRole(actor: Actor, userId: string, input: { role: Role; organisationId: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockUser(tx, userId);
    if (userId === actor.id && input.role !== current.role) throw new AdminError("selfDemote");
    const organisation = await organisationName(tx, input.organisationId);
    const changes = changedFields({ role: current.role, organisation: current.organisation?.name ?? null }, { role: input.role, organisation });
    if (!Object.keys(changes.after).length) return;
    await tx.user.update({ where: { id: userId }, data: { role: input.role, organisationId: input.organisationId } });
    if (input.role !== current.role) await tx.session.deleteMany({ where: { userId } });
    await auditAdmin(tx, { actorUserId: actor.id, action: "user.update", entityType: "User", entityId: userId, ...changes });
  });
}

/** Disables an account (it can no longer sign in, and is signed out everywhere) or enables it again. */
export async function setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockUser(tx, userId);
    if (disabled && userId === actor.id) throw new AdminError("selfDisable");
    if ((current.disabledAt !== null) === disabled) return;
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await auditAdmin(tx, {
      actorUserId: actor.id,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: userId,
      before: { disabled: !disabled },
      after: { disabled },
    });
  });
}

export type NewAccount = {
  firstName: string;
  lastName: string;
  /** Normalised (parseIdentifier): lower-case e-mail, E.164 phone. At least one. */
  email: string | null;
  phone: string | null;
  role: "PARTNER" | "STAFF";
  organisationId: string | null;
};

async function takenIdentifier(input: { email: string | null; phone: string | null }): Promise<"emailTaken" | "phoneTaken" | null> {
  if (input.email && (await db.user.count({ where: { email: input.email } }))) return "emailTaken";
  if (input.phone && (await db.user.count({ where: { phone: input.phone } }))) return "phoneTaken";
  return null;
}

/** Creates a staff or partner account; its holder signs in with a code to the e-mail or phone given. */
export async function createAccount(actor: Actor, input: NewAccount): Promise<string> {
  if (!input.email && !input.phone) throw new Error("createAccount needs an e-mail address or a phone number");
  const taken = await takenIdentifier(input);
  if (taken) throw new AdminError(taken);
  try {
    return await db.$transaction(async (tx) => {
      const organisation = await organisationName(tx, input.organisationId);
      const user = await tx.user.create({
        data: {
          role: input.role,
          email: input.email,
          phone: input.phone,
          organisation: input.organisationId ? { connect: { id: input.organisationId } } : undefined,
          person: { create: { firstName: input.firstName, lastName: input.lastName, email: input.email, phone: input.phone } },
        },
        select: { id: true },
      });
      // The log names the account and its rights; the contact details stay on the account.
      await auditAdmin(tx, {
        actorUserId: actor.id,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: { firstName: input.firstName, lastName: input.lastName, role: input.role, organisation },
      });
      return user.id;
    });
  } catch (error) {
    // Another admin (or a sign-in) took the address in the meantime.
    if (isUniqueViolation(error)) throw new AdminError((await takenIdentifier(input)) ?? "emailTaken");
    throw error;
  }
}
