import "server-only";

// The values a hire would be sent with and what blocks it, for many hires at once (the To send
// queue's page) or one (the automatic send): the review form's prefills through the mappings, and
// its check against Personio's lists (read once, from the cache).

import { mappedPrefills } from "@/lib/handoff/send-form";
import { getAllMappings } from "@/lib/mappings/store";
import type { MappingLookup } from "@/lib/mappings/values";
import { needsPersonioLists } from "@/lib/personio-fields/catalogue";
import type { FieldConfig } from "@/lib/personio-fields/config";
import { buildFieldForm } from "@/lib/personio-fields/form";
import { loadFieldForm, type LoadedFieldForm } from "@/lib/personio-fields/server";
import { getFieldConfig } from "@/lib/personio-fields/store";
import type { PrefillCandidate } from "@/lib/personio-fields/values";
import { getCachedPersonioOptions, refreshPersonioOptions } from "@/lib/personio/integration/options";

import { findSendBlockers, type SendBlocker } from "./blockers";

export type BlockerContext = { config: FieldConfig; form: LoadedFieldForm; mappings: MappingLookup[] };

export async function loadBlockerContext(): Promise<BlockerContext> {
  const config = await getFieldConfig();
  const [form, mappings] = await Promise.all([loadFieldForm(config), getAllMappings()]);
  return { config, form, mappings };
}

/**
 * The same from the cached lists only, for a page (the To send queue) that must not wait for
 * Personio: null, and a refresh started, while nothing is cached yet.
 */
export async function loadCachedBlockerContext(): Promise<BlockerContext | null> {
  const config = await getFieldConfig();
  const needsLists = config.fields.some((field) => needsPersonioLists(field.key));
  const [lists, mappings] = await Promise.all([needsLists ? getCachedPersonioOptions() : null, getAllMappings()]);
  if (needsLists && !lists) {
    void refreshPersonioOptions().catch(() => undefined);
    return null;
  }
  const form = { ...buildFieldForm(config, lists), listsError: null, listsFetchedAt: lists?.fetchedAt ?? null };
  return { config, form, mappings };
}

export type EvaluatedCandidate = PrefillCandidate & {
  externalSource: string | null;
  firstName: string;
  lastName: string;
  email: string;
};

/** What the candidate selects for an evaluation. */
export const EVALUATED_CANDIDATE_SELECT = {
  firstName: true,
  lastName: true,
  email: true,
  startDate: true,
  department: true,
  office: true,
  externalSource: true,
  job: { select: { title: true, department: true, office: true } },
} as const;

export function evaluateCandidate(context: BlockerContext, candidate: EvaluatedCandidate) {
  const { config, form, mappings } = context;
  // The fields that cannot be offered are checked too: a value for one cannot be sent unseen.
  const keys = new Set([...form.fields, ...form.unavailable].map((field) => field.key));
  const extra = mappedPrefills(config, candidate, mappings, keys);
  const core = { firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email };
  const blockers: SendBlocker[] = findSendBlockers({ form, core, extra });
  return { core, extra, blockers };
}
