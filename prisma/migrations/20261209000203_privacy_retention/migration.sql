-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN "erasedAt" DATETIME;

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "pseudonymizedAt" DATETIME;

-- CreateTable
CREATE TABLE "RetentionSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'privacy',
    "unsentCandidateDays" INTEGER NOT NULL,
    "sentCandidateDays" INTEGER NOT NULL,
    "intakeLogDays" INTEGER NOT NULL,
    "importDays" INTEGER NOT NULL,
    "auditPersonalDays" INTEGER NOT NULL,
    "auditEntryDays" INTEGER NOT NULL,
    "outboxDays" INTEGER NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "AuditLog_pseudonymizedAt_at_idx" ON "AuditLog"("pseudonymizedAt", "at");


-- privacy:manage (the Privacy page: retention rules, erasure and access requests) for Admin on
-- existing installations, as a fresh one grants it (lib/permissions/definitions.ts).
INSERT OR IGNORE INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'privacy:manage' FROM "Role" WHERE "id" = 'admin';
