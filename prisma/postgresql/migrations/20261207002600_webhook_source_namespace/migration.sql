-- Each webhook source gets its own namespace of external ids (WebhookSource.externalSource).
-- 1. The namespaces: the Handoff webhook's as before ("handoff.<id>"); per vendor, the oldest
--    source keeps the vendor's name, under which its candidates (and spreadsheet imports that
--    named the vendor) are stored, so no existing match is lost; later sources of the same
--    vendor become "<vendor>-2", "<vendor>-3", … in the order they were created.
ALTER TABLE "WebhookSource" ADD COLUMN "externalSource" TEXT;

UPDATE "WebhookSource" AS s SET "externalSource" = CASE WHEN s."kind" = 'handoff' THEN 'handoff.' || s."id" WHEN r."rank" = 1 THEN s."kind" ELSE s."kind" || '-' || r."rank" END FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "kind" ORDER BY "createdAt", "id") AS "rank" FROM "WebhookSource") AS r WHERE r."id" = s."id";

ALTER TABLE "WebhookSource" ALTER COLUMN "externalSource" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "WebhookSource_externalSource_key" ON "WebhookSource"("externalSource");

-- 2. Candidates that a later source of a vendor created were stored under the vendor's name too;
--    each moves to the namespace of the source whose delivery created it.
UPDATE "Candidate" SET "externalSource" = COALESCE((SELECT s."externalSource" FROM "WebhookDelivery" d JOIN "WebhookSource" s ON s."id" = d."sourceId" WHERE d."candidateId" = "Candidate"."id" AND d."outcome" = 'created' AND s."kind" = "Candidate"."externalSource" ORDER BY d."receivedAt", d."id" LIMIT 1), "externalSource") WHERE "externalSource" IN (SELECT "kind" FROM "WebhookSource" WHERE "kind" <> 'handoff');
