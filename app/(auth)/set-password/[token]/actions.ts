"use server";

import { publicAction } from "@/lib/action-client";
import { setPasswordFromLink } from "@/lib/users/password-links";
import { ZSetPasswordFromLinkInput } from "@/lib/users/schemas";

// Public: the person has no password yet (or forgot it). The one-time link's token is the
// credential; it works once and expires (lib/users/password-links.ts).
export const setPasswordFromLinkAction = publicAction
  .inputSchema(ZSetPasswordFromLinkInput)
  .action(async ({ parsedInput }) => setPasswordFromLink(parsedInput));
