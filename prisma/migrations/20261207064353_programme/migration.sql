-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "guid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Room_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduleItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "proposalId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "guid" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScheduleItem_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScheduleItem_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScheduleItem_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduleRelease" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "snapshot" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "publishedBy" TEXT,
    CONSTRAINT "ScheduleRelease_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "maxProposalsPerSpeaker" INTEGER,
    "conferenceStartsOn" TEXT,
    "conferenceEndsOn" TEXT,
    "venue" TEXT NOT NULL DEFAULT '',
    "lastProposalNumber" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("autoPromoteWaitlist", "blindReview", "cfpClosesAt", "cfpOpensAt", "confirmationDeadline", "createdAt", "description", "holdOutbox", "id", "lastProposalNumber", "maxProposalsPerSpeaker", "name", "organizationId", "ratingGuide", "reviewVisibility", "reviewsPerProposal", "slug", "timeZone", "updatedAt") SELECT "autoPromoteWaitlist", "blindReview", "cfpClosesAt", "cfpOpensAt", "confirmationDeadline", "createdAt", "description", "holdOutbox", "id", "lastProposalNumber", "maxProposalsPerSpeaker", "name", "organizationId", "ratingGuide", "reviewVisibility", "reviewsPerProposal", "slug", "timeZone", "updatedAt" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE TABLE "new_OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL DEFAULT '',
    "attachments" TEXT NOT NULL DEFAULT '[]',
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
INSERT INTO "new_OutboxEmail" ("attempts", "claimedAt", "createdAt", "eventId", "html", "id", "kind", "lastError", "nextAttemptAt", "proposalId", "sentAt", "status", "subject", "text", "to") SELECT "attempts", "claimedAt", "createdAt", "eventId", "html", "id", "kind", "lastError", "nextAttemptAt", "proposalId", "sentAt", "status", "subject", "text", "to" FROM "OutboxEmail";
DROP TABLE "OutboxEmail";
ALTER TABLE "new_OutboxEmail" RENAME TO "OutboxEmail";
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");
CREATE INDEX "OutboxEmail_to_createdAt_idx" ON "OutboxEmail"("to", "createdAt");
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");
CREATE INDEX "OutboxEmail_eventId_status_createdAt_idx" ON "OutboxEmail"("eventId", "status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Room_guid_key" ON "Room"("guid");

-- CreateIndex
CREATE UNIQUE INDEX "Room_eventId_name_key" ON "Room"("eventId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduleItem_proposalId_key" ON "ScheduleItem"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduleItem_guid_key" ON "ScheduleItem"("guid");

-- CreateIndex
CREATE INDEX "ScheduleItem_eventId_startsAt_idx" ON "ScheduleItem"("eventId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduleRelease_eventId_version_key" ON "ScheduleRelease"("eventId", "version");
