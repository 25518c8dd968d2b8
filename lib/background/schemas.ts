import { z } from "zod";

// The admin page's one action: "Retry now" for a failed background job.
export const ZRetryBackgroundJobInput = z.object({ jobId: z.string().min(1).max(64) });
