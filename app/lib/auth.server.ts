// The one permission helper. Every loader and action that shows or changes
// anything personal starts with requireUser(request, role).
import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client.ts";
import { getAuth, type SessionUser } from "./session.server.ts";

/** Roles that include others: an admin may do what staff may do. */
const includes: Record<Role, Role[]> = {
  ADMIN: ["ADMIN", "STAFF"],
  STAFF: ["STAFF"],
  PARTNER: ["PARTNER"],
  PARENT: ["PARENT"],
  YOUTH: ["YOUTH"],
};

export function hasRole(user: Pick<SessionUser, "role">, allowed: Role | readonly Role[]): boolean {
  const wanted = typeof allowed === "string" ? [allowed] : allowed;
  return includes[user.role].some((role) => wanted.includes(role));
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getAuth(request)).user;
}

/**
 * The signed-in user, if they have one of the roles (none given: any role).
 * Not signed in: redirect to sign-in and back. Wrong role: 403.
 */
export async function requireUser(request: Request, role?: Role | readonly Role[]): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (role && !hasRole(user, role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

/** Only same-site paths, so a crafted link cannot send people elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
