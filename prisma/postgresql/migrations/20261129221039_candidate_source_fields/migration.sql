-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "department" TEXT,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "externalSource" TEXT,
ADD COLUMN     "office" TEXT,
ADD COLUMN     "startDate" TEXT;

-- CreateIndex
CREATE INDEX "Candidate_updatedAt_idx" ON "Candidate"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_externalSource_externalId_key" ON "Candidate"("externalSource", "externalId");

