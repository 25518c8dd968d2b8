import { z } from "zod";

// Shared by the Jobs page forms and their server actions. Messages are catalogue keys.
export const ZJobInput = z.object({
  title: z.string().trim().min(1, "title").max(200, "title"),
  department: z.string().trim().max(200, "department"),
  office: z.string().trim().max(200, "office"),
});
export type TJobInput = z.infer<typeof ZJobInput>;

export const ZUpdateJobInput = ZJobInput.extend({ jobId: z.string().min(1) });
export type TUpdateJobInput = z.infer<typeof ZUpdateJobInput>;
