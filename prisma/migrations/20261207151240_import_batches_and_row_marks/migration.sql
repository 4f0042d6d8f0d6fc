-- CreateEnum
CREATE TYPE "ImportBatchKind" AS ENUM ('PEOPLE', 'PARTICIPATION');

-- CreateEnum
CREATE TYPE "ImportBatchStatus" AS ENUM ('DRAFT', 'IMPORTED', 'UNDONE');

-- AlterTable
ALTER TABLE "ActivitySession" ADD COLUMN     "importBatchId" UUID;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "importBatchId" UUID;

-- AlterTable
ALTER TABLE "HeadCount" ADD COLUMN     "importBatchId" UUID;

-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "importBatchId" UUID;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "importBatchId" UUID;

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "ImportBatchKind" NOT NULL,
    "status" "ImportBatchStatus" NOT NULL DEFAULT 'DRAFT',
    "fileName" TEXT NOT NULL,
    "file" BYTEA,
    "mapping" JSONB,
    "activityId" UUID,
    "summary" JSONB,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedAt" TIMESTAMPTZ(3),
    "undoneAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportBatch_status_createdAt_idx" ON "ImportBatch"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ImportBatch_activityId_idx" ON "ImportBatch"("activityId");

-- CreateIndex
CREATE INDEX "ActivitySession_importBatchId_idx" ON "ActivitySession"("importBatchId");

-- CreateIndex
CREATE INDEX "Attendance_importBatchId_idx" ON "Attendance"("importBatchId");

-- CreateIndex
CREATE INDEX "HeadCount_importBatchId_idx" ON "HeadCount"("importBatchId");

-- CreateIndex
CREATE INDEX "Household_importBatchId_idx" ON "Household"("importBatchId");

-- CreateIndex
CREATE INDEX "Person_importBatchId_idx" ON "Person"("importBatchId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySession" ADD CONSTRAINT "ActivitySession_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadCount" ADD CONSTRAINT "HeadCount_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

