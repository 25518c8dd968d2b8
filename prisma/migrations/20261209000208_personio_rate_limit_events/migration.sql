-- CreateTable
CREATE TABLE "PersonioRateLimitEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "retryAfterSeconds" INTEGER
);

-- CreateIndex
CREATE INDEX "PersonioRateLimitEvent_at_idx" ON "PersonioRateLimitEvent"("at");

