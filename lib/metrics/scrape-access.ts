import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

export type ScrapeAccess = "disabled" | "refused" | "allowed";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether a scrape may read the metrics: "disabled" without a configured token (the endpoint then
 * answers 404, as if it did not exist), else whether the request's bearer token is the configured
 * one. Both are hashed first, so the comparison takes the same time whatever the length or the
 * first differing character of a guess.
 */
export function checkScrapeAccess(authorization: string | null, configuredToken: string | undefined): ScrapeAccess {
  if (!configuredToken) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const offered = match?.[1] ?? "";
  return timingSafeEqual(digest(offered), digest(configuredToken)) && offered !== "" ? "allowed" : "refused";
}
