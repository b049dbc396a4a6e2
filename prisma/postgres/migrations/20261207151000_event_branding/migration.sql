-- CreateTable
CREATE TABLE "EventBranding" (
    "eventId" TEXT NOT NULL,
    "accentColor" TEXT,
    "logo" BYTEA,
    "logoType" TEXT,
    "logoWidth" INTEGER,
    "logoHeight" INTEGER,
    "logoHash" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventBranding_pkey" PRIMARY KEY ("eventId")
);

-- AddForeignKey
ALTER TABLE "EventBranding" ADD CONSTRAINT "EventBranding_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
