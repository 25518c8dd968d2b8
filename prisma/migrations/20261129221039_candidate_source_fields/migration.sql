-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN "department" TEXT;
ALTER TABLE "Candidate" ADD COLUMN "externalId" TEXT;
ALTER TABLE "Candidate" ADD COLUMN "externalSource" TEXT;
ALTER TABLE "Candidate" ADD COLUMN "office" TEXT;
ALTER TABLE "Candidate" ADD COLUMN "startDate" TEXT;

-- CreateIndex
CREATE INDEX "Candidate_updatedAt_idx" ON "Candidate"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_externalSource_externalId_key" ON "Candidate"("externalSource", "externalId");

