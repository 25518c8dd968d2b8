import { describe, expect, it } from "vitest";

import { classifySmtpFailure } from "./smtp-failure";

// nodemailer's errors as it reports them: a reply code and text, or a code of its own.
describe("SMTP failures", () => {
  it("a 5xx reply is final, a 4xx reply is retried, each with the server's words on one line", () => {
    expect(
      classifySmtpFailure({ responseCode: 550, response: "550 5.1.1 <ada@example.com>:\r\n no such user" }),
    ).toEqual({
      isPermanent: true,
      code: "smtp_550",
      reason: "550 5.1.1 <ada@example.com>: no such user",
    });
    expect(classifySmtpFailure({ responseCode: 421, response: "421 4.3.2 Service shutting down" })).toMatchObject({
      isPermanent: false,
      code: "smtp_421",
    });
  });

  it("a refused login, a timeout and anything unknown are retried", () => {
    expect(
      classifySmtpFailure({ code: "EAUTH", responseCode: 535, response: "535 5.7.8 bad credentials" }),
    ).toMatchObject({
      isPermanent: false,
      code: "smtp_auth_failed",
    });
    expect(classifySmtpFailure({ code: "ETIMEDOUT" })).toEqual({
      isPermanent: false,
      code: "smtp_etimedout",
      reason: "",
    });
    expect(classifySmtpFailure(new Error("boom"))).toEqual({ isPermanent: false, code: "smtp_unexpected", reason: "" });
  });
});
