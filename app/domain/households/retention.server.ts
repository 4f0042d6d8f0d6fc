// Retention: the personal data of households that have had nothing to do
// with the portal for RETENTION_YEARS (default 3) are anonymised by a
// nightly job, the same way staff delete on request (anonymiseHousehold):
// names, contact details, notes and logins go; sign-ups, attendance, birth
// dates, gender and areas stay, so reports of past periods do not change.
import type { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { log } from "~/lib/log.server.ts";
import { anonymiseHousehold, PrivacyError } from "./personal-data.server.ts";

/**
 * Households with someone not yet anonymised whose last sign of life is
 * before the cut-off: the household's last change, sign-up, session of an
 * activity it was enrolled in (a camp ahead counts), attendance mark, or a
 * member's sign-in. One statement; `only` asks about one household.
 */
export async function inactiveHouseholds(cutoff: Date, only: string | null = null, tx: Prisma.TransactionClient = db): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT h."id"::text AS "id" FROM "Household" h
    WHERE (${only}::uuid IS NULL OR h."id" = ${only}::uuid)
      AND EXISTS (SELECT 1 FROM "HouseholdMember" m JOIN "Person" p ON p."id" = m."personId" WHERE m."householdId" = h."id" AND p."anonymisedAt" IS NULL)
      AND GREATEST(
        h."updatedAt",
        (SELECT max(s."createdAt") FROM "SignUp" s WHERE s."householdId" = h."id"),
        (SELECT max(x."endsAt") FROM "Enrolment" e JOIN "ActivitySession" x ON x."activityId" = e."activityId" WHERE e."householdId" = h."id"),
        (SELECT max(a."markedAt") FROM "Attendance" a JOIN "HouseholdMember" m ON m."personId" = a."personId" WHERE m."householdId" = h."id"),
        (SELECT max(u."lastSignInAt") FROM "User" u JOIN "HouseholdMember" m ON m."personId" = u."personId" WHERE m."householdId" = h."id")
      ) < ${cutoff}
    ORDER BY h."id"`;
  return rows.map((row) => row.id);
}

/** The nightly job: anonymises every household inactive for the retention period. Idempotent. */
export async function anonymiseInactiveHouseholds(now = new Date(), years = env().RETENTION_YEARS): Promise<{ households: number; people: number }> {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  let households = 0;
  let people = 0;
  for (const id of await inactiveHouseholds(cutoff)) {
    try {
      const stillDue = async (tx: Prisma.TransactionClient) => (await inactiveHouseholds(cutoff, id, tx)).length > 0;
      const result = await anonymiseHousehold(id, null, now, { stillDue });
      households++;
      people += result.anonymised;
    } catch (error) {
      if (!(error instanceof PrivacyError)) throw error;
      if (error.code === "notDue") continue;
      log("warn", "retention.skipped", { householdId: id, reason: error.code });
    }
  }
  if (households) log("info", "retention.anonymised", { households, people });
  return { households, people };
}
