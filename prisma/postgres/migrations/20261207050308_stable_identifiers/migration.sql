-- Stable identifiers (lib/identifiers). Existing rows are backfilled here:
-- - code: the row's creation rank n (1, 2, 3…) mapped to n * 3^18 mod 28^6, a
--   bijection on 0..28^6-1 (3^18 is coprime with 28^6), written in base 28 (most significant digit first) over
--   pretalx's unambiguous alphabet: six characters, distinct for every row.
--   Codes of new rows are random (checked against existing ones before insert).
-- - number: the proposal's rank within its event by creation; the event's
--   lastProposalNumber is its proposal count, so new proposals continue from there.
-- - guid: a random UUID (version 4).

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "lastProposalNumber" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "code" TEXT,
ADD COLUMN     "guid" TEXT,
ADD COLUMN     "number" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "code" TEXT;

-- Backfill
UPDATE "Proposal" SET
  "code" = substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 17210368) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 614656) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 21952) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 784) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 28) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', (src."v" % 28 + 1)::int, 1),
  "number" = src."n",
  "guid" = gen_random_uuid()::text
FROM (SELECT "id", (ROW_NUMBER() OVER (ORDER BY "createdAt", "id") * 387420489) % 481890304 AS "v",
             ROW_NUMBER() OVER (PARTITION BY "eventId" ORDER BY "createdAt", "id") AS "n" FROM "Proposal") AS src
WHERE "Proposal"."id" = src."id";

UPDATE "User" SET "code" = substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 17210368) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 614656) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 21952) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 784) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', ((src."v" / 28) % 28 + 1)::int, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ3789', (src."v" % 28 + 1)::int, 1)
FROM (SELECT "id", (ROW_NUMBER() OVER (ORDER BY "createdAt", "id") * 387420489) % 481890304 AS "v" FROM "User") AS src
WHERE "User"."id" = src."id";

UPDATE "Event" SET "lastProposalNumber" = (SELECT COUNT(*) FROM "Proposal" AS p WHERE p."eventId" = "Event"."id");

ALTER TABLE "Proposal" ALTER COLUMN "code" SET NOT NULL,
ALTER COLUMN "guid" SET NOT NULL,
ALTER COLUMN "number" SET NOT NULL;

ALTER TABLE "User" ALTER COLUMN "code" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_code_key" ON "Proposal"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_guid_key" ON "Proposal"("guid");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_eventId_number_key" ON "Proposal"("eventId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "User_code_key" ON "User"("code");
