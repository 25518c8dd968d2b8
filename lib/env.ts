import "server-only";

import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

import { DEFAULT_DATABASE_URL } from "@/lib/db/provider";
import { loadOrCreateDevSecrets } from "@/lib/dev-secrets";
import { LOCALES } from "@/lib/i18n/config";
import { canonicalTimeZone } from "@/lib/i18n/time-zones";

const isProduction = process.env.NODE_ENV === "production";
const isBuild = process.env.NEXT_PHASE === "phase-production-build";

// Outside production, missing secrets are generated under data/ (never committed).
const devSecrets = isProduction || isBuild ? undefined : loadOrCreateDevSecrets();

const base64Key32 = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32, {
    message: "must be 32 random bytes, base64-encoded (openssl rand -base64 32)",
  });

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    ENCRYPTION_KEY: base64Key32,
    PERSONIO_API_BASE_URL: z.url().default("https://api.personio.de"),
    // Where the badge links to; {subdomain} is replaced by the connected account's subdomain.
    PERSONIO_WEB_BASE_URL: z.string().min(1).default("https://{subdomain}.personio.de"),
    PERSONIO_APP_ID: z
      .string()
      .regex(/^[A-Z0-9_]+$/, "must be UPPER_SNAKE_CASE, as Personio asks")
      .default("HANDOFF"),
    PERSONIO_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // A send still "in progress" after this long is taken to have died (a crash, a killed
    // process) and may be retried; well above the longest a lookup plus a create can take.
    HANDOFF_CLAIM_TTL_MS: z.coerce.number().int().positive().default(120_000),
    // Deliveries one webhook source may make per minute (per app process); more are answered
    // 429 with Retry-After, which every ATS here retries.
    WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    // For people who have not chosen a language and whose browser asks for none of ours.
    DEFAULT_LOCALE: z.enum(LOCALES).default("en"),
    // For people whose browser has not reported a time zone yet (it does at sign-in).
    DEFAULT_TIME_ZONE: z
      .string()
      .default("Europe/Berlin")
      .transform((zone, context) => {
        const canonical = canonicalTimeZone(zone);
        if (!canonical) context.addIssue({ code: "custom", message: "must be an IANA time zone, e.g. Europe/Berlin" });
        return canonical ?? zone;
      }),
  },
  client: {},
  runtimeEnv: {
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? devSecrets?.NEXTAUTH_SECRET,
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? devSecrets?.ENCRYPTION_KEY,
    PERSONIO_API_BASE_URL: process.env.PERSONIO_API_BASE_URL,
    PERSONIO_WEB_BASE_URL: process.env.PERSONIO_WEB_BASE_URL,
    PERSONIO_APP_ID: process.env.PERSONIO_APP_ID,
    PERSONIO_TIMEOUT_MS: process.env.PERSONIO_TIMEOUT_MS,
    HANDOFF_CLAIM_TTL_MS: process.env.HANDOFF_CLAIM_TTL_MS,
    WEBHOOK_RATE_LIMIT_PER_MINUTE: process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE,
    DEFAULT_LOCALE: process.env.DEFAULT_LOCALE,
    DEFAULT_TIME_ZONE: process.env.DEFAULT_TIME_ZONE,
  },
  skipValidation: isBuild || !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map((issue) => `  - ${issue.path?.join(".")}: ${issue.message}`);
    throw new Error(
      `Handoff cannot start: the configuration is incomplete or invalid.\n${lines.join("\n")}\n` +
        "See README.md, \"Configuration for production\".",
    );
  },
});
