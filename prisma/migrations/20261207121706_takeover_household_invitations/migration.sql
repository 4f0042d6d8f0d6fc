-- CreateEnum
CREATE TYPE "InvitationKind" AS ENUM ('JOIN', 'CLAIM');

-- CreateEnum
CREATE TYPE "InvitationAnswer" AS ENUM ('ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "HouseholdInvitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "householdId" UUID NOT NULL,
    "kind" "InvitationKind" NOT NULL,
    "invitedById" UUID,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "personId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "answer" "InvitationAnswer",
    "answeredById" UUID,

    CONSTRAINT "HouseholdInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HouseholdInvitation_phone_idx" ON "HouseholdInvitation"("phone");

-- CreateIndex
CREATE INDEX "HouseholdInvitation_email_idx" ON "HouseholdInvitation"("email");

-- CreateIndex
CREATE INDEX "HouseholdInvitation_householdId_idx" ON "HouseholdInvitation"("householdId");

-- CreateIndex
CREATE INDEX "HouseholdInvitation_personId_idx" ON "HouseholdInvitation"("personId");

-- CreateIndex
CREATE INDEX "HouseholdInvitation_invitedById_idx" ON "HouseholdInvitation"("invitedById");

-- CreateIndex
CREATE INDEX "HouseholdInvitation_answer_answeredAt_idx" ON "HouseholdInvitation"("answer", "answeredAt");

-- AddForeignKey
ALTER TABLE "HouseholdInvitation" ADD CONSTRAINT "HouseholdInvitation_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdInvitation" ADD CONSTRAINT "HouseholdInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdInvitation" ADD CONSTRAINT "HouseholdInvitation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Issue 16: sign-in no longer claims a person by phone or e-mail; the records it used to claim become invitations
-- (docs/decisions/013-joining-a-household.md).

-- A family registered by staff or a partner whose guardian has not signed in yet (no guardian of it has a login):
-- the guardian confirms it on first sign-in.
INSERT INTO "HouseholdInvitation" ("householdId", "kind", "invitedById", "firstName", "lastName", "phone", "email", "personId", "createdAt")
SELECT m."householdId", 'CLAIM', h."createdById", p."firstName", p."lastName", p."phone", lower(p."email"), p."id", p."createdAt"
FROM "HouseholdMember" m
JOIN "Person" p ON p."id" = m."personId"
JOIN "Household" h ON h."id" = m."householdId"
WHERE m."role" = 'GUARDIAN' AND p."anonymisedAt" IS NULL AND (p."phone" IS NOT NULL OR p."email" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."personId" = p."id")
  AND NOT EXISTS (SELECT 1 FROM "HouseholdMember" c WHERE c."personId" = p."id" AND c."role" = 'CHILD')
  AND NOT EXISTS (
    SELECT 1 FROM "HouseholdMember" g JOIN "User" u ON u."personId" = g."personId"
    WHERE g."householdId" = m."householdId" AND g."role" = 'GUARDIAN');

-- A second guardian a parent named (no login, in a household whose guardian has one): an invitation from that parent,
-- open for 14 days, instead of a member with someone's number.
INSERT INTO "HouseholdInvitation" ("householdId", "kind", "invitedById", "firstName", "lastName", "phone", "email", "createdAt", "expiresAt")
SELECT m."householdId", 'JOIN',
  (SELECT u."id" FROM "HouseholdMember" g JOIN "User" u ON u."personId" = g."personId"
   WHERE g."householdId" = m."householdId" AND g."role" = 'GUARDIAN' ORDER BY g."createdAt" LIMIT 1),
  p."firstName", p."lastName", p."phone", lower(p."email"), now(), now() + interval '14 days'
FROM "HouseholdMember" m
JOIN "Person" p ON p."id" = m."personId"
WHERE m."role" = 'GUARDIAN' AND p."anonymisedAt" IS NULL AND (p."phone" IS NOT NULL OR p."email" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."personId" = p."id")
  AND EXISTS (
    SELECT 1 FROM "HouseholdMember" g JOIN "User" u ON u."personId" = g."personId"
    WHERE g."householdId" = m."householdId" AND g."role" = 'GUARDIAN');

-- Those named guardians leave the household (their number is on the invitation now). One that staff already used
-- (a consent, a place, attendance) stays as a name for the history, without the number.
DELETE FROM "Person" p
WHERE p."anonymisedAt" IS NULL AND (p."phone" IS NOT NULL OR p."email" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."personId" = p."id")
  AND EXISTS (
    SELECT 1 FROM "HouseholdMember" m
    JOIN "HouseholdMember" g ON g."householdId" = m."householdId" AND g."role" = 'GUARDIAN'
    JOIN "User" u ON u."personId" = g."personId"
    WHERE m."personId" = p."id" AND m."role" = 'GUARDIAN')
  AND (SELECT count(*) FROM "HouseholdMember" x WHERE x."personId" = p."id") = 1
  AND NOT EXISTS (SELECT 1 FROM "SignUp" s WHERE s."consentPersonId" = p."id")
  AND NOT EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."personId" = p."id")
  AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."personId" = p."id")
  AND NOT EXISTS (SELECT 1 FROM "JobApplication" j WHERE j."personId" = p."id")
  AND NOT EXISTS (SELECT 1 FROM "Employment" e WHERE e."personId" = p."id");

UPDATE "Person" p SET "phone" = NULL, "email" = NULL
WHERE p."anonymisedAt" IS NULL AND (p."phone" IS NOT NULL OR p."email" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."personId" = p."id")
  AND EXISTS (
    SELECT 1 FROM "HouseholdMember" m
    JOIN "HouseholdMember" g ON g."householdId" = m."householdId" AND g."role" = 'GUARDIAN'
    JOIN "User" u ON u."personId" = g."personId"
    WHERE m."personId" = p."id" AND m."role" = 'GUARDIAN');
