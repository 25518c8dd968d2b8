-- The parts of an import's file become hex text (see the model's comment); a file uploaded
-- before this migration is converted, so its import still runs.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CandidateImportFileChunk" (
    "importId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "content" TEXT NOT NULL,

    PRIMARY KEY ("importId", "index"),
    CONSTRAINT "CandidateImportFileChunk_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CandidateImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CandidateImportFileChunk" ("content", "importId", "index") SELECT lower(hex("content")), "importId", "index" FROM "CandidateImportFileChunk";
DROP TABLE "CandidateImportFileChunk";
ALTER TABLE "new_CandidateImportFileChunk" RENAME TO "CandidateImportFileChunk";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

