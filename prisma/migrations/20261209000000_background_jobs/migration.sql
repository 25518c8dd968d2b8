-- Background jobs (lib/background/): one runner for the import and the work to come.
-- CreateTable
CREATE TABLE "BackgroundJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseToken" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- Imports queued or running when this version is installed go on as background jobs (the
-- runner's lease replaces CandidateImport.leaseUntil); one job per import, keyed by its id.
INSERT INTO "BackgroundJob" ("id", "kind", "key", "payload", "status", "attempts", "runAfter", "createdAt", "updatedAt")
SELECT 'import-' || "id", 'import', "id", '{"importId":"' || "id" || '"}', 'QUEUED', 0, "createdAt", "createdAt", "createdAt"
FROM "CandidateImport" WHERE "status" IN ('QUEUED', 'RUNNING');

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
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);
INSERT INTO "new_CandidateImport" ("createdAt", "createdById", "createdCount", "date1904", "delimiter", "encoding", "errorCode", "externalSource", "fileName", "fileSha256", "fileSize", "finishedAt", "format", "headerRow", "headers", "id", "keptInPersonioCount", "mapping", "processedRows", "rejectedCount", "sheet", "sheets", "startedAt", "status", "totalRows", "unchangedCount", "updatedCount") SELECT "createdAt", "createdById", "createdCount", "date1904", "delimiter", "encoding", "errorCode", "externalSource", "fileName", "fileSha256", "fileSize", "finishedAt", "format", "headerRow", "headers", "id", "keptInPersonioCount", "mapping", "processedRows", "rejectedCount", "sheet", "sheets", "startedAt", "status", "totalRows", "unchangedCount", "updatedCount" FROM "CandidateImport";
DROP TABLE "CandidateImport";
ALTER TABLE "new_CandidateImport" RENAME TO "CandidateImport";
CREATE INDEX "CandidateImport_status_idx" ON "CandidateImport"("status");
CREATE INDEX "CandidateImport_createdAt_idx" ON "CandidateImport"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BackgroundJob_status_runAfter_idx" ON "BackgroundJob"("status", "runAfter");

-- CreateIndex
CREATE UNIQUE INDEX "BackgroundJob_kind_key_key" ON "BackgroundJob"("kind", "key");

