// The guardian's link to an application: consent under 15, and after hiring
// the written information the employer owes them. The link carries a random
// secret; only its SHA-256 is stored (JobApplication.guardianTokenHash).
import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { DbTx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { hashToken } from "~/lib/session.server.ts";

export const guardianPath = (token: string) => `/guardian/${token}`;

export function newGuardianToken(): { token: string; tokenHash: string } {
  const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
  return { token, tokenHash: hashToken(token) };
}

/** Gives the application a fresh guardian link (the old one stops working) and returns its full URL. */
export async function issueGuardianLink(tx: DbTx, applicationId: string): Promise<string> {
  const { token, tokenHash } = newGuardianToken();
  await tx.jobApplication.update({ where: { id: applicationId }, data: { guardianTokenHash: tokenHash } });
  return appUrl(guardianPath(token));
}
