-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EventMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "reviewCap" INTEGER,
    "companyKey" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EventMember_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EventMember" ("createdAt", "eventId", "id", "reviewCap", "role", "userId") SELECT "createdAt", "eventId", "id", "reviewCap", "role", "userId" FROM "EventMember";
DROP TABLE "EventMember";
ALTER TABLE "new_EventMember" RENAME TO "EventMember";
-- Backfill: each member keeps the company their profile has now (ADR 0009).
UPDATE "EventMember" SET "companyKey" = COALESCE((SELECT "companyKey" FROM "SpeakerProfile" WHERE "SpeakerProfile"."userId" = "EventMember"."userId"), '');
CREATE INDEX "EventMember_userId_idx" ON "EventMember"("userId");
CREATE INDEX "EventMember_eventId_companyKey_idx" ON "EventMember"("eventId", "companyKey");
CREATE UNIQUE INDEX "EventMember_eventId_userId_key" ON "EventMember"("eventId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
