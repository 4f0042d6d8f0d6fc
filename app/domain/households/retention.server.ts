// Retention: the personal data of households — and of people in no
// household (a young person's own login, an account that never added a
// family, a walk-in child) — that have had nothing to do with the portal for
// RETENTION_YEARS (default 3) are anonymised by a nightly job, the same way staff delete on request (anonymiseHousehold):
// names, contact details, notes and logins go; sign-ups, attendance, birth
// dates, gender and areas stay, so reports of past periods do not change.
import type { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { log } from "~/lib/log.server.ts";
import { anonymiseHousehold, anonymisePerson, PrivacyError } from "./personal-data.server.ts";

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

/**
 * People in no household — young people with their own login, accounts that never added a family, walk-in
 * children — not yet anonymised and without a staff, partner or admin login, whose last sign of life is before
 * the cut-off: their record's last change, their sign-in, a job application's or employment's last change, a
 * shift they were on, an attendance mark. One statement; `only` asks about one person.
 */
export async function inactivePeople(cutoff: Date, only: string | null = null, tx: Prisma.TransactionClient = db): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT p."id"::text AS "id" FROM "Person" p LEFT JOIN "User" u ON u."personId" = p."id"
    WHERE (${only}::uuid IS NULL OR p."id" = ${only}::uuid)
      AND p."anonymisedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "HouseholdMember" m WHERE m."personId" = p."id")
      AND (u."id" IS NULL OR u."role" IN ('PARENT', 'YOUTH'))
      AND GREATEST(
        p."updatedAt",
        u."lastSignInAt",
        u."createdAt",
        (SELECT max(a."updatedAt") FROM "JobApplication" a WHERE a."personId" = p."id"),
        (SELECT max(e."updatedAt") FROM "Employment" e WHERE e."personId" = p."id"),
        (SELECT max(s."endsAt") FROM "ShiftAssignment" sa JOIN "Employment" e ON e."id" = sa."employmentId" JOIN "JobShift" s ON s."id" = sa."shiftId"
          WHERE e."personId" = p."id"),
        (SELECT max(t."markedAt") FROM "Attendance" t WHERE t."personId" = p."id")
      ) < ${cutoff}
    ORDER BY p."id"`;
  return rows.map((row) => row.id);
}

/** The nightly job: anonymises every household, and every person outside one, inactive for the retention period. Idempotent. */
export async function anonymiseInactiveHouseholds(
  now = new Date(),
  years = env().RETENTION_YEARS,
): Promise<{ households: number; people: number; alone: number }> {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  let households = 0;
  let people = 0;
  let alone = 0;
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
  for (const id of await inactivePeople(cutoff)) {
    try {
      const stillDue = async (tx: Prisma.TransactionClient) => (await inactivePeople(cutoff, id, tx)).length > 0;
      alone += (await anonymisePerson(id, null, now, { stillDue })).anonymised;
    } catch (error) {
      if (!(error instanceof PrivacyError)) throw error;
    }
  }
  if (households || alone) log("info", "retention.anonymised", { households, people, alone });
  return { households, people, alone };
}
