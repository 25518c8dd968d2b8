-- CreateTable
CREATE TABLE "PersonioFieldConfig" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'personio',
    "fields" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PersonioOptionCache" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'personio',
    "data" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Handoff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "claimToken" TEXT,
    "claimedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "personioEmployeeId" INTEGER,
    "personioSubdomain" TEXT,
    "sentById" TEXT,
    "sentAt" DATETIME,
    "sentFields" TEXT,
    "personioWarnings" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "lastErrorCode" TEXT,
    "lastErrorField" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Handoff_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Handoff_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Handoff" ("attempts", "candidateId", "claimToken", "claimedAt", "createdAt", "id", "lastErrorCode", "lastErrorField", "personioEmployeeId", "personioSubdomain", "sentAt", "sentById", "sentFields", "status", "updatedAt") SELECT "attempts", "candidateId", "claimToken", "claimedAt", "createdAt", "id", "lastErrorCode", "lastErrorField", "personioEmployeeId", "personioSubdomain", "sentAt", "sentById", "sentFields", "status", "updatedAt" FROM "Handoff";
DROP TABLE "Handoff";
ALTER TABLE "new_Handoff" RENAME TO "Handoff";
CREATE UNIQUE INDEX "Handoff_candidateId_key" ON "Handoff"("candidateId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- personio:update (Update in Personio) for Admin and Recruiter on existing installations, as a
-- fresh one grants it (lib/permissions/definitions.ts); admins change it per role afterwards.
INSERT OR IGNORE INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'personio:update' FROM "Role" WHERE "id" IN ('admin', 'recruiter');
