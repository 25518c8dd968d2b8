import { z } from "zod";

import { DELIVERY_OUTCOMES } from "./kinds";

export const INTAKE_PAGE_SIZE = 50;

// Query-string parameters of the intake log. Bad values fall back to defaults, so a hand-edited
// URL still shows the log.
export const ZIntakeListParams = z.object({
  source: z
    .string()
    .max(100)
    .regex(/^[a-z0-9]*$/)
    .catch("")
    .default(""),
  outcome: z.enum(DELIVERY_OUTCOMES).or(z.literal("")).catch("").default(""),
  attention: z.enum(["1", ""]).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TIntakeListParams = z.infer<typeof ZIntakeListParams>;

export function intakeListHref(params: Partial<TIntakeListParams>) {
  const search = new URLSearchParams();
  if (params.source) search.set("source", params.source);
  if (params.outcome) search.set("outcome", params.outcome);
  if (params.attention) search.set("attention", params.attention);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `/admin/integrations/ats/intake?${query}` : "/admin/integrations/ats/intake";
}
