import { z } from "zod";

// The Handoff webhook: our own format, for every ATS without a receiver of its own and for
// automation tools (Zapier, Make, n8n). Documented in the OpenAPI document and README. Pure zod
// (no server code) so the OpenAPI document and tests use the very schema the receiver checks.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a calendar day, yyyy-mm-dd");

export const ZHandoffHiredCandidate = z
  .object({
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe("The candidate's id in your system; a later event with the same id updates the candidate."),
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    email: z.email().max(254),
    phone: z.string().trim().max(50).optional(),
    jobTitle: z.string().trim().min(1).max(200).describe("The job the candidate was hired for."),
    department: z.string().trim().max(200).optional(),
    office: z.string().trim().max(200).optional(),
    startDate: day.optional().describe("The first working day, yyyy-mm-dd."),
  })
  .strict();

export const ZHandoffHiredEvent = z
  .object({
    id: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe("Unique per event: a second delivery with the same id is refused as a replay."),
    type: z.literal("candidate.hired"),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    candidate: ZHandoffHiredCandidate,
  })
  .strict();

export const ZHandoffUnhiredEvent = z
  .object({
    id: z.string().trim().min(1).max(200),
    type: z
      .literal("candidate.unhired")
      .describe(
        "The hire was taken back: the candidate returns to Offer (or is flagged for an admin if already sent to Personio).",
      ),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    candidate: z.object({ externalId: z.string().trim().min(1).max(200) }).strict(),
  })
  .strict();

export const ZHandoffWebhookEvent = z.discriminatedUnion("type", [ZHandoffHiredEvent, ZHandoffUnhiredEvent]);
export type THandoffWebhookEvent = z.infer<typeof ZHandoffWebhookEvent>;

export const HANDOFF_EVENT_TYPES = ["candidate.hired", "candidate.unhired"] as const;
