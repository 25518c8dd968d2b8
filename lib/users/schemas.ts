import { z } from "zod";

import { ZNewPassword } from "@/lib/auth/password-rules";
import { ROLE_KEYS } from "@/lib/permissions/definitions";

// Shared by the Users and Account page forms and their server actions. Messages are catalogue
// keys (users.validation, accounts.password).
export const ZInviteUserInput = z.object({
  name: z.string().trim().min(1, "name").max(100, "name"),
  email: z.string().trim().toLowerCase().email("email").max(200, "email"),
  roleId: z.enum(ROLE_KEYS, { error: "role" }),
});
export type TInviteUserInput = z.infer<typeof ZInviteUserInput>;

export const ZChangeUserRoleInput = z.object({
  userId: z.string().min(1),
  roleId: z.enum(ROLE_KEYS),
});

export const ZSetUserActiveInput = z.object({
  userId: z.string().min(1),
  active: z.boolean(),
});

export const ZUserIdInput = z.object({ userId: z.string().min(1).max(64) });

// A one-time link's token is 32 random bytes in base64url: 43 characters.
export const ZSetPasswordFromLinkInput = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  password: ZNewPassword,
});

export const ZChangeOwnPasswordInput = z.object({
  currentPassword: z.string().min(1, "currentRequired").max(1000),
  newPassword: ZNewPassword,
});

// An explicit yes: a stray call without it ends nobody's sessions.
export const ZSignOutEverywhereInput = z.object({ confirm: z.literal(true) });
