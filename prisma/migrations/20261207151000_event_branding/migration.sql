-- CreateTable
CREATE TABLE "EventBranding" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "accentColor" TEXT,
    "logo" BLOB,
    "logoType" TEXT,
    "logoWidth" INTEGER,
    "logoHeight" INTEGER,
    "logoHash" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EventBranding_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
