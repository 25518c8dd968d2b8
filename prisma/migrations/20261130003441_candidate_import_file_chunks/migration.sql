-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "CandidateImportFile";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "CandidateImportFileChunk" (
    "importId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "content" BLOB NOT NULL,

    PRIMARY KEY ("importId", "index"),
    CONSTRAINT "CandidateImportFileChunk_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CandidateImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

