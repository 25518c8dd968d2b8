-- CreateTable
CREATE TABLE "CandidateDocument" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "extension" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'OTHER',
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "transferStatus" TEXT NOT NULL DEFAULT 'NONE',
    "personioCategoryId" INTEGER,
    "personioDocumentId" INTEGER,
    "transferError" TEXT,
    "transferAttempts" INTEGER NOT NULL DEFAULT 0,
    "transferredAt" TIMESTAMP(3),

    CONSTRAINT "CandidateDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentSettings" (
    "id" TEXT NOT NULL DEFAULT 'documents',
    "cvCategoryId" INTEGER,
    "contractCategoryId" INTEGER,
    "otherCategoryId" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CandidateDocument_candidateId_createdAt_idx" ON "CandidateDocument"("candidateId", "createdAt");

-- AddForeignKey
ALTER TABLE "CandidateDocument" ADD CONSTRAINT "CandidateDocument_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- documents:read and documents:upload for Admin and Recruiter on existing installations, as a
-- fresh one grants them (lib/permissions/definitions.ts).
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'documents:read' FROM "Role" WHERE "id" IN ('admin', 'recruiter')
ON CONFLICT DO NOTHING;
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'documents:upload' FROM "Role" WHERE "id" IN ('admin', 'recruiter')
ON CONFLICT DO NOTHING;
