-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CandidateImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "encoding" TEXT,
    "delimiter" TEXT,
    "sheets" TEXT,
    "sheet" INTEGER,
    "headerRow" INTEGER,
    "date1904" BOOLEAN NOT NULL DEFAULT false,
    "externalSource" TEXT NOT NULL,
    "headers" TEXT NOT NULL,
    "mapping" TEXT,
    "status" TEXT NOT NULL,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "keptInPersonioCount" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "leaseUntil" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);
INSERT INTO "new_CandidateImport" ("createdAt", "createdById", "createdCount", "delimiter", "encoding", "errorCode", "externalSource", "fileName", "fileSha256", "fileSize", "finishedAt", "format", "headers", "id", "keptInPersonioCount", "leaseUntil", "mapping", "processedRows", "rejectedCount", "startedAt", "status", "totalRows", "unchangedCount", "updatedCount") SELECT "createdAt", "createdById", "createdCount", "delimiter", "encoding", "errorCode", "externalSource", "fileName", "fileSha256", "fileSize", "finishedAt", "format", "headers", "id", "keptInPersonioCount", "leaseUntil", "mapping", "processedRows", "rejectedCount", "startedAt", "status", "totalRows", "unchangedCount", "updatedCount" FROM "CandidateImport";
DROP TABLE "CandidateImport";
ALTER TABLE "new_CandidateImport" RENAME TO "CandidateImport";
CREATE INDEX "CandidateImport_status_idx" ON "CandidateImport"("status");
CREATE INDEX "CandidateImport_createdAt_idx" ON "CandidateImport"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

