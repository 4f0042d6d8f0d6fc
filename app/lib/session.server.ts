// Sessions with lucia (3.2): a random token in an HttpOnly cookie; the
// database keeps only its SHA-256, so a leaked table cannot sign anyone in.
// Lucia slides the expiry when a session is past half its life.
// See docs/decisions/003-sign-in.md.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { Role } from "~/generated/prisma/client.ts";
import { db } from "./db.server.ts";
import { isProduction } from "./env.server.ts";

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Staff, admins and partners see many families' data: their sessions end 12 hours after sign-in however active
 * they are (a shared office PC, a lost phone), where families keep the 30 days that spare them a code each visit.
 */
export const TEAM_SESSION_HOURS = 12;

type UserAttributes = { role: Role; language: string; personId: string; firstName: string; lastName: string };

/** Lucia's storage, over Prisma; every session id it hands us is hashed before it touches the database. */
const adapter: Adapter = {
  // Read on every request: one raw statement, not an ORM query (Prisma 6's query compiler costs
  // more CPU than the query itself on this path — docs/decisions/011-raw-sql-on-hot-paths.md).
  async getSessionAndUser(token) {
    const rows = await db.$queryRaw<(UserAttributes & { userId: string; expiresAt: Date })[]>`
      SELECT s."userId"::text AS "userId", s."expiresAt", u."role"::text AS "role", u."language", u."personId"::text AS "personId",
        p."firstName", p."lastName"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId" JOIN "Person" p ON p."id" = u."personId"
      WHERE s."id" = ${hashToken(token)} AND u."disabledAt" IS NULL
        AND (u."role" IN ('PARENT', 'YOUTH') OR s."createdAt" > ${new Date(Date.now() - TEAM_SESSION_HOURS * 3_600_000)})`;
    const row = rows[0];
    if (!row) return [null, null];
    const session: DatabaseSession = { id: token, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
    const { role, language, personId, firstName, lastName } = row;
    const user: DatabaseUser = { id: row.userId, attributes: { role, language, personId, firstName, lastName } };
    return [session, user];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map((row) => ({ id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} }));
  },
  async setSession(session) {
    await db.session.create({ data: { id: hashToken(session.id), userId: session.userId, expiresAt: session.expiresAt } });
  },
  async updateSessionExpiration(token, expiresAt) {
    await db.session.updateMany({ where: { id: hashToken(token) }, data: { expiresAt } });
  },
  async deleteSession(token) {
    await db.session.deleteMany({ where: { id: hashToken(token) } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

export const lucia = new Lucia(adapter, {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: isProduction() ? "__Host-session" : "session",
    attributes: { secure: isProduction(), sameSite: "lax", path: "/" },
  },
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: UserAttributes;
    UserId: string;
  }
}

export type SessionUser = { id: string } & UserAttributes;
export type Auth = { user: SessionUser | null; sessionToken: string | null; setCookie: string | null };

// All loaders of one request receive the same Request object: validate once.
const perRequest = new WeakMap<Request, Promise<Auth>>();

export function getAuth(request: Request): Promise<Auth> {
  let auth = perRequest.get(request);
  if (!auth) {
    auth = validate(request);
    perRequest.set(request, auth);
  }
  return auth;
}

async function validate(request: Request): Promise<Auth> {
  const token = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!token) return { user: null, sessionToken: null, setCookie: null };
  const { session, user } = await lucia.validateSession(token);
  if (!session) return { user: null, sessionToken: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  const setCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, sessionToken: session.id, setCookie };
}

/** Starts a session for a user who just proved who they are; returns the Set-Cookie value. */
export async function createUserSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

/** Signs the user out on every device (a lost phone): all their sessions end. Returns the Set-Cookie value. */
export async function destroyAllSessions(request: Request): Promise<string> {
  const { user } = await getAuth(request);
  if (user) await lucia.invalidateUserSessions(user.id);
  return lucia.createBlankSessionCookie().serialize();
}

export async function destroySession(request: Request): Promise<string> {
  const { sessionToken } = await getAuth(request);
  if (sessionToken) await lucia.invalidateSession(sessionToken);
  return lucia.createBlankSessionCookie().serialize();
}
