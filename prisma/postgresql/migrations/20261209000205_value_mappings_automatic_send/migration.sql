-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN     "automaticRuleId" TEXT;

-- CreateTable
CREATE TABLE "ValueMapping" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fieldKey" TEXT NOT NULL,
    "atsValue" TEXT NOT NULL,
    "atsValueKey" TEXT NOT NULL,
    "personioValue" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ValueMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomaticSendRule" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AutomaticSendRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ValueMapping_fieldKey_atsValueKey_idx" ON "ValueMapping"("fieldKey", "atsValueKey");

-- CreateIndex
CREATE UNIQUE INDEX "ValueMapping_source_fieldKey_atsValueKey_key" ON "ValueMapping"("source", "fieldKey", "atsValueKey");

-- CreateIndex
CREATE UNIQUE INDEX "AutomaticSendRule_source_stage_key" ON "AutomaticSendRule"("source", "stage");


-- mappings:manage (value mappings: the mappings page and the review form's "Remember") for Admin
-- and Recruiter on existing installations, as a fresh one grants it (lib/permissions/definitions.ts).
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'mappings:manage' FROM "Role" WHERE "id" IN ('admin', 'recruiter')
ON CONFLICT DO NOTHING;
