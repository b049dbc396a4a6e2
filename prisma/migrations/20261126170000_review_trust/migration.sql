-- AlterTable
ALTER TABLE "EventMember" ADD COLUMN "reviewCap" INTEGER;

-- CreateTable
CREATE TABLE "ReviewCriterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "minScore" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "weight" REAL NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReviewCriterion_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewerTrack" (
    "memberId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,

    PRIMARY KEY ("memberId", "trackId"),
    CONSTRAINT "ReviewerTrack_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "EventMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewerTrack_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewScore" (
    "reviewId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    PRIMARY KEY ("reviewId", "criterionId"),
    CONSTRAINT "ReviewScore_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ReviewCriterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewComment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'MANUAL',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewAssignment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewAssignment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalConflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalConflict_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalConflict_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalConflict_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SpeakerConflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpeakerConflict_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SpeakerConflict_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SpeakerConflict_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SpeakerProfile" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "bio" TEXT NOT NULL DEFAULT '',
    "company" TEXT NOT NULL DEFAULT '',
    "companyKey" TEXT NOT NULL DEFAULT '',
    "location" TEXT NOT NULL DEFAULT '',
    "website" TEXT NOT NULL DEFAULT '',
    "github" TEXT NOT NULL DEFAULT '',
    "mastodon" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SpeakerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- companyKey approximates lib/profile/company-key.ts; the next profile save writes the exact key.
INSERT INTO "new_SpeakerProfile" ("bio", "company", "companyKey", "github", "location", "mastodon", "updatedAt", "userId", "website") SELECT "bio", "company", lower(trim("company")), "github", "location", "mastodon", "updatedAt", "userId", "website" FROM "SpeakerProfile";
DROP TABLE "SpeakerProfile";
ALTER TABLE "new_SpeakerProfile" RENAME TO "SpeakerProfile";
CREATE INDEX "SpeakerProfile_companyKey_idx" ON "SpeakerProfile"("companyKey");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("cfpClosesAt", "cfpOpensAt", "createdAt", "description", "id", "name", "organizationId", "slug", "timeZone", "updatedAt") SELECT "cfpClosesAt", "cfpOpensAt", "createdAt", "description", "id", "name", "organizationId", "slug", "timeZone", "updatedAt" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE TABLE "new_Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Review_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Reviews were one 1..5 score; it becomes the 0..1 weighted mean of one criterion.
INSERT INTO "new_Review" ("comment", "createdAt", "id", "proposalId", "reviewerId", "score", "updatedAt") SELECT "comment", "createdAt", "id", "proposalId", "reviewerId", ("score" - 1) / 4.0, "updatedAt" FROM "Review";
DROP TABLE "Review";
ALTER TABLE "new_Review" RENAME TO "Review";
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");
CREATE UNIQUE INDEX "Review_proposalId_reviewerId_key" ON "Review"("proposalId", "reviewerId");
CREATE TABLE "new_ProposalStats" (
    "proposalId" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "scoreSum" REAL NOT NULL DEFAULT 0,
    "avgScore" REAL,
    "medianScore" REAL,
    "stddevScore" REAL,
    "minScore" REAL,
    "maxScore" REAL,
    "normalizedScore" REAL,
    "disagreement" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ProposalStats_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Totals move to the 0..1 scale; median, spread and normalized scores are
-- filled by the next statistics refresh (lib/reviews/ranking).
INSERT INTO "new_ProposalStats" ("avgScore", "eventId", "proposalId", "reviewCount", "scoreSum") SELECT ("avgScore" - 1) / 4.0, "eventId", "proposalId", "reviewCount", ("scoreSum" - "reviewCount") / 4.0 FROM "ProposalStats";
DROP TABLE "ProposalStats";
ALTER TABLE "new_ProposalStats" RENAME TO "ProposalStats";
CREATE INDEX "ProposalStats_eventId_avgScore_idx" ON "ProposalStats"("eventId", "avgScore");
CREATE INDEX "ProposalStats_eventId_medianScore_idx" ON "ProposalStats"("eventId", "medianScore");
CREATE INDEX "ProposalStats_eventId_stddevScore_idx" ON "ProposalStats"("eventId", "stddevScore");
CREATE INDEX "ProposalStats_eventId_normalizedScore_idx" ON "ProposalStats"("eventId", "normalizedScore");
CREATE INDEX "ProposalStats_eventId_reviewCount_idx" ON "ProposalStats"("eventId", "reviewCount");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Existing events keep their single 1..5 score as one criterion.
INSERT INTO "ReviewCriterion" ("id", "eventId", "name", "minScore", "maxScore", "weight", "position")
SELECT 'crit' || lower(hex(randomblob(12))), "id", 'Overall', 1, 5, 1, 0 FROM "Event";
INSERT INTO "ReviewScore" ("reviewId", "criterionId", "value")
SELECT r."id", c."id", CAST(round(r."score" * 4 + 1) AS INTEGER)
FROM "Review" r JOIN "Proposal" p ON p."id" = r."proposalId" JOIN "ReviewCriterion" c ON c."eventId" = p."eventId";

-- CreateIndex
CREATE UNIQUE INDEX "ReviewCriterion_eventId_name_key" ON "ReviewCriterion"("eventId", "name");

-- CreateIndex
CREATE INDEX "ReviewScore_criterionId_idx" ON "ReviewScore"("criterionId");

-- CreateIndex
CREATE INDEX "ReviewComment_proposalId_createdAt_idx" ON "ReviewComment"("proposalId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewAssignment_eventId_reviewerId_idx" ON "ReviewAssignment"("eventId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_proposalId_reviewerId_key" ON "ReviewAssignment"("proposalId", "reviewerId");

-- CreateIndex
CREATE INDEX "ProposalConflict_eventId_reviewerId_idx" ON "ProposalConflict"("eventId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalConflict_proposalId_reviewerId_key" ON "ProposalConflict"("proposalId", "reviewerId");

-- CreateIndex
CREATE INDEX "SpeakerConflict_speakerId_idx" ON "SpeakerConflict"("speakerId");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerConflict_eventId_reviewerId_speakerId_key" ON "SpeakerConflict"("eventId", "reviewerId", "speakerId");

