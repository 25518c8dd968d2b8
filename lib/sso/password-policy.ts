import "server-only";

import { db } from "@/lib/db";
import { SSO_SETTINGS_ID } from "@/lib/sso/settings";

// "SSO required" switches password sign-in off for everyone but the named break-glass admin.
export async function isPasswordSignInAllowed(userId: string): Promise<boolean> {
  const sso = await db.ssoSettings.findUnique({
    where: { id: SSO_SETTINGS_ID },
    select: { enabled: true, required: true, breakGlassUserId: true },
  });
  if (!sso?.enabled || !sso.required) return true;
  return sso.breakGlassUserId === userId;
}
