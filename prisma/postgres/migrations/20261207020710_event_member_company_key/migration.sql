-- AlterTable
ALTER TABLE "EventMember" ADD COLUMN     "companyKey" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "EventMember_eventId_companyKey_idx" ON "EventMember"("eventId", "companyKey");

-- Backfill: each member keeps the company their profile has now (ADR 0009).
UPDATE "EventMember" SET "companyKey" = COALESCE((SELECT "companyKey" FROM "SpeakerProfile" WHERE "SpeakerProfile"."userId" = "EventMember"."userId"), '');
