import { z } from "zod";

// Pure: the Privacy page's inputs, shared by its forms and its actions.

/** An erasure or access request: an email, or a candidate picked from the list. */
export const ZPersonQuery = z
  .object({
    email: z.string().trim().max(320).optional(),
    candidateId: z.string().trim().max(64).optional(),
  })
  .refine((query) => Boolean(query.email) || Boolean(query.candidateId), { message: "email_or_candidate" });

/** The dry run takes nothing; an empty object, so anything else is refused like any bad input. */
export const ZRetentionPreviewInput = z.object({}).strict();

export type TPersonQuery = z.infer<typeof ZPersonQuery>;
