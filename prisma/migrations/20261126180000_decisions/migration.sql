-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN "pendingDecision" TEXT;
ALTER TABLE "Proposal" ADD COLUMN "respondedAt" DATETIME;

-- CreateTable
CREATE TABLE "EmailTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EmailTemplate_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalActivity_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalActivity_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoSpeakerInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" DATETIME,
    CONSTRAINT "CoSpeakerInvitation_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoSpeakerInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "cfpOpensAt" DATETIME NOT NULL,
    "cfpClosesAt" DATETIME NOT NULL,
    "blindReview" BOOLEAN NOT NULL DEFAULT true,
    "reviewVisibility" TEXT NOT NULL DEFAULT 'AFTER_OWN_REVIEW',
    "reviewsPerProposal" INTEGER NOT NULL DEFAULT 3,
    "ratingGuide" TEXT NOT NULL DEFAULT '',
    "confirmationDeadline" DATETIME,
    "autoPromoteWaitlist" BOOLEAN NOT NULL DEFAULT false,
    "holdOutbox" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("blindReview", "cfpClosesAt", "cfpOpensAt", "createdAt", "description", "id", "name", "organizationId", "ratingGuide", "reviewVisibility", "reviewsPerProposal", "slug", "timeZone", "updatedAt") SELECT "blindReview", "cfpClosesAt", "cfpOpensAt", "createdAt", "description", "id", "name", "organizationId", "ratingGuide", "reviewVisibility", "reviewsPerProposal", "slug", "timeZone", "updatedAt" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE TABLE "new_OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "eventId" TEXT,
    "proposalId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "claimedAt" DATETIME,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "OutboxEmail_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxEmail" ("attempts", "claimedAt", "createdAt", "html", "id", "kind", "lastError", "nextAttemptAt", "sentAt", "status", "subject", "text", "to") SELECT "attempts", "claimedAt", "createdAt", "html", "id", "kind", "lastError", "nextAttemptAt", "sentAt", "status", "subject", "text", "to" FROM "OutboxEmail";
DROP TABLE "OutboxEmail";
ALTER TABLE "new_OutboxEmail" RENAME TO "OutboxEmail";
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");
CREATE INDEX "OutboxEmail_to_createdAt_idx" ON "OutboxEmail"("to", "createdAt");
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");
CREATE INDEX "OutboxEmail_eventId_status_createdAt_idx" ON "OutboxEmail"("eventId", "status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "EmailTemplate_eventId_kind_key" ON "EmailTemplate"("eventId", "kind");

-- CreateIndex
CREATE INDEX "ProposalActivity_proposalId_createdAt_idx" ON "ProposalActivity"("proposalId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CoSpeakerInvitation_tokenHash_key" ON "CoSpeakerInvitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "CoSpeakerInvitation_proposalId_email_key" ON "CoSpeakerInvitation"("proposalId", "email");

-- CreateIndex
CREATE INDEX "Proposal_eventId_pendingDecision_idx" ON "Proposal"("eventId", "pendingDecision");

