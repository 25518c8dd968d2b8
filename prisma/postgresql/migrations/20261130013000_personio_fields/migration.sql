-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN     "personioWarnings" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PersonioFieldConfig" (
    "id" TEXT NOT NULL DEFAULT 'personio',
    "fields" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonioFieldConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonioOptionCache" (
    "id" TEXT NOT NULL DEFAULT 'personio',
    "data" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonioOptionCache_pkey" PRIMARY KEY ("id")
);


-- personio:update (Update in Personio) for Admin and Recruiter on existing installations, as a
-- fresh one grants it (lib/permissions/definitions.ts); admins change it per role afterwards.
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT "id", 'personio:update' FROM "Role" WHERE "id" IN ('admin', 'recruiter')
ON CONFLICT DO NOTHING;
