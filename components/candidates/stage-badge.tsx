import type { Stage } from "@/lib/candidates/stages";

const COLORS: Record<Stage, string> = {
  APPLIED: "bg-slate-100 text-slate-700",
  SCREENING: "bg-sky-100 text-sky-800",
  INTERVIEW: "bg-violet-100 text-violet-800",
  OFFER: "bg-amber-100 text-amber-900",
  HIRED: "bg-green-100 text-green-800",
  REJECTED: "bg-red-100 text-red-800",
};

// Not async: the caller passes its translator for the "stages" messages. A list renders one
// badge per row, and an async component costs React a promise and a chunk of its own each.
export function StageBadge({ stage, t }: { stage: string; t: (stage: Stage) => string }) {
  const known = stage in COLORS ? (stage as Stage) : "APPLIED";
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${COLORS[known]}`}>{t(known)}</span>
  );
}
