// Small cookies the sign-in flow keeps between its two steps.
import { createCookie } from "@remix-run/node";
import { safeRedirect } from "./auth.server.ts";
import { cookieSecrets } from "./env.server.ts";
import { isId } from "./ids.ts";

/** The pending sign-in: which challenge the next code belongs to. */
export const signInCookie = createCookie("signin", {
  path: "/login",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production",
  maxAge: 15 * 60,
  secrets: cookieSecrets(),
});

export type PendingSignIn = { challengeId: string; display: string; redirectTo: string };

export async function readPendingSignIn(request: Request): Promise<PendingSignIn | null> {
  const value: unknown = await signInCookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { challengeId, display, redirectTo } = value as Record<string, unknown>;
  if (typeof challengeId !== "string" || !isId(challengeId) || typeof display !== "string" || typeof redirectTo !== "string") return null;
  return { challengeId, display: display.slice(0, 254), redirectTo: safeRedirect(redirectTo) };
}
