import { createHash, randomBytes } from "node:crypto";

import { API_KEY_PREFIX } from "@/lib/api-keys/scopes";

// 32 random bytes in base64url: 256 bits, so the unsalted SHA-256 stored for lookup cannot be
// reversed by guessing (unlike a password, there is no small space of likely keys to try).
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 6), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Plausible key shape, checked before a database lookup so junk never reaches the query. */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && /^[A-Za-z0-9_-]{40,60}$/.test(value.slice(API_KEY_PREFIX.length));
}
