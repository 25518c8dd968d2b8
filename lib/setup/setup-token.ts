import "server-only";

import { createHash, createHmac, timingSafeEqual } from "node:crypto";

import { env } from "@/lib/env";

// The setup page asks for this token, so that whoever reaches a fresh installation first over
// the network cannot make themselves its admin: only someone who can read the server's log (or
// set HANDOFF_SETUP_TOKEN) can. Derived from NEXTAUTH_SECRET, so every instance and every
// restart prints the same one, and nothing needs storing. It opens nothing once setup is done.
export function setupToken(): string {
  if (env.HANDOFF_SETUP_TOKEN) return env.HANDOFF_SETUP_TOKEN;
  return createHmac("sha256", env.NEXTAUTH_SECRET).update("handoff:setup-token").digest("base64url").slice(0, 24);
}

export function isSetupTokenFromEnvironment(): boolean {
  return !!env.HANDOFF_SETUP_TOKEN;
}

// Constant time: compares digests of equal length, whatever was typed.
export function matchesSetupToken(candidate: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value.trim(), "utf8").digest();
  return timingSafeEqual(digest(candidate), digest(setupToken()));
}
