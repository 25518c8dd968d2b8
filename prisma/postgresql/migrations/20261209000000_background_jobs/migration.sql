-- Background jobs (lib/background/): one runner for the import and the work to come.
-- CreateTable
CREATE TABLE "BackgroundJob" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BackgroundJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackgroundJob_status_runAfter_idx" ON "BackgroundJob"("status", "runAfter");

-- CreateIndex
CREATE UNIQUE INDEX "BackgroundJob_kind_key_key" ON "BackgroundJob"("kind", "key");

-- Imports queued or running when this version is installed go on as background jobs (the
-- runner's lease replaces CandidateImport.leaseUntil); one job per import, keyed by its id.
INSERT INTO "BackgroundJob" ("id", "kind", "key", "payload", "status", "attempts", "runAfter", "createdAt", "updatedAt")
SELECT 'import-' || "id", 'import', "id", '{"importId":"' || "id" || '"}', 'QUEUED', 0, "createdAt", "createdAt", "createdAt"
FROM "CandidateImport" WHERE "status" IN ('QUEUED', 'RUNNING');

-- AlterTable
ALTER TABLE "CandidateImport" DROP COLUMN "leaseUntil";
