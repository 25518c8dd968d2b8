-- Search like people type (issue 14), as the SQLite migration of the same name does: a folded
-- search text per candidate, found by substring through a pg_trgm GIN index (LIKE '%word%'
-- uses it for words of three letters or more). Hand-written below the generated part.
-- pg_trgm ships with PostgreSQL's contrib and is a trusted extension (PostgreSQL 13+), so a
-- database owner may create it; managed services (RDS, Cloud SQL, Azure) offer it. unaccent is
-- not needed: the app folds accents itself (lib/candidates/search-text.ts), identically for
-- both databases.
-- The keys and searchText are written by the app, so the trigger that lowered the keys in SQL
-- goes (it folded ASCII only). Existing rows get their text from the backfill that npm start /
-- npm run dev / npm run db:migrate run after migrating.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- DropTrigger, DropFunction
DROP TRIGGER IF EXISTS "Candidate_searchKeys" ON "Candidate";
DROP FUNCTION IF EXISTS "Candidate_searchKeys"();

-- Empty the ASCII-only keys, so the backfill (rows whose searchText is empty) rewrites them all.
UPDATE "Candidate" SET "firstNameKey" = '', "lastNameKey" = '', "emailKey" = '';

-- CreateIndex (trigram)
CREATE INDEX "Candidate_searchText_trgm_idx" ON "Candidate" USING gin ("searchText" gin_trgm_ops);
