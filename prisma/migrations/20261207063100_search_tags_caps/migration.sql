-- AlterTable
ALTER TABLE "Event" ADD COLUMN "maxProposalsPerSpeaker" INTEGER;

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT '',
    "public" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Tag_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalTag" (
    "proposalId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    PRIMARY KEY ("proposalId", "tagId"),
    CONSTRAINT "ProposalTag_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalSearch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "proposalId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "answers" TEXT NOT NULL DEFAULT '',
    "speakers" TEXT NOT NULL DEFAULT '',
    "identity" TEXT NOT NULL DEFAULT '',
    "internal" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ProposalSearch_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Tag_eventId_nameKey_key" ON "Tag"("eventId", "nameKey");

-- CreateIndex
CREATE INDEX "ProposalTag_tagId_idx" ON "ProposalTag"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalSearch_proposalId_key" ON "ProposalSearch"("proposalId");

-- CreateIndex
CREATE INDEX "ProposalSearch_eventId_idx" ON "ProposalSearch"("eventId");

-- Hand-written (docs/decisions/0019-search-tags-caps.md): the full-text index.
-- ProposalSearchFts indexes ProposalSearch (an external-content FTS5 table:
-- it stores only the index; its rowid is ProposalSearch.id, an INTEGER
-- PRIMARY KEY, so VACUUM keeps it). Triggers keep it in step with
-- ProposalSearch, and ProposalSearch's content and speakers in step with the
-- proposal, its speakers and their names. scripts/db/lib.mjs keeps Prisma's
-- diff from dropping these tables.
CREATE VIRTUAL TABLE "ProposalSearchFts" USING fts5(
    "content", "answers", "speakers", "identity", "internal",
    content='ProposalSearch', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER "ProposalSearch_fts_insert" AFTER INSERT ON "ProposalSearch" BEGIN
    INSERT INTO "ProposalSearchFts" (rowid, "content", "answers", "speakers", "identity", "internal")
    VALUES (new."id", new."content", new."answers", new."speakers", new."identity", new."internal");
END;

CREATE TRIGGER "ProposalSearch_fts_delete" AFTER DELETE ON "ProposalSearch" BEGIN
    INSERT INTO "ProposalSearchFts" ("ProposalSearchFts", rowid, "content", "answers", "speakers", "identity", "internal")
    VALUES ('delete', old."id", old."content", old."answers", old."speakers", old."identity", old."internal");
END;

CREATE TRIGGER "ProposalSearch_fts_update" AFTER UPDATE ON "ProposalSearch" BEGIN
    INSERT INTO "ProposalSearchFts" ("ProposalSearchFts", rowid, "content", "answers", "speakers", "identity", "internal")
    VALUES ('delete', old."id", old."content", old."answers", old."speakers", old."identity", old."internal");
    INSERT INTO "ProposalSearchFts" (rowid, "content", "answers", "speakers", "identity", "internal")
    VALUES (new."id", new."content", new."answers", new."speakers", new."identity", new."internal");
END;

CREATE TRIGGER "Proposal_search_insert" AFTER INSERT ON "Proposal" BEGIN
    INSERT INTO "ProposalSearch" ("proposalId", "eventId", "content")
    VALUES (new."id", new."eventId", new."title" || char(10) || new."abstract" || char(10) || new."notes");
END;

CREATE TRIGGER "Proposal_search_update" AFTER UPDATE OF "title", "abstract", "notes" ON "Proposal" BEGIN
    UPDATE "ProposalSearch"
    SET "content" = new."title" || char(10) || new."abstract" || char(10) || new."notes"
    WHERE "proposalId" = new."id";
END;

CREATE TRIGGER "ProposalSpeaker_search_insert" AFTER INSERT ON "ProposalSpeaker" BEGIN
    UPDATE "ProposalSearch"
    SET "speakers" = (SELECT coalesce(group_concat(u."name", char(10)), '') FROM "ProposalSpeaker" ps
                      JOIN "User" u ON u."id" = ps."userId" WHERE ps."proposalId" = new."proposalId")
    WHERE "proposalId" = new."proposalId";
END;

CREATE TRIGGER "ProposalSpeaker_search_delete" AFTER DELETE ON "ProposalSpeaker" BEGIN
    UPDATE "ProposalSearch"
    SET "speakers" = (SELECT coalesce(group_concat(u."name", char(10)), '') FROM "ProposalSpeaker" ps
                      JOIN "User" u ON u."id" = ps."userId" WHERE ps."proposalId" = old."proposalId")
    WHERE "proposalId" = old."proposalId";
END;

CREATE TRIGGER "User_search_name" AFTER UPDATE OF "name" ON "User" BEGIN
    UPDATE "ProposalSearch"
    SET "speakers" = (SELECT coalesce(group_concat(u."name", char(10)), '') FROM "ProposalSpeaker" ps
                      JOIN "User" u ON u."id" = ps."userId" WHERE ps."proposalId" = "ProposalSearch"."proposalId")
    WHERE "proposalId" IN (SELECT "proposalId" FROM "ProposalSpeaker" WHERE "userId" = new."id");
END;

-- Backfill: every existing proposal (the insert trigger fills the FTS index).
INSERT INTO "ProposalSearch" ("proposalId", "eventId", "content", "speakers")
SELECT p."id", p."eventId", p."title" || char(10) || p."abstract" || char(10) || p."notes",
       (SELECT coalesce(group_concat(u."name", char(10)), '') FROM "ProposalSpeaker" ps
        JOIN "User" u ON u."id" = ps."userId" WHERE ps."proposalId" = p."id")
FROM "Proposal" p;
