-- CreateTable
CREATE TABLE "PersonioRateLimitEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "retryAfterSeconds" INTEGER,

    CONSTRAINT "PersonioRateLimitEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonioRateLimitEvent_at_idx" ON "PersonioRateLimitEvent"("at");

