import "server-only";

import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Failed sign-ins are limited per email (guessing one person's password) and per client IP
// (trying many accounts). A blocked email gets the same answer whether or not an account
// exists, so the limit reveals nothing. Counters live in this process: with several instances
// the effective limit is per instance, which still bounds guessing to a few tries a minute.
const FAILURES_PER_EMAIL = 5;
const FAILURES_PER_IP = 100;
const WINDOW_SECONDS = 15 * 60;

const globalForLimits = globalThis as unknown as { signInLimiters?: { email: RateLimiterMemory; ip: RateLimiterMemory } };
const limiters = (globalForLimits.signInLimiters ??= {
  email: new RateLimiterMemory({ keyPrefix: "sign-in-email", points: FAILURES_PER_EMAIL, duration: WINDOW_SECONDS }),
  ip: new RateLimiterMemory({ keyPrefix: "sign-in-ip", points: FAILURES_PER_IP, duration: WINDOW_SECONDS }),
});

type Keys = { email: string; ip: string | null };

export async function isSignInBlocked({ email, ip }: Keys): Promise<boolean> {
  const [byEmail, byIp] = await Promise.all([limiters.email.get(email), ip ? limiters.ip.get(ip) : null]);
  return (byEmail?.remainingPoints ?? 1) <= 0 || (byIp?.remainingPoints ?? 1) <= 0;
}

export async function recordFailedSignIn({ email, ip }: Keys): Promise<void> {
  const consume = (limiter: RateLimiterMemory, key: string) =>
    limiter.consume(key).catch((rejection: unknown) => {
      if (!(rejection instanceof RateLimiterRes)) throw rejection; // already blocked: nothing more to count
    });
  await Promise.all([consume(limiters.email, email), ip ? consume(limiters.ip, ip) : undefined]);
}

export async function clearFailedSignIns({ email }: Pick<Keys, "email">): Promise<void> {
  await limiters.email.delete(email);
}
