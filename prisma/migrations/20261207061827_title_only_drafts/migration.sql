-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "guid" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "talkId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "level" TEXT,
    "sessionTypeId" TEXT,
    "trackId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "pendingDecision" TEXT,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "respondedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Proposal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_sessionTypeId_fkey" FOREIGN KEY ("sessionTypeId") REFERENCES "SessionType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Proposal_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("abstract", "code", "createdAt", "decidedAt", "eventId", "guid", "id", "level", "notes", "number", "pendingDecision", "respondedAt", "sessionTypeId", "status", "submittedAt", "talkId", "title", "trackId", "updatedAt") SELECT "abstract", "code", "createdAt", "decidedAt", "eventId", "guid", "id", "level", "notes", "number", "pendingDecision", "respondedAt", "sessionTypeId", "status", "submittedAt", "talkId", "title", "trackId", "updatedAt" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE UNIQUE INDEX "Proposal_code_key" ON "Proposal"("code");
CREATE UNIQUE INDEX "Proposal_guid_key" ON "Proposal"("guid");
CREATE INDEX "Proposal_eventId_status_idx" ON "Proposal"("eventId", "status");
CREATE INDEX "Proposal_eventId_status_submittedAt_id_idx" ON "Proposal"("eventId", "status", "submittedAt", "id");
CREATE INDEX "Proposal_eventId_pendingDecision_idx" ON "Proposal"("eventId", "pendingDecision");
CREATE UNIQUE INDEX "Proposal_eventId_talkId_key" ON "Proposal"("eventId", "talkId");
CREATE UNIQUE INDEX "Proposal_eventId_number_key" ON "Proposal"("eventId", "number");
CREATE TABLE "new_Talk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "level" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Talk_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Talk" ("abstract", "createdAt", "id", "level", "notes", "ownerId", "title", "updatedAt") SELECT "abstract", "createdAt", "id", "level", "notes", "ownerId", "title", "updatedAt" FROM "Talk";
DROP TABLE "Talk";
ALTER TABLE "new_Talk" RENAME TO "Talk";
CREATE INDEX "Talk_ownerId_idx" ON "Talk"("ownerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
