-- Matching people (docs/decisions/015-matching-people.md): PostgreSQL's own tools for the first, coarse look at
-- names without a birth year. All three are trusted contrib extensions shipped by the embedded server (PostgreSQL 18)
-- and by Debian's postgresql-15; the owner of the database may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- CreateEnum
CREATE TYPE "DuplicateVerdict" AS ENUM ('PROPOSED', 'NOT_SAME');

-- CreateTable
CREATE TABLE "FormSubmission" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "resultId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormSubmission_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PossibleDuplicate" (
    "personAId" UUID NOT NULL,
    "personBId" UUID NOT NULL,
    "verdict" "DuplicateVerdict" NOT NULL,
    "proposedById" UUID,
    "decidedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PossibleDuplicate_pkey" PRIMARY KEY ("personAId","personBId")
);

-- CreateIndex
CREATE INDEX "FormSubmission_createdAt_idx" ON "FormSubmission"("createdAt");

-- CreateIndex
CREATE INDEX "PossibleDuplicate_personBId_idx" ON "PossibleDuplicate"("personBId");

-- CreateIndex
CREATE INDEX "PossibleDuplicate_verdict_createdAt_idx" ON "PossibleDuplicate"("verdict", "createdAt");

-- CreateIndex
CREATE INDEX "Person_birthDate_idx" ON "Person"("birthDate");

-- AddForeignKey
ALTER TABLE "PossibleDuplicate" ADD CONSTRAINT "PossibleDuplicate_personAId_fkey" FOREIGN KEY ("personAId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PossibleDuplicate" ADD CONSTRAINT "PossibleDuplicate_personBId_fkey" FOREIGN KEY ("personBId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

