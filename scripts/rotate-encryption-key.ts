// npm run secrets:rotate-key: re-encrypts every stored secret with ENCRYPTION_KEY, reading the
// old ones with ENCRYPTION_KEY_PREVIOUS. README, "Rotating the encryption key", gives the steps.
//   --dry-run   report what would be re-encrypted, change nothing
import { encryptionKeyId } from "@/lib/crypto";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { encryptionKeyProblem } from "@/lib/env-rules";
import { rotateEncryptionKey, RotationError } from "@/lib/secrets/rotate-key";

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

async function main() {
  const dryRun = process.argv.includes("--dry-run");
  const current = process.env.ENCRYPTION_KEY;
  const previous = process.env.ENCRYPTION_KEY_PREVIOUS || undefined;
  const databaseUrl = process.env.DATABASE_URL ?? "file:./data/handoff.db";
  if (!current)
    fail(
      "ENCRYPTION_KEY is not set: set it to the new key (openssl rand -base64 32) and ENCRYPTION_KEY_PREVIOUS to the old one.",
    );
  const problem = encryptionKeyProblem(current);
  if (problem) fail(`ENCRYPTION_KEY ${problem}`);
  if (previous) {
    const previousProblem = encryptionKeyProblem(previous);
    if (previousProblem) fail(`ENCRYPTION_KEY_PREVIOUS ${previousProblem}`);
    if (encryptionKeyId(previous) === encryptionKeyId(current))
      fail("ENCRYPTION_KEY_PREVIOUS is the same key as ENCRYPTION_KEY: set ENCRYPTION_KEY to the new key.");
  } else {
    console.log(
      "ENCRYPTION_KEY_PREVIOUS is not set: only secrets already under ENCRYPTION_KEY (or in the earlier format) can be read.",
    );
  }

  const db = createPrismaClient(databaseUrl);
  try {
    const report = await rotateEncryptionKey(db, { current, previous: previous ? [previous] : [] }, { dryRun });
    for (const column of report.columns) {
      console.log(
        `  ${column.column}: ${column.reencrypted} to re-encrypt, ${column.alreadyCurrent} already under the new key, ${column.empty} empty`,
      );
    }
    if (dryRun) {
      console.log(
        `Dry run: ${report.reencrypted} secret(s) would be re-encrypted with key ${report.keyId}. Nothing was changed.`,
      );
    } else {
      console.log(
        `✔ Re-encrypted ${report.reencrypted} secret(s) with key ${report.keyId}; ${report.alreadyCurrent} already used it.`,
      );
      console.log(
        "  Every stored secret now uses ENCRYPTION_KEY. Remove ENCRYPTION_KEY_PREVIOUS from the app's configuration and restart it.",
      );
    }
  } catch (error) {
    if (error instanceof RotationError) {
      for (const line of error.unreadable) console.error(`  - ${line}`);
      fail(error.message);
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
