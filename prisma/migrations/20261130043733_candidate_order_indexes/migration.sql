-- DropIndex
DROP INDEX "Candidate_jobId_stage_createdAt_idx";

-- DropIndex
DROP INDEX "Candidate_createdAt_idx";

-- DropIndex
DROP INDEX "Candidate_jobId_createdAt_idx";

-- DropIndex
DROP INDEX "Candidate_stage_createdAt_idx";

-- CreateIndex
CREATE INDEX "Candidate_stage_createdAt_id_idx" ON "Candidate"("stage", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Candidate_jobId_createdAt_id_idx" ON "Candidate"("jobId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Candidate_jobId_stage_createdAt_id_idx" ON "Candidate"("jobId", "stage", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Candidate_createdAt_id_idx" ON "Candidate"("createdAt", "id");

