-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastDigestAt" TIMESTAMP(3),
ADD COLUMN     "notifyConnection" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyNewHires" TEXT NOT NULL DEFAULT 'DIGEST',
ADD COLUMN     "notifySendFailures" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "PersonioIntegration" ADD COLUMN     "failingSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "NewHireNotice" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "NewHireNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "id" TEXT NOT NULL,
    "newEmployeeAddresses" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NewHireNotice_notifiedAt_createdAt_idx" ON "NewHireNotice"("notifiedAt", "createdAt");

-- CreateIndex
CREATE INDEX "NewHireNotice_createdAt_idx" ON "NewHireNotice"("createdAt");

-- AddForeignKey
ALTER TABLE "NewHireNotice" ADD CONSTRAINT "NewHireNotice_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

