-- CreateTable
CREATE TABLE "PersonioToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenEncrypted" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PersonioReadSlot" (
    "key" TEXT NOT NULL,
    "atMs" BIGINT NOT NULL,

    PRIMARY KEY ("key", "atMs")
);

