-- CreateTable
CREATE TABLE "SsoSettings" (
    "id" TEXT NOT NULL DEFAULT 'sso',
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
    "testedAt" TIMESTAMP(3),
    "testedEmail" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SsoGroupRole" (
    "group" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoGroupRole_pkey" PRIMARY KEY ("group")
);

