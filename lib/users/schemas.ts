import { z } from "zod";

import { ZNewPassword } from "@/lib/auth/password-rules";
import { LOCALES } from "@/lib/i18n/config";
import { canonicalTimeZone } from "@/lib/i18n/time-zones";
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

// The profile menu: the person's own language and time zone. A zone is stored in its canonical
// spelling, so whatever alias a browser offers ("Asia/Kolkata") formats the same everywhere.
export const ZPreferencesInput = z.object({
  locale: z.enum(LOCALES, { error: "locale" }),
  timeZone: z
    .string({ error: "timeZone" })
    .max(64, "timeZone")
    .transform((zone, context) => {
      const canonical = canonicalTimeZone(zone);
      if (canonical) return canonical;
      context.addIssue({ code: "custom", message: "timeZone" });
      return z.NEVER;
    }),
});
export type TPreferencesInput = z.input<typeof ZPreferencesInput>;

// "Forgot password?" on the sign-in page: the address, as the sign-in form normalises it.
export const ZForgotPasswordInput = z.object({ email: z.string().trim().toLowerCase().max(320).email() });
export type TForgotPasswordInput = z.infer<typeof ZForgotPasswordInput>;
