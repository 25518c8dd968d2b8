-- CreateTable
CREATE TABLE "CandidateDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "extension" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'OTHER',
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "transferStatus" TEXT NOT NULL DEFAULT 'NONE',
    "personioCategoryId" INTEGER,
    "personioDocumentId" INTEGER,
    "transferError" TEXT,
    "transferAttempts" INTEGER NOT NULL DEFAULT 0,
    "transferredAt" DATETIME,
    CONSTRAINT "CandidateDocument_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'documents',
    "cvCategoryId" INTEGER,
    "contractCategoryId" INTEGER,
    "otherCategoryId" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CandidateDocument_candidateId_createdAt_idx" ON "CandidateDocument"("candidateId", "createdAt");


-- documents:read and documents:upload for Admin and Recruiter on existing installations, as a
-- fresh one grants them (lib/permissions/definitions.ts).
INSERT OR IGNORE INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'documents:read' FROM "Role" WHERE "id" IN ('admin', 'recruiter');
INSERT OR IGNORE INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'documents:upload' FROM "Role" WHERE "id" IN ('admin', 'recruiter');
