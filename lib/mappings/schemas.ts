import { z } from "zod";

import { STAGES } from "@/lib/candidates/stages";

import { isMappableField } from "./values";

// The mapping form's schema, shared by the mappings page, the review form's "Remember" and the
// action. Messages are keys under mappings.validation.
const value = z.string().trim().min(1, "required").max(255, "tooLong");

export const ZValueMappingInput = z.object({
  /** Given: change this mapping; missing: add one. */
  id: z.string().min(1).max(64).optional(),
  source: z.string().trim().min(1, "required").max(100),
  fieldKey: z
    .string()
    .max(40)
    .refine((key): boolean => isMappableField(key), "field"),
  atsValue: value,
  personioValue: value,
});
export type TValueMappingInput = z.infer<typeof ZValueMappingInput>;

export const ZDeleteValueMappingInput = z.object({ id: z.string().min(1).max(64) });

export const ZAutomaticSendRuleInput = z.object({
  source: z.string().trim().min(1).max(100),
  stage: z.enum(STAGES),
  enabled: z.boolean(),
});
