-- The search index's rows are removed through the index itself. candidateId is not indexed in
-- the FTS5 table (see candidate_search_text), so "DELETE … WHERE candidateId = OLD.id" scanned the
-- whole table for every candidate deleted or renamed: deleting 100k candidates (the retention
-- rules, lib/privacy) took hours. Now the row is found by a phrase query for its own search text
-- (trigrams, so a handful of rows at most) and then by its candidateId; a text shorter than a
-- trigram cannot be matched and is still found by the scan.
DROP TRIGGER IF EXISTS "CandidateSearch_update";
DROP TRIGGER IF EXISTS "CandidateSearch_delete";

CREATE TRIGGER "CandidateSearch_update" AFTER UPDATE OF "id", "searchText" ON "Candidate"
WHEN OLD."searchText" IS NOT NEW."searchText" OR OLD."id" IS NOT NEW."id"
BEGIN
    DELETE FROM "CandidateSearch" WHERE length(OLD."searchText") >= 3
        AND "searchText" MATCH ('"' || replace(OLD."searchText", '"', '""') || '"') AND "candidateId" = OLD."id";
    DELETE FROM "CandidateSearch" WHERE OLD."searchText" <> '' AND length(OLD."searchText") < 3 AND "candidateId" = OLD."id";
    INSERT INTO "CandidateSearch" ("candidateId", "searchText") SELECT NEW."id", NEW."searchText" WHERE NEW."searchText" <> '';
END;

CREATE TRIGGER "CandidateSearch_delete" AFTER DELETE ON "Candidate" WHEN OLD."searchText" <> ''
BEGIN
    DELETE FROM "CandidateSearch" WHERE length(OLD."searchText") >= 3
        AND "searchText" MATCH ('"' || replace(OLD."searchText", '"', '""') || '"') AND "candidateId" = OLD."id";
    DELETE FROM "CandidateSearch" WHERE length(OLD."searchText") < 3 AND "candidateId" = OLD."id";
END;
