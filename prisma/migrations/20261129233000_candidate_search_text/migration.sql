-- Search like people type (issue 14): a folded search text per candidate, found by substring
-- through an FTS5 trigram index. Hand-written (Prisma does not model virtual tables or
-- triggers); the column is added in place rather than by copying the table.
-- The keys and searchText are written by the app (lib/candidates/search-text.ts, through the
-- Prisma extension), so the triggers that lowered the keys in SQL go: they folded ASCII only.
-- Existing rows get their text from the backfill that npm start / npm run dev /
-- npm run db:migrate run after migrating (scripts/lib/candidate-search-backfill.ts).

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

-- DropTrigger
DROP TRIGGER IF EXISTS "Candidate_searchKeys_insert";
DROP TRIGGER IF EXISTS "Candidate_searchKeys_update";

-- Keys written by the old triggers folded ASCII letters only: empty them, so the backfill
-- (which fills rows whose searchText is empty) writes all of a row's search columns afresh.
UPDATE "Candidate" SET "firstNameKey" = '', "lastNameKey" = '', "emailKey" = '';

-- CreateVirtualTable: one row per candidate with a non-empty search text. candidateId is
-- stored (not indexed), so a match always names the right candidate whatever SQLite does
-- to rowids (VACUUM, a table copy); removing a row scans for it, which happens only when a
-- name or email changes or a candidate is deleted.
CREATE VIRTUAL TABLE "CandidateSearch" USING fts5("candidateId" UNINDEXED, "searchText", tokenize = 'trigram');

-- CreateTrigger: kept in sync with Candidate.searchText, whoever writes the row.
CREATE TRIGGER "CandidateSearch_insert" AFTER INSERT ON "Candidate" WHEN NEW."searchText" <> ''
BEGIN
    INSERT INTO "CandidateSearch" ("candidateId", "searchText") VALUES (NEW."id", NEW."searchText");
END;

CREATE TRIGGER "CandidateSearch_update" AFTER UPDATE OF "id", "searchText" ON "Candidate"
WHEN OLD."searchText" IS NOT NEW."searchText" OR OLD."id" IS NOT NEW."id"
BEGIN
    DELETE FROM "CandidateSearch" WHERE OLD."searchText" <> '' AND "candidateId" = OLD."id";
    INSERT INTO "CandidateSearch" ("candidateId", "searchText") SELECT NEW."id", NEW."searchText" WHERE NEW."searchText" <> '';
END;

CREATE TRIGGER "CandidateSearch_delete" AFTER DELETE ON "Candidate" WHEN OLD."searchText" <> ''
BEGIN
    DELETE FROM "CandidateSearch" WHERE "candidateId" = OLD."id";
END;
