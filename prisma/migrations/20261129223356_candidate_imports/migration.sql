-- CreateTable
CREATE TABLE "CandidateImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "leaseUntil" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "CandidateImportFile" (
    "importId" TEXT NOT NULL PRIMARY KEY,
    "content" BLOB NOT NULL,
    CONSTRAINT "CandidateImportFile_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CandidateImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CandidateImportRejection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "importId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL,
    "cells" TEXT NOT NULL,
    CONSTRAINT "CandidateImportRejection_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CandidateImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CandidateImport_status_idx" ON "CandidateImport"("status");

-- CreateIndex
CREATE INDEX "CandidateImport_createdAt_idx" ON "CandidateImport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateImportRejection_importId_rowNumber_key" ON "CandidateImportRejection"("importId", "rowNumber");


-- New permissions: Admin gets them in an existing installation too (a fresh one is seeded with
-- them). Other roles get them only when an admin grants them.
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'candidates:import' FROM "Role" WHERE "id" = 'admin'
ON CONFLICT DO NOTHING;
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'jobs:manage' FROM "Role" WHERE "id" = 'admin'
ON CONFLICT DO NOTHING;
