"use server";

import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { ZCreateApiKeyInput, ZRevokeApiKeyInput } from "@/lib/api-keys/schemas";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";

// API keys reach the same data as the people who manage integrations, so the same permission.
const manageKeys = authorizedAction.metadata({ permission: "integrations:manage" });

export const createApiKeyAction = manageKeys.inputSchema(ZCreateApiKeyInput).action(async ({ parsedInput, ctx }) => {
  const created = await createApiKey({ actorId: ctx.user.id, input: parsedInput });
  revalidatePath("/admin/api-keys");
  // The only time the key leaves the server: it is not stored, only its hash.
  return { apiKeyId: created.id, key: created.key };
});

export const revokeApiKeyAction = manageKeys.inputSchema(ZRevokeApiKeyInput).action(async ({ parsedInput, ctx }) => {
  await revokeApiKey({ actorId: ctx.user.id, apiKeyId: parsedInput.apiKeyId });
  revalidatePath("/admin/api-keys");
  return { apiKeyId: parsedInput.apiKeyId };
});
