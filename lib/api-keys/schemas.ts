import { z } from "zod";

import { API_SCOPES } from "@/lib/api-keys/scopes";

// Shared by the API keys page form and its server action. Messages are catalogue keys.
export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "name").max(100, "name"),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "scopes"),
  // yyyy-mm-dd or empty: the key stops working at the end of that day (UTC).
  expiresOn: z.union([z.literal(""), z.iso.date("expiresOn")]).optional(),
  rateLimitPerMinute: z.coerce.number<number>().int("rateLimit").min(1, "rateLimit").max(100_000, "rateLimit"),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZRevokeApiKeyInput = z.object({ apiKeyId: z.string().min(1) });
