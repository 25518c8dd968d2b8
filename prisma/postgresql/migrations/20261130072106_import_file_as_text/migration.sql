-- The parts of an import's file become hex text (see the model's comment); a file uploaded
-- before this migration is converted, so its import still runs.
-- AlterTable
ALTER TABLE "CandidateImportFileChunk" ALTER COLUMN "content" SET DATA TYPE TEXT USING encode("content", 'hex');

