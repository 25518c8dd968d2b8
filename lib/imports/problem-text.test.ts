import { describe, expect, it } from "vitest";

import { describeRowProblem, type ProblemWords } from "@/lib/imports/problem-text";

const words: ProblemWords = {
  problem: (problem) => `<${problem}>`,
  unknownStage: ({ value, accepted }) => `Unknown stage “${value}”: use one of ${accepted}`,
  stage: (stage) => stage.charAt(0) + stage.slice(1).toLowerCase(),
};

describe("a row problem in words", () => {
  it("names an unknown stage's value and lists the stages understood", () => {
    expect(describeRowProblem("unknown_stage", { cells: ["Anna", " Vertrag "], mapping: { stage: 1 } }, words)).toBe(
      "Unknown stage “Vertrag”: use one of Applied, Screening, Interview, Offer, Hired, Rejected",
    );
  });

  it("says any other problem as it is", () => {
    expect(describeRowProblem("invalid_email", { cells: ["x"], mapping: { stage: 0 } }, words)).toBe("<invalid_email>");
  });
});
