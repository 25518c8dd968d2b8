import "server-only";

import { blockerKey, type SendBlocker } from "./blockers";
import { evaluateCandidate, loadCachedBlockerContext, type EvaluatedCandidate } from "./evaluate";

export type BlockerGroup = {
  key: string;
  blocker: SendBlocker;
  /** The first source among its hires, for a mapping's link. */
  source: string | null;
  candidateIds: string[];
};

/**
 * What blocks each hire on a page of the To send queue (its first blocker), and the hires grouped
 * by it, largest group first: one mapping added for "office 'Berlin HQ'" clears ten hires.
 */
export async function groupQueueByBlocker(rows: ReadonlyArray<EvaluatedCandidate & { id: string }>) {
  const none = { byCandidate: new Map<string, SendBlocker>(), groups: [] as BlockerGroup[] };
  if (rows.length === 0) return none;
  // Never waits for Personio: the page shows the blockers once its lists are cached.
  const context = await loadCachedBlockerContext();
  if (!context) return none;
  const byCandidate = new Map<string, SendBlocker>();
  const groups = new Map<string, BlockerGroup>();
  for (const row of rows) {
    const [first] = evaluateCandidate(context, row).blockers;
    if (!first) continue;
    byCandidate.set(row.id, first);
    const key = blockerKey(first);
    const group = groups.get(key) ?? { key, blocker: first, source: row.externalSource, candidateIds: [] };
    group.candidateIds.push(row.id);
    groups.set(key, group);
  }
  return {
    byCandidate,
    groups: [...groups.values()].sort((a, b) => b.candidateIds.length - a.candidateIds.length),
  };
}
