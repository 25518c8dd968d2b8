-- Issue 15: candidates from other systems (source + external id, start date, department and office
-- per candidate), REST API keys and idempotency records, spreadsheet imports. New columns and
-- tables only: existing rows stay valid (the new columns are nullable).

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "department" TEXT,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "externalSource" TEXT,
ADD COLUMN     "office" TEXT,
ADD COLUMN     "startDate" TEXT;

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiIdempotencyRecord" (
    "id" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "responseBody" TEXT,
    "location" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiIdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "encoding" TEXT,
    "delimiter" TEXT,
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
    "leaseUntil" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CandidateImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateImportFileChunk" (
    "importId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "CandidateImportFileChunk_pkey" PRIMARY KEY ("importId","index")
);

-- CreateTable
CREATE TABLE "CandidateImportRejection" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL,
    "cells" TEXT NOT NULL,

    CONSTRAINT "CandidateImportRejection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_createdAt_idx" ON "ApiKey"("createdAt");

-- CreateIndex
CREATE INDEX "ApiIdempotencyRecord_createdAt_idx" ON "ApiIdempotencyRecord"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiIdempotencyRecord_apiKeyId_key_key" ON "ApiIdempotencyRecord"("apiKeyId", "key");

-- CreateIndex
CREATE INDEX "CandidateImport_status_idx" ON "CandidateImport"("status");

-- CreateIndex
CREATE INDEX "CandidateImport_createdAt_idx" ON "CandidateImport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateImportRejection_importId_rowNumber_key" ON "CandidateImportRejection"("importId", "rowNumber");

-- CreateIndex
CREATE INDEX "Candidate_updatedAt_idx" ON "Candidate"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_externalSource_externalId_key" ON "Candidate"("externalSource", "externalId");

-- AddForeignKey
ALTER TABLE "CandidateImportFileChunk" ADD CONSTRAINT "CandidateImportFileChunk_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CandidateImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateImportRejection" ADD CONSTRAINT "CandidateImportRejection_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CandidateImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- New permissions: Admin gets them in an existing installation too (a fresh one is seeded with
-- them). Other roles get them only when an admin grants them.
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'candidates:import' FROM "Role" WHERE "id" = 'admin'
ON CONFLICT DO NOTHING;
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'jobs:manage' FROM "Role" WHERE "id" = 'admin'
ON CONFLICT DO NOTHING;
