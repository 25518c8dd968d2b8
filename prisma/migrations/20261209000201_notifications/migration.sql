-- AlterTable
ALTER TABLE "PersonioIntegration" ADD COLUMN "failingSince" DATETIME;

-- CreateTable
CREATE TABLE "NewHireNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" DATETIME,
    CONSTRAINT "NewHireNotice_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "newEmployeeAddresses" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT,
    "roleId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT,
    "timeZone" TEXT,
    "lastSignInAt" DATETIME,
    "notifyNewHires" TEXT NOT NULL DEFAULT 'DIGEST',
    "notifySendFailures" BOOLEAN NOT NULL DEFAULT true,
    "notifyConnection" BOOLEAN NOT NULL DEFAULT true,
    "lastDigestAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_User" ("active", "createdAt", "email", "id", "lastSignInAt", "locale", "name", "passwordHash", "roleId", "sessionVersion", "timeZone", "updatedAt") SELECT "active", "createdAt", "email", "id", "lastSignInAt", "locale", "name", "passwordHash", "roleId", "sessionVersion", "timeZone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "NewHireNotice_notifiedAt_createdAt_idx" ON "NewHireNotice"("notifiedAt", "createdAt");

-- CreateIndex
CREATE INDEX "NewHireNotice_createdAt_idx" ON "NewHireNotice"("createdAt");

