-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "deliveryReportedAt" TIMESTAMPTZ(3),
ADD COLUMN     "deliveryStatus" TEXT,
ADD COLUMN     "fallbackForId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Message_fallbackForId_key" ON "Message"("fallbackForId");

