import { createHmac } from "node:crypto";

import bcrypt from "bcryptjs";

// Stored password hashes carry their format, so the format can change without a flag day:
// - "v2$<bcrypt>": bcrypt of base64(HMAC-SHA256(password)). bcrypt reads only the first 72 bytes
//   of its input, so two long passwords that share those bytes would be the same password; the
//   pre-hash gives bcrypt 44 bytes that depend on every byte. Base64 keeps NUL bytes out of it
//   (bcrypt stops at the first one), and the fixed HMAC key keeps these hashes apart from plain
//   SHA-256 hashes of the same password leaked elsewhere.
// - "$2a$…"/"$2b$…" (legacy): bcrypt of the raw password, as before; accepted at sign-in and
//   replaced by a v2 hash right then (lib/auth/verify-credentials.ts).
const COST = 12;
const V2 = "v2$";
const PREHASH_KEY = "handoff:password:v2";

function prehash(password: string): string {
  // NFC: the same password typed on different systems can arrive composed or decomposed.
  return createHmac("sha256", PREHASH_KEY).update(password.normalize("NFC"), "utf8").digest("base64");
}

// `cost` is for test fixtures only, whose many sign-ins would otherwise each spend a cost-12
// comparison; the app always hashes at COST.
export async function hashPassword(password: string, cost = COST): Promise<string> {
  return V2 + (await bcrypt.hash(prehash(password), cost));
}

// Compared even when the user does not exist (or has no password yet), so the response time does
// not reveal which emails have accounts. A v2 hash of a random string, so it costs the same.
const DUMMY_HASH = "v2$$2b$12$B/99fXAZeZfRSI3EtyQKR.euAS6NlbxPajXJ/LwXcs2AllcOvuw3u";

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const stored = hash ?? DUMMY_HASH;
  if (stored.startsWith(V2)) return bcrypt.compare(prehash(password), stored.slice(V2.length));
  return bcrypt.compare(password, stored);
}

// True for hashes in an older format, to be replaced after the next successful sign-in.
export function needsRehash(hash: string): boolean {
  return !hash.startsWith(V2);
}
