import "server-only";

import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

import type { PasswordProblem } from "@/lib/auth/password-rules";

// zxcvbn-ts estimates how many guesses a password needs, matching it against its list of about
// 50,000 common passwords (with l33t spellings, reversals and near misses), keyboard patterns,
// repeats, sequences and dates, and against the person's own name and email. Below score 3
// (fewer than 10^8 guesses) a password falls quickly to an offline attack on a stolen hash.
const MIN_SCORE = 3;

// Loaded on the first check, not with every module that imports this one: the dictionaries
// take a noticeable moment to load, which start-up and most pages need not pay.
let factory: Promise<ZxcvbnFactory> | undefined;
function estimator() {
  factory ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: common.dictionary,
        graphs: common.adjacencyGraphs,
        useLevenshteinDistance: true,
      }),
  );
  return factory;
}

const COMMON_WARNINGS = new Set(["topTen", "topHundred", "common", "similarToCommon", "pwned"]);

// Null when the password may be used; otherwise why not, for the message.
export async function findPasswordProblem(
  password: string,
  personal: { name?: string; email?: string } = {},
): Promise<PasswordProblem | null> {
  const userInputs = [personal.name, personal.email, personal.email?.split("@")[0], "handoff"].filter(
    (value): value is string => !!value,
  );
  const result = (await estimator()).check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ?? "";
  if (warning === "userInputs") return "personal";
  if (COMMON_WARNINGS.has(warning)) return "common";
  return "guessable";
}
