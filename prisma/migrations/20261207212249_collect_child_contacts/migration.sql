-- CreateEnum
CREATE TYPE "ChildContactKind" AS ENUM ('COLLECTOR', 'EMERGENCY');

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "asksCollectContacts" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "collectedAt" TIMESTAMPTZ(3),
ADD COLUMN     "collectedByName" TEXT,
ADD COLUMN     "collectedByOther" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ChildContact" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "personId" UUID NOT NULL,
    "kind" "ChildContactKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChildContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChildContact_personId_kind_position_key" ON "ChildContact"("personId", "kind", "position");

-- AddForeignKey
ALTER TABLE "ChildContact" ADD CONSTRAINT "ChildContact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

