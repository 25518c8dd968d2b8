import { describe, expect, it } from "vitest";

import { generateApiKey, hashApiKey, looksLikeApiKey } from "@/lib/api-keys/key-material";

describe("API key material", () => {
  it("makes recognisable, unique keys and stores only their hash", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^hnd_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).toBe(a.key.slice(0, 10));
    expect(a.keyHash).toBe(hashApiKey(a.key));
    expect(a.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.keyHash).not.toContain(a.key.slice(4, 14));
  });

  it("rejects what cannot be a key", () => {
    expect(looksLikeApiKey(generateApiKey().key)).toBe(true);
    expect(looksLikeApiKey("hnd_short")).toBe(false);
    expect(looksLikeApiKey("Bearer something")).toBe(false);
    expect(looksLikeApiKey(`xyz_${"a".repeat(43)}`)).toBe(false);
  });
});
