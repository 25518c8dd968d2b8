import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { kickBackgroundRunner } from "@/lib/background/process-runner";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { isEmailEnabled } from "@/lib/email/settings";
import { addressLimitKey } from "@/lib/http/client-address";
import { createDatabaseLimiter, type DatabaseLimiter } from "@/lib/rate-limit";
import { isPasswordSignInAllowed } from "@/lib/sso/password-policy";
import { accountLinkPath, createAccountToken, SELF_SERVICE_LINK_HOURS } from "@/lib/users/account-tokens";

// "Forgot password?": whoever asks gets the same answer, whether the address has an account or
// not, so the page cannot be used to find out who works here. The email goes to the account's
// own address only, with a one-time link valid one hour (setting the password ends every
// session: lib/users/password-links.ts). An account that may only sign in with SSO is told to
// use its provider instead. Limited per address asking and per account asked for; over a limit,
// nothing is sent and the answer is still the same.
const LIMITS = {
  account: { name: "password-reset-account", points: 3, windowSeconds: 60 * 60 },
  address: { name: "password-reset-address", points: 20, windowSeconds: 60 * 60 },
};

let limiters: { account: DatabaseLimiter; address: DatabaseLimiter } | undefined;

function resetLimiters() {
  limiters ??= {
    account: createDatabaseLimiter(db, LIMITS.account),
    address: createDatabaseLimiter(db, LIMITS.address),
  };
  return limiters;
}

export async function requestPasswordReset({ email, address }: { email: string; address: string | null }) {
  if (!isEmailEnabled()) return;
  const { account, address: byAddress } = resetLimiters();
  if (address && !(await byAddress.take(addressLimitKey(address))).allowed) return;
  if (!(await account.take(email)).allowed) return;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, active: true, locale: true, timeZone: true, passwordHash: true },
  });
  if (!user?.active) return;
  const to = { address: user.email, name: user.name, locale: user.locale, timeZone: user.timeZone };
  const mayUsePassword = await isPasswordSignInAllowed(user.id);
  await db.$transaction(async (tx) => {
    if (!mayUsePassword) {
      const sso = await tx.ssoSettings.findFirst({ select: { buttonLabel: true } });
      await queueEmail(tx, {
        template: "account.sso-only",
        to,
        data: { name: user.name, providerLabel: sso?.buttonLabel ?? "SSO" },
      });
      return;
    }
    // An invited person who never set a password gets a fresh invitation link instead.
    const purpose = user.passwordHash === null ? "INVITE" : "RESET";
    const link = await createAccountToken(tx, {
      userId: user.id,
      purpose,
      createdById: user.id,
      validHours: SELF_SERVICE_LINK_HOURS,
    });
    await writeAuditLog(tx, {
      actorId: user.id,
      action: "user.request-reset-link",
      targetType: "user",
      targetId: user.id,
      outcome: "success",
      details: { linkExpiresAt: link.expiresAt.toISOString() },
    });
    await queueEmail(tx, {
      template: purpose === "INVITE" ? "account.invitation" : "account.reset",
      to,
      data: { name: user.name, linkPath: accountLinkPath(link.token), expiresAt: link.expiresAt.toISOString() },
    });
  });
  kickBackgroundRunner();
}
