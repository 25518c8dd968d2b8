-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PersonioIntegration" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'personio',
    "clientId" TEXT NOT NULL,
    "clientSecretEncrypted" TEXT NOT NULL,
    "subdomain" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "connectedById" TEXT,
    "lastSuccessAt" DATETIME,
    "lastErrorAt" DATETIME,
    "lastErrorCode" TEXT,
    "failingSince" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "apiVersion" TEXT NOT NULL DEFAULT 'v1',
    "scopes" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_PersonioIntegration" ("clientId", "clientSecretEncrypted", "connectedById", "createdAt", "enabled", "failingSince", "id", "lastErrorAt", "lastErrorCode", "lastSuccessAt", "subdomain", "updatedAt") SELECT "clientId", "clientSecretEncrypted", "connectedById", "createdAt", "enabled", "failingSince", "id", "lastErrorAt", "lastErrorCode", "lastSuccessAt", "subdomain", "updatedAt" FROM "PersonioIntegration";
DROP TABLE "PersonioIntegration";
ALTER TABLE "new_PersonioIntegration" RENAME TO "PersonioIntegration";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

