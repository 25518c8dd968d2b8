import "server-only";

import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { env } from "@/lib/env";

// Secrets stored in the database: written with ENCRYPTION_KEY, read with ENCRYPTION_KEY or, for
// what was written before the last rotation, ENCRYPTION_KEY_PREVIOUS. A column that holds such a
// secret must also be listed in lib/secrets/encrypted-columns.ts, or a key rotation misses it.

export function encryptAtRest(plaintext: string): string {
  return encryptSecret(plaintext, env.ENCRYPTION_KEY);
}

export function decryptAtRest(stored: string): string {
  return decryptSecret(
    stored,
    env.ENCRYPTION_KEY_PREVIOUS ? [env.ENCRYPTION_KEY, env.ENCRYPTION_KEY_PREVIOUS] : [env.ENCRYPTION_KEY],
  );
}
