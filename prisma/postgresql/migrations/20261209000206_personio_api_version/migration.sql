-- AlterTable
ALTER TABLE "PersonioIntegration" ADD COLUMN     "apiVersion" TEXT NOT NULL DEFAULT 'v1',
ADD COLUMN     "scopes" TEXT NOT NULL DEFAULT '';

