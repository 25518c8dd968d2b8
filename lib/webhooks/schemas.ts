import { z } from "zod";

import { SOURCE_KINDS } from "./kinds";

// Shared by the source forms and their server actions. Messages are catalogue keys under
// webhooks.validation.

const name = z.string().trim().min(1, "name").max(100, "name");
// Workable's account token, pasted by the admin; the other kinds get a generated secret.
const token = z.string().trim().max(500, "token");

export const ZCreateSourceInput = z
  .object({ kind: z.enum(SOURCE_KINDS), name, token: token.optional() })
  .refine((input) => input.kind !== "workable" || (input.token ?? "").length >= 8, {
    message: "token",
    path: ["token"],
  });
export type TCreateSourceInput = z.input<typeof ZCreateSourceInput>;

export const ZSourceIdInput = z.object({ sourceId: z.string().min(1).max(100) });

export const ZRotateSourceInput = ZSourceIdInput.extend({ token: token.optional() });

export const ZSetSourceEnabledInput = ZSourceIdInput.extend({ enabled: z.boolean() });
