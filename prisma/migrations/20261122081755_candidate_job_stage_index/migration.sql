-- CreateIndex
CREATE INDEX "Candidate_jobId_stage_createdAt_idx" ON "Candidate"("jobId", "stage", "createdAt");

