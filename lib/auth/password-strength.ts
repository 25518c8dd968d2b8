import "server-only";

import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

import type { PasswordProblem } from "@/lib/auth/password-rules";

// zxcvbn-ts estimates how many guesses a password needs, matching it against its list of about
// 50,000 common passwords (with l33t spellings, reversals and near misses), keyboard patterns,
// repeats, sequences and dates, and against the person's own name and email. Below score 3
// (fewer than 10^8 guesses) a password falls quickly to an offline attack on a stolen hash.
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator() {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });
  return factory;
}

const COMMON_WARNINGS = new Set(["topTen", "topHundred", "common", "similarToCommon", "pwned"]);

// Null when the password may be used; otherwise why not, for the message.
export function findPasswordProblem(password: string, personal: { name?: string; email?: string } = {}): PasswordProblem | null {
  const userInputs = [personal.name, personal.email, personal.email?.split("@")[0], "handoff"].filter(
    (value): value is string => !!value,
  );
  const result = estimator().check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ?? "";
  if (warning === "userInputs") return "personal";
  if (COMMON_WARNINGS.has(warning)) return "common";
  return "guessable";
}
