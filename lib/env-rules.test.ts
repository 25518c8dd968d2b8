import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  encryptionKeyProblem,
  httpsUrlProblem,
  isLoopbackHost,
  senderProblem,
  smtpSettingsProblems,
  testClockProblem,
} from "@/lib/env-rules";

describe("https URLs", () => {
  it("accepts https anywhere and plain http only on loopback hosts", () => {
    for (const url of [
      "https://handoff.example.com",
      "https://api.personio.de",
      "http://localhost:3000",
      "http://127.0.0.1:4010",
      "http://[::1]:3000",
      "http://app.localhost",
    ]) {
      expect(httpsUrlProblem(url), url).toBeNull();
    }
    for (const url of [
      "http://handoff.example.com",
      "http://10.0.0.5:3000",
      "http://127.0.0.1.evil.example",
      "http://localhost.evil.example",
      "ftp://handoff.example.com",
    ]) {
      expect(httpsUrlProblem(url), url).not.toBeNull();
    }
    expect(httpsUrlProblem("handoff.example.com")).toMatch(/absolute URL/);
    expect(httpsUrlProblem("https://user:secret@handoff.example.com")).toMatch(/user name or password/);
  });

  it("knows loopback hosts", () => {
    expect(isLoopbackHost("127.8.9.10")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("128.0.0.1")).toBe(false);
    expect(isLoopbackHost("::2")).toBe(false);
  });
});

describe("encryption keys", () => {
  it("accepts random keys", () => {
    for (let index = 0; index < 200; index += 1)
      expect(encryptionKeyProblem(randomBytes(32).toString("base64"))).toBeNull();
  });

  it("refuses wrong lengths and keys a person typed or counted", () => {
    expect(encryptionKeyProblem(randomBytes(16).toString("base64"))).toMatch(/32 random bytes/);
    expect(encryptionKeyProblem(Buffer.alloc(32).toString("base64"))).toMatch(/too predictable/);
    expect(encryptionKeyProblem(Buffer.alloc(32, "a").toString("base64"))).toMatch(/too predictable/);
    expect(encryptionKeyProblem(Buffer.from("abcdabcdabcdabcdabcdabcdabcdabcd").toString("base64"))).toMatch(
      /too predictable/,
    );
    expect(encryptionKeyProblem(Buffer.from("passwordpasswordpasswordpassword").toString("base64"))).toMatch(
      /too predictable/,
    );
    expect(encryptionKeyProblem(Buffer.from("abcdefghijklmnopqrstuvwxyz012345").toString("base64"))).toMatch(
      /text someone typed/,
    );
    expect(
      encryptionKeyProblem(Buffer.from(Array.from({ length: 32 }, (_, index) => index)).toString("base64")),
    ).toMatch(/sequence/);
    expect(
      encryptionKeyProblem(
        Buffer.from(Array.from({ length: 32 }, (_, index) => (250 + index * 7) % 256)).toString("base64"),
      ),
    ).toMatch(/sequence/);
  });
});

describe("email settings", () => {
  it("takes a sender with or without a name, on one line", () => {
    expect(senderProblem("Handoff <handoff@example.com>")).toBeNull();
    expect(senderProblem("handoff@example.com")).toBeNull();
    expect(senderProblem("Handoff")).toMatch(/must be an address/);
    expect(senderProblem("Handoff <handoff@example.com>\r\nBcc: eve@example.com")).toBe("must be one line");
  });

  it("asks for a sender, the app's address and both halves of a login once a server is set", () => {
    expect(smtpSettingsProblems({})).toEqual([]);
    expect(smtpSettingsProblems({ SMTP_HOST: "mail.example.com" }).map((problem) => problem.path[0])).toEqual([
      "SMTP_FROM",
      "NEXTAUTH_URL",
    ]);
    const complete = { SMTP_HOST: "mail", SMTP_FROM: "a@example.com", NEXTAUTH_URL: "https://handoff.example.com" };
    expect(smtpSettingsProblems(complete)).toEqual([]);
    expect(smtpSettingsProblems({ ...complete, SMTP_USER: "handoff" })).toEqual([
      { path: ["SMTP_PASSWORD"], message: "SMTP_USER and SMTP_PASSWORD go together" },
    ]);
  });
});

describe("the test clock (HANDOFF_TEST_CLOCK_OFFSET_DAYS)", () => {
  it("is refused by a production server unless its public address is a loopback one", () => {
    const days = 200;
    expect(
      testClockProblem({
        NODE_ENV: "production",
        NEXTAUTH_URL: "https://handoff.example.com",
        HANDOFF_TEST_CLOCK_OFFSET_DAYS: days,
      }),
    ).toMatch(/tests only/);
    expect(testClockProblem({ NODE_ENV: "production", HANDOFF_TEST_CLOCK_OFFSET_DAYS: days })).toMatch(/tests only/);
    expect(
      testClockProblem({
        NODE_ENV: "production",
        NEXTAUTH_URL: "http://127.0.0.1.evil.example",
        HANDOFF_TEST_CLOCK_OFFSET_DAYS: days,
      }),
    ).toMatch(/tests only/);
    expect(
      testClockProblem({
        NODE_ENV: "production",
        NEXTAUTH_URL: "http://127.0.0.1:3400",
        HANDOFF_TEST_CLOCK_OFFSET_DAYS: days,
      }),
    ).toBeNull();
    expect(testClockProblem({ NODE_ENV: "development", HANDOFF_TEST_CLOCK_OFFSET_DAYS: days })).toBeNull();
    expect(testClockProblem({ NODE_ENV: "production", NEXTAUTH_URL: "https://handoff.example.com" })).toBeNull();
  });
});
