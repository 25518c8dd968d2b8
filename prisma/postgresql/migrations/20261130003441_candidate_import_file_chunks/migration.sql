-- DropForeignKey
ALTER TABLE "CandidateImportFile" DROP CONSTRAINT "CandidateImportFile_importId_fkey";

-- DropTable
DROP TABLE "CandidateImportFile";

-- CreateTable
CREATE TABLE "CandidateImportFileChunk" (
    "importId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "CandidateImportFileChunk_pkey" PRIMARY KEY ("importId","index")
);

-- AddForeignKey
ALTER TABLE "CandidateImportFileChunk" ADD CONSTRAINT "CandidateImportFileChunk_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CandidateImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

