-- Each webhook source gets its own namespace of external ids (WebhookSource.externalSource).
-- 1. The namespaces: the Handoff webhook's as before ("handoff.<id>"); per vendor, the oldest
--    source keeps the vendor's name, under which its candidates (and spreadsheet imports that
--    named the vendor) are stored, so no existing match is lost; later sources of the same
--    vendor become "<vendor>-2", "<vendor>-3", … in the order they were created.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebhookSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pathToken" TEXT NOT NULL,
    "externalSource" TEXT NOT NULL,
    "secretEncrypted" TEXT NOT NULL,
    "previousSecretEncrypted" TEXT,
    "previousSecretExpiresAt" DATETIME,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_WebhookSource" ("createdAt", "createdById", "enabled", "id", "kind", "name", "pathToken", "externalSource", "previousSecretEncrypted", "previousSecretExpiresAt", "secretEncrypted", "updatedAt") SELECT "createdAt", "createdById", "enabled", "id", "kind", "name", "pathToken", CASE WHEN "kind" = 'handoff' THEN 'handoff.' || "id" WHEN ROW_NUMBER() OVER (PARTITION BY "kind" ORDER BY "createdAt", "id") = 1 THEN "kind" ELSE "kind" || '-' || ROW_NUMBER() OVER (PARTITION BY "kind" ORDER BY "createdAt", "id") END, "previousSecretEncrypted", "previousSecretExpiresAt", "secretEncrypted", "updatedAt" FROM "WebhookSource";
DROP TABLE "WebhookSource";
ALTER TABLE "new_WebhookSource" RENAME TO "WebhookSource";
CREATE UNIQUE INDEX "WebhookSource_pathToken_key" ON "WebhookSource"("pathToken");
CREATE UNIQUE INDEX "WebhookSource_externalSource_key" ON "WebhookSource"("externalSource");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- 2. Candidates that a later source of a vendor created were stored under the vendor's name too;
--    each moves to the namespace of the source whose delivery created it.
UPDATE "Candidate" SET "externalSource" = COALESCE((SELECT s."externalSource" FROM "WebhookDelivery" d JOIN "WebhookSource" s ON s."id" = d."sourceId" WHERE d."candidateId" = "Candidate"."id" AND d."outcome" = 'created' AND s."kind" = "Candidate"."externalSource" ORDER BY d."receivedAt", d."id" LIMIT 1), "externalSource") WHERE "externalSource" IN (SELECT "kind" FROM "WebhookSource" WHERE "kind" <> 'handoff');
