import { randomBytes } from "node:crypto";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decryptSecret, encryptSecret } from "@/lib/crypto";

const key = randomBytes(32).toString("base64");

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
    const tampered = [...parts.slice(0, 3), Buffer.from("x" + parts[3]).toString("base64url")].join(":");
    expect(() => decryptSecret(tampered, key)).toThrow();
    expect(() => decryptSecret(stored, randomBytes(32).toString("base64"))).toThrow();
  });
});
