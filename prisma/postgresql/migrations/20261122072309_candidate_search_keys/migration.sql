-- Search keys for prefix search by index (see Candidate in schema.prisma), as the SQLite
-- migration of the same name does. Written by hand below the generated part:
-- - COLLATE "C" on the keys: the search is a range (key >= word AND key < word || U+10FFFF),
--   which needs code-point order whatever collation the database was created with (under
--   en_US and similar, U+10FFFF does not sort last);
-- - the backfill, and a trigger that keeps the keys equal to the columns with ASCII letters
--   lowercased (what SQLite's lower() does; PostgreSQL's lower() would also fold other letters
--   under most collations, and the app folds ASCII only), whoever writes the row.

-- DropIndex
DROP INDEX "Candidate_lastName_idx";

-- DropIndex
DROP INDEX "Candidate_firstName_idx";

-- DropIndex
DROP INDEX "Candidate_email_idx";

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "emailKey" TEXT COLLATE "C" NOT NULL DEFAULT '',
ADD COLUMN     "firstNameKey" TEXT COLLATE "C" NOT NULL DEFAULT '',
ADD COLUMN     "lastNameKey" TEXT COLLATE "C" NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Candidate_lastNameKey_idx" ON "Candidate"("lastNameKey");

-- CreateIndex
CREATE INDEX "Candidate_firstNameKey_idx" ON "Candidate"("firstNameKey");

-- CreateIndex
CREATE INDEX "Candidate_emailKey_idx" ON "Candidate"("emailKey");

-- CreateFunction, CreateTrigger (hand-written: Prisma does not model triggers)
CREATE FUNCTION "Candidate_searchKeys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."firstNameKey" := translate(NEW."firstName", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
    NEW."lastNameKey" := translate(NEW."lastName", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
    NEW."emailKey" := translate(NEW."email", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
    RETURN NEW;
END;
$$;

-- BEFORE, so the row is written once with its keys; on every update, so a key never
-- disagrees with its column (also after a direct write to a key).
CREATE TRIGGER "Candidate_searchKeys" BEFORE INSERT OR UPDATE ON "Candidate"
FOR EACH ROW EXECUTE FUNCTION "Candidate_searchKeys"();

-- Backfill (fires the trigger above).
UPDATE "Candidate" SET "firstName" = "firstName";
