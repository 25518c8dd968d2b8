// Pure: which of the given values change a candidate, shared by the import, the API and tests.
import type { CandidateValues } from "@/lib/candidates/fields";

export type CandidateField = keyof CandidateValues;

export type ChangePlan = {
  /** Values to write (only those that differ from the stored ones). */
  data: Partial<CandidateValues>;
  /** Fields the input would have changed but that were kept, because the candidate is in Personio. */
  kept: CandidateField[];
};

function isMissing(value: unknown) {
  return value === null || value === undefined || value === "";
}

/**
 * Compares given values (undefined = not given) with the stored candidate. A candidate already
 * sent to Personio is only completed: a missing value may be added, an existing one is never
 * replaced, since Personio holds the person now and a silent change here would diverge from it.
 */
export function planCandidateChange(
  current: CandidateValues,
  given: Partial<CandidateValues>,
  options: { inPersonio: boolean },
): ChangePlan {
  const data: Partial<CandidateValues> = {};
  const kept: CandidateField[] = [];
  for (const field of Object.keys(given) as CandidateField[]) {
    const next = given[field];
    if (next === undefined) continue;
    const before = current[field];
    if ((before ?? null) === (next ?? null)) continue;
    if (options.inPersonio && !isMissing(before)) {
      kept.push(field);
      continue;
    }
    if (options.inPersonio && isMissing(next)) continue; // clearing is a change too
    (data as Record<string, unknown>)[field] = next;
  }
  return { data, kept };
}
