import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// AES-256-GCM for secrets at rest (the Personio client secret and any other column listed in
// lib/secrets/encrypted-columns.ts). Keys come from configuration and are passed in: this
// module never reads env (lib/secrets/at-rest.ts does).
//
// Stored form, base64url parts:  v2:<key id>:<iv>:<tag>:<ciphertext>
// The key id names the key that encrypted it (see encryptionKeyId), so after a key rotation the
// right one of the configured keys is chosen and `npm run secrets:rotate-key` can tell what is
// left to re-encrypt. The earlier form v1:<iv>:<tag>:<ciphertext> (no key id) is still read, by
// trying each configured key; GCM's tag tells the right key from a wrong one.

const CURRENT_VERSION = "v2";
const IV_BYTES = 12;
// GCM tags are checked at their full 16 bytes: Node would otherwise accept a truncated tag (as
// short as 4 bytes), which makes forging a ciphertext far cheaper.
const TAG_BYTES = 16;

export class SecretDecryptionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SecretDecryptionError";
  }
}

function keyBytes(base64Key: string) {
  const key = Buffer.from(base64Key, "base64");
  if (key.length !== 32) throw new Error("Encryption key must be 32 bytes");
  return key;
}

/**
 * A short, stable name for a key: 8 bytes of SHA-256 over a label and the key. It identifies
 * the key among the configured ones and reveals nothing usable about it.
 */
export function encryptionKeyId(base64Key: string): string {
  return createHash("sha256")
    .update("handoff encryption key id\0")
    .update(keyBytes(base64Key))
    .digest()
    .subarray(0, 8)
    .toString("base64url");
}

export function encryptSecret(plaintext: string, base64Key: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(base64Key), iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    CURRENT_VERSION,
    encryptionKeyId(base64Key),
    ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url")),
  ].join(":");
}

type Parsed = { keyId: string | null; iv: Buffer; tag: Buffer; ciphertext: Buffer };

function parse(stored: string): Parsed {
  const parts = stored.split(":");
  const [version] = parts;
  let fields: string[];
  let keyId: string | null = null;
  if (version === "v2" && parts.length === 5) {
    keyId = parts[1]!;
    fields = parts.slice(2);
  } else if (version === "v1" && parts.length === 4) {
    fields = parts.slice(1);
  } else {
    throw new SecretDecryptionError("Unrecognised encrypted secret");
  }
  const [iv, tag, ciphertext] = fields.map((field) => Buffer.from(field, "base64url")) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretDecryptionError("Malformed encrypted secret");
  return { keyId, iv, tag, ciphertext };
}

/** The id of the key a stored secret was encrypted with; null for the earlier form without one. */
export function secretKeyId(stored: string): string | null {
  return parse(stored).keyId;
}

function decryptWith(parsed: Parsed, key: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", key, parsed.iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(parsed.tag);
  return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString("utf8");
}

/** Decrypts with whichever of `keys` made the secret (the current key first, then earlier ones). */
export function decryptSecret(stored: string, keys: string | readonly string[]): string {
  const parsed = parse(stored);
  const candidates = (typeof keys === "string" ? [keys] : keys).map((key) => ({
    id: encryptionKeyId(key),
    bytes: keyBytes(key),
  }));
  const usable = parsed.keyId === null ? candidates : candidates.filter((key) => key.id === parsed.keyId);
  if (usable.length === 0) {
    throw new SecretDecryptionError(
      `The secret was encrypted with a key that is not configured (key id ${parsed.keyId}); ` +
        "set it as ENCRYPTION_KEY_PREVIOUS, or enter the secret again",
    );
  }
  let lastError: unknown;
  for (const key of usable) {
    try {
      return decryptWith(parsed, key.bytes);
    } catch (error) {
      lastError = error;
    }
  }
  throw new SecretDecryptionError(
    "The secret could not be decrypted with the configured key (it was altered, or the key is wrong)",
    {
      cause: lastError,
    },
  );
}
