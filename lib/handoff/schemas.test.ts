import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ZPersonioEmployeeFields, ZSendToPersonioInput, ZUpdateInPersonioInput } from "@/lib/handoff/schemas";

// The always-sent fields; the job title is an optional field like any other (in `extra`).
const VALID = { firstName: "Zoë", lastName: "O'Brien", email: "zoe@example.com" };
const MESSAGE_KEYS = new Set(["required", "tooLong", "controlCharacters", "email", "emailAscii"]);
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

// Names people really have, and strings that try to be something else.
const awkwardNames = fc.constantFrom(
  "محمد عبد الله",
  "שרה לוי",
  "Nguyễn Thị Minh Khai",
  "Ødegård",
  "D'Angelo",
  "García-López",
  "李小龙",
  "Ngũgĩ wa Thiong'o",
  'Robert\'); DROP TABLE "Candidate";--',
  "<script>alert(1)</script>",
  "{{7*7}}",
  "${process.env.SECRET}",
  "x",
  "x".repeat(255),
);
const anyText = fc.oneof(
  awkwardNames,
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

describe("review form schema", () => {
  it("either accepts a name exactly as typed (trimmed) or rejects it with a known message", () => {
    fc.assert(
      fc.property(anyText, (name) => {
        const result = ZPersonioEmployeeFields.safeParse({ ...VALID, firstName: name });
        const trimmed = name.trim();
        const acceptable = trimmed.length >= 1 && trimmed.length <= 255 && !CONTROL.test(trimmed);
        expect(result.success).toBe(acceptable);
        if (result.success) expect(result.data.firstName).toBe(trimmed);
        else for (const issue of result.error.issues) expect(MESSAGE_KEYS).toContain(issue.message);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects empty, whitespace-only and 1,000-character names, accepts 1 and 255 characters", () => {
    const check = (lastName: string) => ZPersonioEmployeeFields.safeParse({ ...VALID, lastName });
    expect(check("").error?.issues[0]?.message).toBe("required");
    expect(check(" \t  ").error?.issues[0]?.message).toBe("required");
    expect(check("y".repeat(1000)).error?.issues[0]?.message).toBe("tooLong");
    expect(check("Ö").data?.lastName).toBe("Ö");
    expect(check("y".repeat(255)).success).toBe(true);
    expect(check("Line\nbreak").error?.issues[0]?.message).toBe("controlCharacters");
    expect(check("zero\u200bwidth").error?.issues[0]?.message).toBe("controlCharacters");
  });

  it("keeps emails as typed: plus addressing and capitals are fine, malformed and non-ASCII get their own message", () => {
    const email = (value: string) => ZPersonioEmployeeFields.safeParse({ ...VALID, email: value });
    expect(email(" Anna.Lena+HR@Example.COM ").data?.email).toBe("Anna.Lena+HR@Example.COM");
    expect(email("anna@xn--mller-kva.de").success).toBe(true);
    expect(email("anna@müller.de").error?.issues[0]?.message).toBe("emailAscii");
    for (const invalid of [
      "a@b",
      "a@@b.de",
      "a b@c.de",
      "@example.com",
      "anna@",
      "anna",
      "anna@example.com, bob@example.com",
    ]) {
      expect(email(invalid).error?.issues[0]?.message, invalid).toBe("email");
    }
    expect(email(`${"a".repeat(250)}@x.de`).error?.issues[0]?.message).toBe("tooLong");
  });

  it("never throws, whatever shape arrives: extra fields are dropped, missing or mistyped ones are named", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = ZSendToPersonioInput.safeParse(input);
        if (result.success) expect(Object.keys(result.data.fields).sort()).toEqual(["email", "firstName", "lastName"]);
      }),
      { numRuns: 500 },
    );
    const extra = ZSendToPersonioInput.parse({
      candidateId: "c1",
      fields: { ...VALID, position: "Engineer", salary: 1, isAdmin: true },
      sneaky: "x",
    });
    expect(extra).toEqual({ candidateId: "c1", fields: VALID });
    const missing = ZSendToPersonioInput.safeParse({ candidateId: "c1", fields: { firstName: "A" } });
    expect(missing.error?.issues.map((issue) => issue.path.join("."))).toEqual(
      expect.arrayContaining(["fields.lastName", "fields.email"]),
    );
    const wrongTypes = ZSendToPersonioInput.safeParse({
      candidateId: 42,
      fields: { ...VALID, email: ["x@y.de"], lastName: null },
    });
    expect(wrongTypes.error?.issues.map((issue) => issue.path.join("."))).toEqual(
      expect.arrayContaining(["candidateId", "fields.email", "fields.lastName"]),
    );
  });

  it("an update takes names under the same limits as a send", () => {
    const update = (firstName: string) =>
      ZUpdateInPersonioInput.safeParse({ candidateId: "c1", version: 0, values: { firstName, lastName: "Novak" } });
    const send = (firstName: string) => ZPersonioEmployeeFields.safeParse({ ...VALID, firstName });
    for (const name of ["x".repeat(255), "x".repeat(256), "Lea\nNovak", "", "  "]) {
      expect(update(name).success, JSON.stringify(name)).toBe(send(name).success);
      expect(update(name).error?.issues[0]?.message).toBe(send(name).error?.issues[0]?.message);
    }
    expect(update("x".repeat(256)).error?.issues[0]?.message).toBe("tooLong");
  });
});
