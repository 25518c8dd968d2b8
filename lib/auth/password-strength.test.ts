import { describe, expect, it } from "vitest";

import { ZNewPassword } from "@/lib/auth/password-rules";
import { findPasswordProblem } from "@/lib/auth/password-strength";

describe("new password rules", () => {
  it("asks for at least 12 characters", () => {
    expect(ZNewPassword.safeParse("short-pass1").error?.issues[0]?.message).toBe("tooShort");
    expect(ZNewPassword.safeParse("twelve chars").success).toBe(true);
    expect(ZNewPassword.safeParse("x".repeat(257)).error?.issues[0]?.message).toBe("tooLong");
  });

  it.each(["password1234", "123qweasdzxc", "qwertyuiop12", "iloveyou1234", "Password12345!"])(
    "refuses the common password %s",
    async (password) => {
      expect(await findPasswordProblem(password)).toBe("common");
    },
  );

  it("refuses a password made of the person's own name or email", async () => {
    expect(
      await findPasswordProblem("amelie.laurent1", { name: "Amélie Laurent", email: "amelie.laurent@example.com" }),
    ).toBe("personal");
  });

  it("refuses repeats and keyboard runs", async () => {
    expect(await findPasswordProblem("aaaaaaaaaaaa")).not.toBeNull();
    expect(await findPasswordProblem("hunter2hunter2")).not.toBeNull();
  });

  it.each(["Winterjacke-Blau-42", "correct horse battery", "kx8!pLm2#qRt"])("accepts %s", async (password) => {
    expect(await findPasswordProblem(password, { name: "Amélie Laurent", email: "admin@handoff.test" })).toBeNull();
  });
});
