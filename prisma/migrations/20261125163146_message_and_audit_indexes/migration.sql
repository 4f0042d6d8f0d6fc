-- CreateIndex
CREATE INDEX "AuditEvent_action_entityType_idx" ON "AuditEvent"("action", "entityType");

-- CreateIndex
CREATE INDEX "Message_householdId_idx" ON "Message"("householdId");

-- CreateIndex
CREATE INDEX "Message_recipient_idx" ON "Message"("recipient");

