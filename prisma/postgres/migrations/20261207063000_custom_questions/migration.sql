-- CreateEnum
CREATE TYPE "QuestionTarget" AS ENUM ('SUBMISSION', 'SPEAKER', 'REVIEWER');

-- CreateEnum
CREATE TYPE "QuestionVariant" AS ENUM ('STRING', 'TEXT', 'NUMBER', 'URL', 'DATE', 'DATETIME', 'BOOLEAN', 'CHOICES', 'MULTIPLE_CHOICE');

-- CreateEnum
CREATE TYPE "QuestionRequirement" AS ENUM ('OPTIONAL', 'REQUIRED', 'AFTER_DEADLINE');

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "target" "QuestionTarget" NOT NULL,
    "variant" "QuestionVariant" NOT NULL,
    "question" TEXT NOT NULL,
    "helpText" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "minLength" INTEGER,
    "maxLength" INTEGER,
    "minNumber" DOUBLE PRECISION,
    "maxNumber" DOUBLE PRECISION,
    "minDate" TEXT,
    "maxDate" TEXT,
    "minChoices" INTEGER,
    "maxChoices" INTEGER,
    "requirement" "QuestionRequirement" NOT NULL DEFAULT 'OPTIONAL',
    "deadline" TIMESTAMP(3),
    "freezeAfter" TIMESTAMP(3),
    "visibleToReviewers" BOOLEAN NOT NULL DEFAULT true,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "personalData" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionOption" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QuestionOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "proposalId" TEXT,
    "speakerId" TEXT,
    "reviewId" TEXT,
    "answer" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_QuestionToTrack" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_QuestionToTrack_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_QuestionToSessionType" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_QuestionToSessionType_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_AnswerToQuestionOption" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_AnswerToQuestionOption_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Question_eventId_target_position_idx" ON "Question"("eventId", "target", "position");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionOption_questionId_identifier_key" ON "QuestionOption"("questionId", "identifier");

-- CreateIndex
CREATE INDEX "Answer_proposalId_idx" ON "Answer"("proposalId");

-- CreateIndex
CREATE INDEX "Answer_speakerId_idx" ON "Answer"("speakerId");

-- CreateIndex
CREATE INDEX "Answer_reviewId_idx" ON "Answer"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_questionId_proposalId_key" ON "Answer"("questionId", "proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_questionId_speakerId_key" ON "Answer"("questionId", "speakerId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_questionId_reviewId_key" ON "Answer"("questionId", "reviewId");

-- CreateIndex
CREATE INDEX "_QuestionToTrack_B_index" ON "_QuestionToTrack"("B");

-- CreateIndex
CREATE INDEX "_QuestionToSessionType_B_index" ON "_QuestionToSessionType"("B");

-- CreateIndex
CREATE INDEX "_AnswerToQuestionOption_B_index" ON "_AnswerToQuestionOption"("B");

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionOption" ADD CONSTRAINT "QuestionOption_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_QuestionToTrack" ADD CONSTRAINT "_QuestionToTrack_A_fkey" FOREIGN KEY ("A") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_QuestionToTrack" ADD CONSTRAINT "_QuestionToTrack_B_fkey" FOREIGN KEY ("B") REFERENCES "Track"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_QuestionToSessionType" ADD CONSTRAINT "_QuestionToSessionType_A_fkey" FOREIGN KEY ("A") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_QuestionToSessionType" ADD CONSTRAINT "_QuestionToSessionType_B_fkey" FOREIGN KEY ("B") REFERENCES "SessionType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AnswerToQuestionOption" ADD CONSTRAINT "_AnswerToQuestionOption_A_fkey" FOREIGN KEY ("A") REFERENCES "Answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AnswerToQuestionOption" ADD CONSTRAINT "_AnswerToQuestionOption_B_fkey" FOREIGN KEY ("B") REFERENCES "QuestionOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;
