// The one role rule: which roles include which. An admin may do what staff
// may do; nothing else includes anything. Pure, so the domain and the
// route side ask the same question the same way.
import type { Role } from "~/generated/prisma/client.ts";

const includes: Record<Role, readonly Role[]> = {
  ADMIN: ["ADMIN", "STAFF"],
  STAFF: ["STAFF"],
  PARTNER: ["PARTNER"],
  PARENT: ["PARENT"],
  YOUTH: ["YOUTH"],
};

/** Whether a user with `user.role` may act as one of `allowed`. */
export function hasRole(user: { role: Role }, allowed: Role | readonly Role[]): boolean {
  const wanted: readonly Role[] = typeof allowed === "string" ? [allowed] : allowed;
  return includes[user.role].some((role) => wanted.includes(role));
}

/** Staff or admin: runs every activity, sees every family. */
export const isStaff = (user: { role: Role }): boolean => hasRole(user, "STAFF");

/** Staff, admin or partner: the people who run activities and shifts. */
export const runsActivities = (user: { role: Role }): boolean => hasRole(user, ["STAFF", "PARTNER"]);
