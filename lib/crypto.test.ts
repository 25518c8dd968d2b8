import { createCipheriv, randomBytes } from "node:crypto";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decryptSecret, encryptionKeyId, encryptSecret, secretKeyId } from "@/lib/crypto";

const key = randomBytes(32).toString("base64");
const otherKey = randomBytes(32).toString("base64");

// The form written before key ids (v1:<iv>:<tag>:<ciphertext>), made here as that code made it.
function encryptV1(plaintext: string, base64Key: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(base64Key, "base64"), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(":");
}

describe("secret encryption", () => {
  it("round-trips any string and never stores the plaintext", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (secret) => {
        const stored = encryptSecret(secret, key);
        expect(decryptSecret(stored, key)).toBe(secret);
        if (secret.length >= 4) expect(stored).not.toContain(secret);
      }),
    );
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("rejects a tampered ciphertext and a wrong key", () => {
    const stored = encryptSecret("papi-secret", key);
    const parts = stored.split(":");
    const tampered = [...parts.slice(0, 4), Buffer.from("x" + parts[4]).toString("base64url")].join(":");
    expect(() => decryptSecret(tampered, key)).toThrow();
    expect(() => decryptSecret(stored, otherKey)).toThrow(/not configured/);
  });

  it("records which key made it, and picks that key among several", () => {
    const stored = encryptSecret("papi-secret", key);
    expect(secretKeyId(stored)).toBe(encryptionKeyId(key));
    expect(encryptionKeyId(key)).not.toBe(encryptionKeyId(otherKey));
    expect(stored).not.toContain(key.replace(/=+$/, ""));
    expect(decryptSecret(stored, [otherKey, key])).toBe("papi-secret");
    expect(() => decryptSecret(stored, [otherKey])).toThrow(/key id/);
  });

  it("still reads the earlier form without a key id, with whichever configured key made it", () => {
    const stored = encryptV1("old-secret", key);
    expect(secretKeyId(stored)).toBeNull();
    expect(decryptSecret(stored, key)).toBe("old-secret");
    expect(decryptSecret(stored, [otherKey, key])).toBe("old-secret");
    expect(() => decryptSecret(stored, [otherKey])).toThrow(/could not be decrypted/);
  });

  it("checks the GCM tag at its full 16 bytes: a truncated tag is refused", () => {
    for (const stored of [encryptSecret("papi-secret", key), encryptV1("papi-secret", key)]) {
      const parts = stored.split(":");
      const tagIndex = parts.length - 2;
      for (const length of [4, 8, 12, 15]) {
        const truncated = [...parts];
        truncated[tagIndex] = Buffer.from(parts[tagIndex]!, "base64url").subarray(0, length).toString("base64url");
        expect(() => decryptSecret(truncated.join(":"), key), `tag of ${length} bytes`).toThrow(/Malformed/);
      }
    }
  });
});
