// Sessions (lucia over Prisma) and the permission helper, on real PostgreSQL.
import { describe, expect, it } from "vitest";
import { requireUser, safeRedirect } from "../../app/lib/auth.server.ts";
import { hasRole } from "../../app/lib/roles.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession, getAuth, hashToken, lucia, TEAM_SESSION_HOURS } from "../../app/lib/session.server.ts";
import { createUser } from "../setup/helpers.ts";

function requestWith(cookie: string | null, url = "http://localhost/staff?x=1") {
  return new Request(url, { headers: cookie ? { Cookie: cookie.split(";")[0]! } : {} });
}

async function caught(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

describe("sessions", () => {
  it("stores only the SHA-256 of the token, and the cookie is HttpOnly and SameSite=Lax", async () => {
    const user = await createUser({ role: "PARENT", email: "s1@example.dk" });
    const setCookie = await createUserSession(user.id);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const token = lucia.readSessionCookie(setCookie.split(";")[0]!)!;
    const stored = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.id).toBe(hashToken(token));
    expect(stored.id).not.toBe(token);
    expect((await getAuth(requestWith(setCookie))).user?.id).toBe(user.id);
  });

  it("rejects an expired session and tells the browser to drop the cookie", async () => {
    const user = await createUser({ role: "PARENT", email: "s2@example.dk" });
    const setCookie = await createUserSession(user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const auth = await getAuth(requestWith(setCookie));
    expect(auth.user).toBeNull();
    expect(auth.setCookie).toMatch(/Max-Age=0/i);
  });

  it("slides the expiry of a session past half its life and re-sends the cookie", async () => {
    const user = await createUser({ role: "PARENT", email: "s3@example.dk" });
    const setCookie = await createUserSession(user.id);
    const soon = new Date(Date.now() + 5 * 24 * 3600 * 1000);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: soon } });
    const auth = await getAuth(requestWith(setCookie));
    expect(auth.user?.id).toBe(user.id);
    expect(auth.setCookie).not.toBeNull();
    const stored = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + 20 * 24 * 3600 * 1000);
  });

  it("ends staff, admin and partner sessions 12 hours after sign-in however active; families keep theirs", async () => {
    const signedInAgo = async (role: "PARENT" | "YOUTH" | "PARTNER" | "STAFF" | "ADMIN", hours: number) => {
      const user = await createUser({ role, email: `${role.toLowerCase()}-${hours}h@example.dk` });
      const setCookie = await createUserSession(user.id);
      await db.session.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - hours * 3_600_000) } });
      return (await getAuth(requestWith(setCookie))).user?.id === user.id;
    };
    const justBefore = TEAM_SESSION_HOURS - 0.01;
    const justAfter = TEAM_SESSION_HOURS + 0.01;
    for (const role of ["PARTNER", "STAFF", "ADMIN"] as const) {
      expect(await signedInAgo(role, justBefore), `${role} before`).toBe(true);
      expect(await signedInAgo(role, justAfter), `${role} after`).toBe(false);
    }
    for (const role of ["PARENT", "YOUTH"] as const) expect(await signedInAgo(role, 24 * 20), role).toBe(true);
  });

  it("signs a disabled account out", async () => {
    const user = await createUser({ role: "STAFF", email: "s4@example.dk" });
    const setCookie = await createUserSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await getAuth(requestWith(setCookie))).user).toBeNull();
  });
});

describe("requireUser", () => {
  it("sends an anonymous visitor to sign-in and back", async () => {
    const response = await caught(requireUser(requestWith(null), "STAFF"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fstaff%3Fx%3D1");
  });

  it("refuses a signed-in user without the role with 403", async () => {
    const parent = await createUser({ role: "PARENT", email: "r1@example.dk" });
    const response = await caught(requireUser(requestWith(await createUserSession(parent.id)), ["STAFF", "PARTNER"]));
    expect(response.status).toBe(403);
  });

  it("lets an admin do what staff may, but not the other way round", async () => {
    const admin = await createUser({ role: "ADMIN", email: "r2@example.dk" });
    const staff = await createUser({ role: "STAFF", email: "r3@example.dk" });
    expect((await requireUser(requestWith(await createUserSession(admin.id)), "STAFF")).id).toBe(admin.id);
    expect((await caught(requireUser(requestWith(await createUserSession(staff.id)), "ADMIN"))).status).toBe(403);
    expect(hasRole({ role: "PARTNER" }, "STAFF")).toBe(false);
  });

  it("only redirects within the portal after sign-in", () => {
    expect(safeRedirect("/activities?age=7")).toBe("/activities?age=7");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("/\t/evil.example")).toBe("/");
    expect(safeRedirect("/\n/evil.example")).toBe("/");
    expect(safeRedirect("/%2F/evil.example")).toBe("/%2F/evil.example"); // encoded: stays a path here
    expect(safeRedirect("/a/../..//evil.example")).toBe("/");
    expect(safeRedirect(null, "/account")).toBe("/account");
  });
});
