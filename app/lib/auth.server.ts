// The one permission helper (the role rule itself: roles.ts). Every loader and action that shows or changes
// anything personal starts with requireUser(request, role).
import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client.ts";
import { hasRole } from "./roles.ts";
import { getAuth, type SessionUser } from "./session.server.ts";

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

/**
 * Only paths of this site, so a crafted link cannot send people elsewhere
 * after sign-in. Parsed as a browser would (which drops tabs and newlines,
 * turning "/\t/evil" into "//evil"), and rebuilt from the parsed parts.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://portal.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}

/** The `?back=` path of a request when it is a safe path of this site, else null. */
export function safeBack(request: Request): string | null {
  const back = new URL(request.url).searchParams.get("back");
  const safe = safeRedirect(back, "");
  return safe || null;
}
