-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('CONFIRMED', 'WAITING', 'OFFERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CancelReason" AS ENUM ('BY_GUARDIAN', 'BY_STAFF', 'OFFER_DECLINED', 'OFFER_EXPIRED');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('ONLINE', 'SPOKEN');

-- CreateEnum
CREATE TYPE "OfferOutcome" AS ENUM ('ACCEPTED', 'DECLINED', 'EXPIRED');

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "offerHoldHours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "reminderHours" INTEGER DEFAULT 24,
ADD COLUMN     "terms" JSONB,
ADD COLUMN     "termsVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "calendarTokenHash" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "activityId" UUID,
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "householdId" UUID,
ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "photoConsent" BOOLEAN;

-- AlterTable
ALTER TABLE "SignInChallenge" DROP COLUMN "userId";

-- CreateTable
CREATE TABLE "PersonNeeds" (
    "personId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PersonNeeds_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "SignUp" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "activityId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdByUserId" UUID,
    "consentPersonId" UUID NOT NULL,
    "consentAt" TIMESTAMPTZ(3) NOT NULL,
    "consentMethod" "ConsentMethod" NOT NULL DEFAULT 'ONLINE',
    "consentVersion" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "signUpId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "status" "EnrolmentStatus" NOT NULL,
    "housingAreaId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" "CancelReason",
    "cancelledByUserId" UUID,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitingListOffer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "signUpId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMPTZ(3),
    "outcome" "OfferOutcome",

    CONSTRAINT "WaitingListOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "sessionId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("sessionId","householdId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SignUp_idempotencyKey_key" ON "SignUp"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SignUp_activityId_seq_idx" ON "SignUp"("activityId", "seq");

-- CreateIndex
CREATE INDEX "SignUp_householdId_idx" ON "SignUp"("householdId");

-- CreateIndex
CREATE INDEX "Enrolment_activityId_status_idx" ON "Enrolment"("activityId", "status");

-- CreateIndex
CREATE INDEX "Enrolment_personId_status_idx" ON "Enrolment"("personId", "status");

-- CreateIndex
CREATE INDEX "Enrolment_signUpId_idx" ON "Enrolment"("signUpId");

-- CreateIndex
CREATE INDEX "Enrolment_householdId_idx" ON "Enrolment"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "WaitingListOffer_tokenHash_key" ON "WaitingListOffer"("tokenHash");

-- CreateIndex
CREATE INDEX "WaitingListOffer_activityId_outcome_idx" ON "WaitingListOffer"("activityId", "outcome");

-- CreateIndex
CREATE INDEX "WaitingListOffer_expiresAt_idx" ON "WaitingListOffer"("expiresAt");

-- CreateIndex
CREATE INDEX "ReminderSent_householdId_idx" ON "ReminderSent"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Household_calendarTokenHash_key" ON "Household"("calendarTokenHash");

-- CreateIndex
CREATE INDEX "Message_status_nextAttemptAt_idx" ON "Message"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Message_activityId_idx" ON "Message"("activityId");

-- AddForeignKey
ALTER TABLE "PersonNeeds" ADD CONSTRAINT "PersonNeeds_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignUp" ADD CONSTRAINT "SignUp_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignUp" ADD CONSTRAINT "SignUp_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_signUpId_fkey" FOREIGN KEY ("signUpId") REFERENCES "SignUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingListOffer" ADD CONSTRAINT "WaitingListOffer_signUpId_fkey" FOREIGN KEY ("signUpId") REFERENCES "SignUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingListOffer" ADD CONSTRAINT "WaitingListOffer_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ActivitySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

