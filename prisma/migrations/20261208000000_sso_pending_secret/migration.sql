-- A renewed SSO client secret is held here, encrypted, while a test sign-in tries it.
ALTER TABLE "SsoSettings" ADD COLUMN "pendingSecretEncrypted" TEXT;
ALTER TABLE "SsoSettings" ADD COLUMN "pendingSecretTestId" TEXT;
