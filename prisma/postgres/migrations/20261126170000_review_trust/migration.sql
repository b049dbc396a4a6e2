-- CreateEnum
CREATE TYPE "ReviewVisibility" AS ENUM ('NEVER', 'AFTER_OWN_REVIEW', 'ALWAYS');

-- CreateEnum
CREATE TYPE "AssignmentSource" AS ENUM ('MANUAL', 'AUTO');

-- CreateEnum
CREATE TYPE "ConflictSource" AS ENUM ('REVIEWER', 'ORGANIZER', 'AFFILIATION');

-- CreateEnum
CREATE TYPE "SpeakerConflictStatus" AS ENUM ('ACTIVE', 'DISMISSED');

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "blindReview" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "ratingGuide" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reviewVisibility" "ReviewVisibility" NOT NULL DEFAULT 'AFTER_OWN_REVIEW',
ADD COLUMN     "reviewsPerProposal" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "EventMember" ADD COLUMN     "reviewCap" INTEGER;

-- AlterTable
ALTER TABLE "ProposalStats" ADD COLUMN     "disagreement" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "maxScore" DOUBLE PRECISION,
ADD COLUMN     "medianScore" DOUBLE PRECISION,
ADD COLUMN     "minScore" DOUBLE PRECISION,
ADD COLUMN     "normalizedScore" DOUBLE PRECISION,
ADD COLUMN     "stddevScore" DOUBLE PRECISION,
ALTER COLUMN "scoreSum" SET DEFAULT 0,
ALTER COLUMN "scoreSum" SET DATA TYPE DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Review" ALTER COLUMN "score" SET DATA TYPE DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "SpeakerProfile" ADD COLUMN     "companyKey" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ReviewCriterion" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "minScore" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReviewCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewerTrack" (
    "memberId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,

    CONSTRAINT "ReviewerTrack_pkey" PRIMARY KEY ("memberId","trackId")
);

-- CreateTable
CREATE TABLE "ReviewScore" (
    "reviewId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "ReviewScore_pkey" PRIMARY KEY ("reviewId","criterionId")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "source" "AssignmentSource" NOT NULL DEFAULT 'MANUAL',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalConflict" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "source" "ConflictSource" NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeakerConflict" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "source" "ConflictSource" NOT NULL,
    "status" "SpeakerConflictStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpeakerConflict_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "ProposalStats_eventId_medianScore_idx" ON "ProposalStats"("eventId", "medianScore");

-- CreateIndex
CREATE INDEX "ProposalStats_eventId_stddevScore_idx" ON "ProposalStats"("eventId", "stddevScore");

-- CreateIndex
CREATE INDEX "ProposalStats_eventId_normalizedScore_idx" ON "ProposalStats"("eventId", "normalizedScore");

-- CreateIndex
CREATE INDEX "ProposalStats_eventId_reviewCount_idx" ON "ProposalStats"("eventId", "reviewCount");

-- CreateIndex
CREATE INDEX "SpeakerProfile_companyKey_idx" ON "SpeakerProfile"("companyKey");

-- AddForeignKey
ALTER TABLE "ReviewCriterion" ADD CONSTRAINT "ReviewCriterion_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerTrack" ADD CONSTRAINT "ReviewerTrack_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "EventMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerTrack" ADD CONSTRAINT "ReviewerTrack_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ReviewCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalConflict" ADD CONSTRAINT "ProposalConflict_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalConflict" ADD CONSTRAINT "ProposalConflict_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalConflict" ADD CONSTRAINT "ProposalConflict_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerConflict" ADD CONSTRAINT "SpeakerConflict_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerConflict" ADD CONSTRAINT "SpeakerConflict_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerConflict" ADD CONSTRAINT "SpeakerConflict_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data, as in the SQLite twin: reviews were one 1..5 score; it becomes the
-- 0..1 weighted mean of one "Overall" criterion that every existing event gets.
UPDATE "SpeakerProfile" SET "companyKey" = lower(trim("company"));
UPDATE "Review" SET "score" = ("score" - 1) / 4.0;
UPDATE "ProposalStats" SET "avgScore" = ("avgScore" - 1) / 4.0, "scoreSum" = ("scoreSum" - "reviewCount") / 4.0;
INSERT INTO "ReviewCriterion" ("id", "eventId", "name", "minScore", "maxScore", "weight", "position")
SELECT 'crit' || md5(random()::text || "id"), "id", 'Overall', 1, 5, 1, 0 FROM "Event";
INSERT INTO "ReviewScore" ("reviewId", "criterionId", "value")
SELECT r."id", c."id", CAST(round(r."score" * 4 + 1) AS INTEGER)
FROM "Review" r JOIN "Proposal" p ON p."id" = r."proposalId" JOIN "ReviewCriterion" c ON c."eventId" = p."eventId";
