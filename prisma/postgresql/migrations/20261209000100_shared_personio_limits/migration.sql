-- CreateTable
CREATE TABLE "PersonioToken" (
    "id" TEXT NOT NULL,
    "tokenEncrypted" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonioToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonioReadSlot" (
    "key" TEXT NOT NULL,
    "atMs" BIGINT NOT NULL,

    CONSTRAINT "PersonioReadSlot_pkey" PRIMARY KEY ("key","atMs")
);

