-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Installation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setupAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "setupBy" TEXT NOT NULL,
    "firstAdminId" TEXT
);

-- CreateTable
CREATE TABLE "HandoffSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sendableStages" TEXT NOT NULL DEFAULT 'HIRED',
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_User" ("active", "createdAt", "email", "id", "locale", "name", "passwordHash", "roleId", "timeZone", "updatedAt") SELECT "active", "createdAt", "email", "id", "locale", "name", "passwordHash", "roleId", "timeZone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_idx" ON "AccountToken"("userId");


-- Roles and their default permissions are part of every installation (before this migration the
-- seed script made them). A role that already exists keeps its name and its permissions as admins set them.
INSERT INTO "Role" ("id", "name", "position") VALUES
    ('admin', 'Admin', 0),
    ('recruiter', 'Recruiter', 1),
    ('hiring_manager', 'Hiring manager', 2),
    ('interviewer', 'Interviewer', 3)
ON CONFLICT ("id") DO NOTHING;

INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "roleId", "permission" FROM (
    SELECT 'admin' AS "roleId", 'candidates:read' AS "permission"
    UNION ALL SELECT 'admin' AS "roleId", 'personio:send' AS "permission"
    UNION ALL SELECT 'admin' AS "roleId", 'personio:see-badge' AS "permission"
    UNION ALL SELECT 'admin' AS "roleId", 'integrations:manage' AS "permission"
    UNION ALL SELECT 'admin' AS "roleId", 'users:manage' AS "permission"
    UNION ALL SELECT 'admin' AS "roleId", 'audit:read' AS "permission"
) AS "defaults"
WHERE NOT EXISTS (SELECT 1 FROM "RolePermission" WHERE "roleId" = 'admin');

INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "roleId", "permission" FROM (
    SELECT 'recruiter' AS "roleId", 'candidates:read' AS "permission"
    UNION ALL SELECT 'recruiter' AS "roleId", 'personio:send' AS "permission"
    UNION ALL SELECT 'recruiter' AS "roleId", 'personio:see-badge' AS "permission"
) AS "defaults"
WHERE NOT EXISTS (SELECT 1 FROM "RolePermission" WHERE "roleId" = 'recruiter');

INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "roleId", "permission" FROM (
    SELECT 'hiring_manager' AS "roleId", 'candidates:read' AS "permission"
    UNION ALL SELECT 'hiring_manager' AS "roleId", 'personio:see-badge' AS "permission"
) AS "defaults"
WHERE NOT EXISTS (SELECT 1 FROM "RolePermission" WHERE "roleId" = 'hiring_manager');

INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "roleId", "permission" FROM (
    SELECT 'interviewer' AS "roleId", 'candidates:read' AS "permission"
) AS "defaults"
WHERE NOT EXISTS (SELECT 1 FROM "RolePermission" WHERE "roleId" = 'interviewer');

-- A database that already has users was set up before this migration (by the demo data): no setup page there.
INSERT INTO "Installation" ("id", "setupBy") SELECT 'installation', 'migration' WHERE EXISTS (SELECT 1 FROM "User");
