-- CreateEnum
CREATE TYPE "PayUnit" AS ENUM ('HOUR', 'SHIFT');

-- CreateEnum
CREATE TYPE "PostingStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('AWAITING_GUARDIAN', 'GUARDIAN_DECLINED', 'RECEIVED', 'INTERVIEW', 'HIRED', 'REJECTED', 'WAITING_LIST', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Availability" AS ENUM ('WEEKDAYS', 'WEEKENDS', 'HOLIDAYS');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('ASSIGNED', 'RELEASED');

-- CreateEnum
CREATE TYPE "SwapStatus" AS ENUM ('OPEN', 'APPROVED', 'DECLINED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "DevOutboxItem" ADD COLUMN     "attachments" JSONB;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "attachment" JSONB;

-- CreateTable
CREATE TABLE "JobType" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "icon" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JobType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobPosting" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "typeId" UUID NOT NULL,
    "status" "PostingStatus" NOT NULL DEFAULT 'DRAFT',
    "title" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "hoursInfo" JSONB NOT NULL,
    "risks" JSONB NOT NULL,
    "organisationId" UUID,
    "workPlace" TEXT NOT NULL,
    "minAge" INTEGER NOT NULL DEFAULT 13,
    "maxAge" INTEGER NOT NULL DEFAULT 17,
    "payOre" INTEGER NOT NULL,
    "payUnit" "PayUnit" NOT NULL DEFAULT 'HOUR',
    "positions" INTEGER NOT NULL,
    "applicationDeadline" DATE NOT NULL,
    "season" JSONB,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobPosting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobApplication" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "postingId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "school" TEXT,
    "schoolClass" TEXT,
    "inSchool" BOOLEAN NOT NULL DEFAULT true,
    "motivation" TEXT NOT NULL,
    "availability" "Availability"[],
    "status" "ApplicationStatus" NOT NULL,
    "guardianName" TEXT NOT NULL,
    "guardianEmail" TEXT,
    "guardianPhone" TEXT,
    "guardianLanguage" TEXT NOT NULL DEFAULT 'da',
    "guardianTokenHash" TEXT NOT NULL,
    "consentRequired" BOOLEAN NOT NULL,
    "guardianAnswerAt" TIMESTAMPTZ(3),
    "interviewAt" TIMESTAMPTZ(3),
    "interviewPlace" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "applicationId" UUID NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" UUID,

    CONSTRAINT "ApplicationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "applicationId" UUID NOT NULL,
    "postingId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "endedOn" DATE,
    "inSchool" BOOLEAN NOT NULL DEFAULT true,
    "guardianInformedAt" TIMESTAMPTZ(3),
    "referenceTasks" TEXT,
    "referenceStatement" TEXT,
    "referenceById" UUID,
    "referenceAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Employment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobShift" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "postingId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "breakMinutes" INTEGER NOT NULL DEFAULT 0,
    "place" TEXT NOT NULL,
    "slots" INTEGER NOT NULL DEFAULT 1,
    "responsibleUserId" UUID,
    "note" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobShift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShiftAssignment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "shiftId" UUID NOT NULL,
    "employmentId" UUID NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'ASSIGNED',
    "assignedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMPTZ(3),
    "workedMinutes" INTEGER,
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmedById" UUID,

    CONSTRAINT "ShiftAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShiftSwapRequest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assignmentId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "takeOverEmploymentId" UUID,
    "status" "SwapStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,

    CONSTRAINT "ShiftSwapRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "JobType_code_key" ON "JobType"("code");

-- CreateIndex
CREATE UNIQUE INDEX "JobPosting_slug_key" ON "JobPosting"("slug");

-- CreateIndex
CREATE INDEX "JobPosting_status_applicationDeadline_idx" ON "JobPosting"("status", "applicationDeadline");

-- CreateIndex
CREATE UNIQUE INDEX "JobApplication_guardianTokenHash_key" ON "JobApplication"("guardianTokenHash");

-- CreateIndex
CREATE INDEX "JobApplication_postingId_status_idx" ON "JobApplication"("postingId", "status");

-- CreateIndex
CREATE INDEX "JobApplication_personId_idx" ON "JobApplication"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "JobApplication_postingId_personId_key" ON "JobApplication"("postingId", "personId");

-- CreateIndex
CREATE INDEX "ApplicationEvent_applicationId_at_idx" ON "ApplicationEvent"("applicationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Employment_applicationId_key" ON "Employment"("applicationId");

-- CreateIndex
CREATE INDEX "Employment_personId_idx" ON "Employment"("personId");

-- CreateIndex
CREATE INDEX "Employment_postingId_idx" ON "Employment"("postingId");

-- CreateIndex
CREATE INDEX "JobShift_postingId_startsAt_idx" ON "JobShift"("postingId", "startsAt");

-- CreateIndex
CREATE INDEX "JobShift_startsAt_idx" ON "JobShift"("startsAt");

-- CreateIndex
CREATE INDEX "ShiftAssignment_employmentId_idx" ON "ShiftAssignment"("employmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ShiftAssignment_shiftId_employmentId_key" ON "ShiftAssignment"("shiftId", "employmentId");

-- CreateIndex
CREATE INDEX "ShiftSwapRequest_status_idx" ON "ShiftSwapRequest"("status");

-- CreateIndex
CREATE INDEX "ShiftSwapRequest_assignmentId_idx" ON "ShiftSwapRequest"("assignmentId");

-- AddForeignKey
ALTER TABLE "JobPosting" ADD CONSTRAINT "JobPosting_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "JobType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobPosting" ADD CONSTRAINT "JobPosting_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobApplication" ADD CONSTRAINT "JobApplication_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "JobPosting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobApplication" ADD CONSTRAINT "JobApplication_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "JobApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employment" ADD CONSTRAINT "Employment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "JobApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employment" ADD CONSTRAINT "Employment_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "JobPosting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employment" ADD CONSTRAINT "Employment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobShift" ADD CONSTRAINT "JobShift_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "JobPosting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftAssignment" ADD CONSTRAINT "ShiftAssignment_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "JobShift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftAssignment" ADD CONSTRAINT "ShiftAssignment_employmentId_fkey" FOREIGN KEY ("employmentId") REFERENCES "Employment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftSwapRequest" ADD CONSTRAINT "ShiftSwapRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ShiftAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

