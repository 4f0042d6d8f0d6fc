-- CreateEnum
CREATE TYPE "GuardianIdentityMethod" AS ENUM ('PHONE_CALL', 'IN_PERSON', 'KNOWN_TO_US');

-- AlterTable
ALTER TABLE "JobApplication" ADD COLUMN     "guardianIdentityAt" TIMESTAMPTZ(3),
ADD COLUMN     "guardianIdentityById" UUID,
ADD COLUMN     "guardianIdentityMethod" "GuardianIdentityMethod",
ADD COLUMN     "guardianPersonId" UUID,
ADD COLUMN     "guardianTokenExpiresAt" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "JobApplication" ADD CONSTRAINT "JobApplication_guardianPersonId_fkey" FOREIGN KEY ("guardianPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Links sent before links expired: each counts 14 days from when it was last sent (on hiring, the information
-- link; else the consent link on applying). Older ones have expired; staff can send a new one.
UPDATE "JobApplication" a
SET "guardianTokenExpiresAt" = COALESCE((SELECT e."guardianInformedAt" FROM "Employment" e WHERE e."applicationId" = a."id"), a."createdAt") + interval '14 days';
