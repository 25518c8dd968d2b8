import { z } from "zod";

import { ROLE_KEYS } from "@/lib/permissions/definitions";

// Shared by the Users page forms and their server actions. Messages are catalogue keys.
export const ZCreateUserInput = z.object({
  name: z.string().trim().min(1, "name").max(100, "name"),
  email: z.string().trim().toLowerCase().email("email").max(200, "email"),
  roleId: z.enum(ROLE_KEYS, { error: "role" }),
  password: z.string().min(10, "password").max(200, "password"),
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZChangeUserRoleInput = z.object({
  userId: z.string().min(1),
  roleId: z.enum(ROLE_KEYS),
});

export const ZSetUserActiveInput = z.object({
  userId: z.string().min(1),
  active: z.boolean(),
});
