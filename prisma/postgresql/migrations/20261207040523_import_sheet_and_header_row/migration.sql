-- AlterTable
ALTER TABLE "CandidateImport" ADD COLUMN     "date1904" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "headerRow" INTEGER,
ADD COLUMN     "sheet" INTEGER,
ADD COLUMN     "sheets" TEXT;

