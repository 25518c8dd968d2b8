import "server-only";

// The values a hire would be sent with and what blocks it, for many hires at once (the To send
// queue's page) or one (the automatic send): the review form's prefills through the mappings, and
// its check against Personio's lists (read once, from the cache).

import { mappedPrefills } from "@/lib/handoff/send-form";
import { getAllMappings } from "@/lib/mappings/store";
import type { MappingLookup } from "@/lib/mappings/values";
import type { FieldConfig } from "@/lib/personio-fields/config";
import { loadFieldForm, type LoadedFieldForm } from "@/lib/personio-fields/server";
import { getFieldConfig } from "@/lib/personio-fields/store";
import type { PrefillCandidate } from "@/lib/personio-fields/values";

import { findSendBlockers, type SendBlocker } from "./blockers";

export type BlockerContext = { config: FieldConfig; form: LoadedFieldForm; mappings: MappingLookup[] };

export async function loadBlockerContext(): Promise<BlockerContext> {
  const config = await getFieldConfig();
  const [form, mappings] = await Promise.all([loadFieldForm(config), getAllMappings()]);
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
