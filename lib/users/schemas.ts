import { z } from "zod";

import { LOCALES } from "@/lib/i18n/config";
import { canonicalTimeZone } from "@/lib/i18n/time-zones";
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
