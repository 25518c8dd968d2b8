import { z } from "zod";

// The rules every new password follows, shared by the forms (as-you-type) and the actions.
// Length is checked here; whether it is a common or guessable password is checked on the server
// only (lib/auth/password-strength.ts), because its dictionaries are too large for the browser.
// Messages are keys under accounts.password in the catalogue.
export const PASSWORD_MIN_LENGTH = 12;
// Far above any passphrase; bounds the work one request can cause.
export const PASSWORD_MAX_LENGTH = 256;

export const ZNewPassword = z
  .string({ error: "tooShort" })
  .min(PASSWORD_MIN_LENGTH, "tooShort")
  .max(PASSWORD_MAX_LENGTH, "tooLong");

export const PASSWORD_PROBLEMS = ["common", "personal", "guessable"] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];
