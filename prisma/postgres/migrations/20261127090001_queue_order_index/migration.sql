-- CreateIndex
CREATE INDEX "Proposal_eventId_status_submittedAt_id_idx" ON "Proposal"("eventId", "status", "submittedAt", "id");
