-- Search keys for prefix search by index (see Candidate in schema.prisma). Written by hand
-- below the generated part: the backfill in the copy, and the triggers that keep the keys equal
-- to lower(column) on every insert and update, whoever writes (the app, seeds, tests, imports).
-- lower() folds ASCII letters only, exactly as SQLite's LIKE did for the old search.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Candidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "jobId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "source" TEXT,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "firstNameKey" TEXT NOT NULL DEFAULT '',
    "lastNameKey" TEXT NOT NULL DEFAULT '',
    "emailKey" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Candidate_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Candidate" ("createdAt", "email", "firstName", "id", "jobId", "lastName", "notes", "phone", "source", "stage", "updatedAt", "firstNameKey", "lastNameKey", "emailKey") SELECT "createdAt", "email", "firstName", "id", "jobId", "lastName", "notes", "phone", "source", "stage", "updatedAt", lower("firstName"), lower("lastName"), lower("email") FROM "Candidate";
DROP TABLE "Candidate";
ALTER TABLE "new_Candidate" RENAME TO "Candidate";
CREATE INDEX "Candidate_lastNameKey_idx" ON "Candidate"("lastNameKey");
CREATE INDEX "Candidate_firstNameKey_idx" ON "Candidate"("firstNameKey");
CREATE INDEX "Candidate_emailKey_idx" ON "Candidate"("emailKey");
CREATE INDEX "Candidate_stage_createdAt_idx" ON "Candidate"("stage", "createdAt");
CREATE INDEX "Candidate_jobId_createdAt_idx" ON "Candidate"("jobId", "createdAt");
CREATE INDEX "Candidate_createdAt_idx" ON "Candidate"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- CreateTrigger (hand-written: Prisma does not model triggers)
CREATE TRIGGER "Candidate_searchKeys_insert" AFTER INSERT ON "Candidate"
BEGIN
    UPDATE "Candidate"
    SET "firstNameKey" = lower(NEW."firstName"), "lastNameKey" = lower(NEW."lastName"), "emailKey" = lower(NEW."email")
    WHERE "id" = NEW."id";
END;

-- Also on a direct write to a key, so a key never disagrees with its column. SQLite does not
-- fire a trigger from its own UPDATE (recursive_triggers is off), so this does not loop.
CREATE TRIGGER "Candidate_searchKeys_update" AFTER UPDATE OF "firstName", "lastName", "email", "firstNameKey", "lastNameKey", "emailKey" ON "Candidate"
BEGIN
    UPDATE "Candidate"
    SET "firstNameKey" = lower(NEW."firstName"), "lastNameKey" = lower(NEW."lastName"), "emailKey" = lower(NEW."email")
    WHERE "id" = NEW."id";
END;
