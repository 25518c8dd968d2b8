// Shared by server and client code; the order is the pipeline's, with its other outcome last
// (a stage people's spreadsheets and ATS exports carry: "Rejected", "Abgelehnt").
export const STAGES = ["APPLIED", "SCREENING", "INTERVIEW", "OFFER", "HIRED", "REJECTED"] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
  return typeof value === "string" && (STAGES as readonly string[]).includes(value);
}
