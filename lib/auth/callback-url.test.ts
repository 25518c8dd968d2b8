import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath, safeRedirectUrl } from "@/lib/auth/callback-url";

// Each value as the sign-in page receives it: the query parameter already decoded once.
const REDIRECT_TRICKS = [
  "/\\evil.example/x",
  "/\t/evil.example",
  "/\n/evil.example",
  "//evil.example",
  "///evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "/\\/evil.example",
  "\\\\evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%09/evil.example",
  "/%2F/evil.example",
  "/%252F%252Fevil.example",
  "%2F%2Fevil.example",
  " //evil.example",
  "/\u0000/evil.example",
  "evil.example",
  "",
];

describe("safeCallbackPath", () => {
  it.each(REDIRECT_TRICKS)("sends %j to the candidate list", (trick) => {
    expect(safeCallbackPath(trick)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("keeps this app's own paths, with their query and fragment", () => {
    expect(safeCallbackPath("/candidates?stage=HIRED")).toBe("/candidates?stage=HIRED");
    expect(safeCallbackPath("/candidates/abc123")).toBe("/candidates/abc123");
    expect(safeCallbackPath("/admin/audit?category=users&page=2#top")).toBe("/admin/audit?category=users&page=2#top");
    expect(safeCallbackPath("/candidates?q=M%C3%BCller")).toBe("/candidates?q=M%C3%BCller");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it("never returns anything a browser would take to another host", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom("", "/", "//", "/\\", "/%5C", "/\t"), (tail, head) => {
        const result = safeCallbackPath(head + tail);
        const resolved = new URL(result, "https://handoff.example.com");
        expect(resolved.origin).toBe("https://handoff.example.com");
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(result).not.toContain("\\");
      }),
    );
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const baseUrl = "https://handoff.example.com";

  it.each(REDIRECT_TRICKS)("sends %j to the candidate list on this app", (trick) => {
    expect(safeRedirectUrl({ url: trick, baseUrl })).toBe(`${baseUrl}${DEFAULT_AFTER_SIGN_IN}`);
  });

  it("keeps a path or a URL of this app, and refuses another origin", () => {
    expect(safeRedirectUrl({ url: "/candidates?stage=HIRED", baseUrl })).toBe(`${baseUrl}/candidates?stage=HIRED`);
    expect(safeRedirectUrl({ url: `${baseUrl}/admin/users`, baseUrl })).toBe(`${baseUrl}/admin/users`);
    expect(safeRedirectUrl({ url: "https://handoff.example.com.evil.example/x", baseUrl })).toBe(
      `${baseUrl}/candidates`,
    );
    expect(safeRedirectUrl({ url: "http://handoff.example.com/admin/users", baseUrl })).toBe(`${baseUrl}/candidates`);
  });
});
