// Named errors of the admin pages (routes turn them into translated
// messages), and the small checks that lead to them.

import { DomainError } from "../errors.ts";

export type AdminErrorCode = "notFound" | "selfDemote" | "selfDisable" | "emailTaken" | "phoneTaken" | "organisationNotFound" | "codeTaken" | "inUse";

export class AdminError extends DomainError<AdminErrorCode> {
  constructor(
    code: AdminErrorCode,
    /** For "inUse": how many rows of each kind still point at the row. */
    readonly usage: Record<string, number> = {},
  ) {
    super("admin", code);
  }
}

/** Prisma's unique-constraint violation (P2002), e.g. two admins saving the same code at once. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Prisma's foreign-key violation (P2003): a row still in use. */
export function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2003";
}
