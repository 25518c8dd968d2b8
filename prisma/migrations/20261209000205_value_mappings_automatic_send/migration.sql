-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN "automaticRuleId" TEXT;

-- CreateTable
CREATE TABLE "ValueMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "fieldKey" TEXT NOT NULL,
    "atsValue" TEXT NOT NULL,
    "atsValueKey" TEXT NOT NULL,
    "personioValue" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AutomaticSendRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ValueMapping_fieldKey_atsValueKey_idx" ON "ValueMapping"("fieldKey", "atsValueKey");

-- CreateIndex
CREATE UNIQUE INDEX "ValueMapping_source_fieldKey_atsValueKey_key" ON "ValueMapping"("source", "fieldKey", "atsValueKey");

-- CreateIndex
CREATE UNIQUE INDEX "AutomaticSendRule_source_stage_key" ON "AutomaticSendRule"("source", "stage");


-- mappings:manage (value mappings: the mappings page and the review form's "Remember") for Admin
-- and Recruiter on existing installations, as a fresh one grants it (lib/permissions/definitions.ts).
INSERT OR IGNORE INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'mappings:manage' FROM "Role" WHERE "id" IN ('admin', 'recruiter');
