import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";

import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";

describe("password hashes", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith("v2$$2b$")).toBe(true);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("tells apart two passwords that differ only after bcrypt's 72-byte limit", async () => {
    const shared = "ä".repeat(40); // 80 bytes in UTF-8: past the limit already
    const hash = await hashPassword(`${shared}-one`);
    expect(await verifyPassword(`${shared}-one`, hash)).toBe(true);
    expect(await verifyPassword(`${shared}-two`, hash)).toBe(false);
    // Plain bcrypt cannot: it reads only the first 72 bytes.
    const legacy = await bcrypt.hash(`${shared}-one`, 4);
    expect(await bcrypt.compare(`${shared}-two`, legacy)).toBe(true);
  });

  it("treats composed and decomposed forms of the same characters as the same password", async () => {
    const hash = await hashPassword("Grüße aus München!");
    expect(await verifyPassword("Grüße aus München!".normalize("NFD"), hash)).toBe(true);
  });

  it("still accepts a legacy bcrypt hash, and says it should be replaced", async () => {
    const legacy = await bcrypt.hash("handoff-admin", 4);
    expect(await verifyPassword("handoff-admin", legacy)).toBe(true);
    expect(await verifyPassword("handoff-admin!", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash(await hashPassword("handoff-admin"))).toBe(false);
  });

  it("refuses every password when there is no hash (an unknown email, an invitation not yet accepted)", async () => {
    expect(await verifyPassword("", null)).toBe(false);
    expect(await verifyPassword("anything at all", undefined)).toBe(false);
  });
});
