-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "pseudonymizedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RetentionSettings" (
    "id" TEXT NOT NULL DEFAULT 'privacy',
    "unsentCandidateDays" INTEGER NOT NULL,
    "sentCandidateDays" INTEGER NOT NULL,
    "intakeLogDays" INTEGER NOT NULL,
    "importDays" INTEGER NOT NULL,
    "auditPersonalDays" INTEGER NOT NULL,
    "auditEntryDays" INTEGER NOT NULL,
    "outboxDays" INTEGER NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditLog_pseudonymizedAt_at_idx" ON "AuditLog"("pseudonymizedAt", "at");


-- privacy:manage (the Privacy page: retention rules, erasure and access requests) for Admin on
-- existing installations, as a fresh one grants it (lib/permissions/definitions.ts).
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'privacy:manage' FROM "Role" WHERE "id" = 'admin'
ON CONFLICT DO NOTHING;
