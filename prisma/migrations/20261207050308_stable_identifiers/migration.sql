-- Stable identifiers (lib/identifiers). Existing rows are backfilled here:
-- - code: the row's creation rank n (1, 2, 3…) mapped to n * 3^18 mod 28^6, a
--   bijection on 0..28^6-1 (3^18 is coprime with 28^6), written in base 28 (most significant digit first) over
--   pretalx's unambiguous alphabet: six characters, distinct for every row.
--   Codes of new rows are random (checked against existing ones before insert).
-- - number: the proposal's rank within its event by creation; the event's
--   lastProposalNumber is its proposal count, so new proposals continue from there.
-- - guid: a random UUID (version 4).
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
    "lastProposalNumber" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("autoPromoteWaitlist", "blindReview", "cfpClosesAt", "cfpOpensAt", "confirmationDeadline", "createdAt", "description", "holdOutbox", "id", "name", "organizationId", "ratingGuide", "reviewVisibility", "reviewsPerProposal", "slug", "timeZone", "updatedAt", "lastProposalNumber") SELECT "autoPromoteWaitlist", "blindReview", "cfpClosesAt", "cfpOpensAt", "confirmationDeadline", "createdAt", "description", "holdOutbox", "id", "name", "organizationId", "ratingGuide", "reviewVisibility", "reviewsPerProposal", "slug", "timeZone", "updatedAt", (SELECT COUNT(*) FROM "Proposal" AS p WHERE p."eventId" = "Event"."id") FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE TABLE "new_Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "guid" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "talkId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "sessionTypeId" TEXT NOT NULL,
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
INSERT INTO "new_Proposal" ("abstract", "createdAt", "decidedAt", "eventId", "id", "level", "notes", "pendingDecision", "respondedAt", "sessionTypeId", "status", "submittedAt", "talkId", "title", "trackId", "updatedAt", "code", "number", "guid")
SELECT "abstract", "createdAt", "decidedAt", "eventId", "id", "level", "notes", "pendingDecision", "respondedAt", "sessionTypeId", "status", "submittedAt", "talkId", "title", "trackId", "updatedAt",
  substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 17210368) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 614656) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 21952) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 784) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 28) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', (v % 28 + 1), 1),
  "n",
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', abs(random()) % 4 + 1, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
FROM (SELECT *, (ROW_NUMBER() OVER (ORDER BY "createdAt", "id") * 387420489) % 481890304 AS "v", ROW_NUMBER() OVER (PARTITION BY "eventId" ORDER BY "createdAt", "id") AS "n" FROM "Proposal") AS "src";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE UNIQUE INDEX "Proposal_code_key" ON "Proposal"("code");
CREATE UNIQUE INDEX "Proposal_guid_key" ON "Proposal"("guid");
CREATE INDEX "Proposal_eventId_status_idx" ON "Proposal"("eventId", "status");
CREATE INDEX "Proposal_eventId_status_submittedAt_id_idx" ON "Proposal"("eventId", "status", "submittedAt", "id");
CREATE INDEX "Proposal_eventId_pendingDecision_idx" ON "Proposal"("eventId", "pendingDecision");
CREATE UNIQUE INDEX "Proposal_eventId_talkId_key" ON "Proposal"("eventId", "talkId");
CREATE UNIQUE INDEX "Proposal_eventId_number_key" ON "Proposal"("eventId", "number");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" DATETIME,
    "image" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "emailVerified", "id", "image", "isDemo", "name", "updatedAt", "code")
SELECT "createdAt", "email", "emailVerified", "id", "image", "isDemo", "name", "updatedAt",
  substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 17210368) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 614656) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 21952) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 784) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((v / 28) % 28 + 1), 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', (v % 28 + 1), 1)
FROM (SELECT *, (ROW_NUMBER() OVER (ORDER BY "createdAt", "id") * 387420489) % 481890304 AS "v" FROM "User") AS "src";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_code_key" ON "User"("code");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
