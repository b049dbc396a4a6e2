-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "maxProposalsPerSpeaker" INTEGER;

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT '',
    "public" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalTag" (
    "proposalId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "ProposalTag_pkey" PRIMARY KEY ("proposalId","tagId")
);

-- CreateTable
CREATE TABLE "ProposalSearch" (
    "id" SERIAL NOT NULL,
    "proposalId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "answers" TEXT NOT NULL DEFAULT '',
    "speakers" TEXT NOT NULL DEFAULT '',
    "identity" TEXT NOT NULL DEFAULT '',
    "internal" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ProposalSearch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tag_eventId_nameKey_key" ON "Tag"("eventId", "nameKey");

-- CreateIndex
CREATE INDEX "ProposalTag_tagId_idx" ON "ProposalTag"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalSearch_proposalId_key" ON "ProposalSearch"("proposalId");

-- CreateIndex
CREATE INDEX "ProposalSearch_eventId_idx" ON "ProposalSearch"("eventId");

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalTag" ADD CONSTRAINT "ProposalTag_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalTag" ADD CONSTRAINT "ProposalTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalSearch" ADD CONSTRAINT "ProposalSearch_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (docs/decisions/0019-search-tags-caps.md): the full-text index.
-- One GIN index on a weighted tsvector: A = content and answers (any reviewer), B =
-- speakers and identity (not while blind), C = internal (organizers). Queries
-- repeat this exact expression (lib/search/match.ts) so the planner uses it.
CREATE INDEX "ProposalSearch_document_idx" ON "ProposalSearch" USING GIN ((
    setweight(to_tsvector('simple'::regconfig, "content" || E'\n' || "answers"), 'A') ||
    setweight(to_tsvector('simple'::regconfig, "speakers" || E'\n' || "identity"), 'B') ||
    setweight(to_tsvector('simple'::regconfig, "internal"), 'C')
));

-- ProposalSearch.content follows the proposal's title, abstract and notes.
CREATE FUNCTION "proposal_search_content"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "ProposalSearch" ("proposalId", "eventId", "content")
        VALUES (NEW."id", NEW."eventId", NEW."title" || E'\n' || NEW."abstract" || E'\n' || NEW."notes");
    ELSE
        UPDATE "ProposalSearch"
        SET "content" = NEW."title" || E'\n' || NEW."abstract" || E'\n' || NEW."notes"
        WHERE "proposalId" = NEW."id";
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Proposal_search_content" AFTER INSERT OR UPDATE OF "title", "abstract", "notes" ON "Proposal"
FOR EACH ROW EXECUTE FUNCTION "proposal_search_content"();

-- ProposalSearch.speakers follows who speaks on the proposal and their names.
CREATE FUNCTION "proposal_search_speakers"(proposal_ids TEXT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE "ProposalSearch" s
    SET "speakers" = (SELECT coalesce(string_agg(u."name", E'\n'), '') FROM "ProposalSpeaker" ps
                      JOIN "User" u ON u."id" = ps."userId" WHERE ps."proposalId" = s."proposalId")
    WHERE s."proposalId" = ANY(proposal_ids);
$$;

CREATE FUNCTION "proposal_speaker_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'User' THEN
        PERFORM "proposal_search_speakers"(ARRAY(SELECT "proposalId" FROM "ProposalSpeaker" WHERE "userId" = NEW."id"));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "proposal_search_speakers"(ARRAY[OLD."proposalId"]);
    ELSE
        PERFORM "proposal_search_speakers"(ARRAY[NEW."proposalId"]);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ProposalSpeaker_search" AFTER INSERT OR DELETE ON "ProposalSpeaker"
FOR EACH ROW EXECUTE FUNCTION "proposal_speaker_search"();

CREATE TRIGGER "User_search_name" AFTER UPDATE OF "name" ON "User"
FOR EACH ROW EXECUTE FUNCTION "proposal_speaker_search"();

-- Backfill: every existing proposal.
INSERT INTO "ProposalSearch" ("proposalId", "eventId", "content")
SELECT "id", "eventId", "title" || E'\n' || "abstract" || E'\n' || "notes" FROM "Proposal";
SELECT "proposal_search_speakers"(ARRAY(SELECT "id" FROM "Proposal"));
