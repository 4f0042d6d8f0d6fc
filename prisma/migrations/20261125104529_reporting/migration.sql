-- CreateEnum
CREATE TYPE "MilestoneMeasure" AS ENUM ('UNIQUE_PARTICIPANTS', 'UNIQUE_HOUSEHOLDS', 'ENROLMENTS', 'ATTENDANCES', 'SESSIONS_HELD', 'ACTIVITIES_HELD', 'YOUTH_EMPLOYED', 'HOURS_WORKED');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "waitlistedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" JSONB NOT NULL,
    "measure" "MilestoneMeasure" NOT NULL,
    "target" INTEGER NOT NULL,
    "activityId" UUID,
    "activityTypeId" UUID,
    "effortAreaId" UUID,
    "startsOn" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MilestoneNote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "milestoneId" UUID NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MilestoneNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Milestone_deadline_idx" ON "Milestone"("deadline");

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneNote_milestoneId_periodStart_periodEnd_key" ON "MilestoneNote"("milestoneId", "periodStart", "periodEnd");

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_activityTypeId_fkey" FOREIGN KEY ("activityTypeId") REFERENCES "ActivityType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_effortAreaId_fkey" FOREIGN KEY ("effortAreaId") REFERENCES "EffortArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneNote" ADD CONSTRAINT "MilestoneNote_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Enrolments made before waitlistedAt existed: those that did not get a place at once were on the waiting list.
UPDATE "Enrolment" SET "waitlistedAt" = "createdAt"
WHERE "confirmedAt" IS NULL OR "confirmedAt" > "createdAt" + interval '1 minute';
