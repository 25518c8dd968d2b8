import { z } from "zod";

import { STAGES } from "@/lib/candidates/stages";

export const CANDIDATES_PAGE_SIZE = 20;

// Query-string parameters of the candidate list. Bad values fall back to defaults
// rather than erroring: a hand-edited URL should still show a list.
export const ZCandidateListParams = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  job: z.string().max(40).catch("").default(""),
  stage: z.enum(STAGES).or(z.literal("")).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type TCandidateListParams = z.infer<typeof ZCandidateListParams>;

export function candidateListHref(params: Partial<TCandidateListParams>) {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.job) search.set("job", params.job);
  if (params.stage) search.set("stage", params.stage);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `/candidates?${query}` : "/candidates";
}
