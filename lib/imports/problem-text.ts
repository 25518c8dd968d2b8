// Pure: a row problem in words, for the preview, the report and the rejected-rows download. An
// unknown stage names the cell's value and the stages that are understood, so the fix is obvious.
import { STAGES, type Stage } from "@/lib/candidates/stages";
import type { ColumnMapping } from "@/lib/imports/fields";
import type { RowProblem } from "@/lib/imports/rows";

export type ProblemWords = {
  problem: (problem: RowProblem) => string;
  unknownStage: (values: { value: string; accepted: string }) => string;
  stage: (stage: Stage) => string;
};

export function describeRowProblem(
  problem: RowProblem,
  row: { cells: readonly string[]; mapping: ColumnMapping },
  words: ProblemWords,
): string {
  const column = row.mapping.stage;
  if (problem === "unknown_stage" && column !== undefined) {
    const value = (row.cells[column] ?? "").trim();
    return words.unknownStage({ value, accepted: STAGES.map(words.stage).join(", ") });
  }
  return words.problem(problem);
}
