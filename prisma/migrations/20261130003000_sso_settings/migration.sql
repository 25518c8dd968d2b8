-- CreateTable
CREATE TABLE "SsoSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'sso',
    "preset" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretEncrypted" TEXT NOT NULL,
    "buttonLabel" TEXT NOT NULL,
    "allowedDomains" TEXT NOT NULL,
    "provisioning" TEXT NOT NULL DEFAULT 'existing',
    "defaultRoleId" TEXT NOT NULL DEFAULT 'interviewer',
    "groupsClaim" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "breakGlassUserId" TEXT,
    "testedAt" DATETIME,
    "testedEmail" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SsoGroupRole" (
    "group" TEXT NOT NULL PRIMARY KEY,
    "roleId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

