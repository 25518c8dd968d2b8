import { z } from "zod";

export const ZSendDocumentInput = z.object({
  candidateId: z.string().min(1).max(64),
  documentId: z.string().min(1).max(64),
  categoryId: z.number().int().positive(),
});

export const ZDocumentDefaultsInput = z.object({
  CV: z.number().int().positive().nullable(),
  CONTRACT: z.number().int().positive().nullable(),
  OTHER: z.number().int().positive().nullable(),
});
