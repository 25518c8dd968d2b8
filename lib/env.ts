import "server-only";

import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

import { DEFAULT_DATABASE_URL } from "@/lib/db/provider";
import { loadOrCreateDevSecrets } from "@/lib/dev-secrets";
import {
  encryptionKeyProblem,
  httpsUrlProblem,
  senderProblem,
  smtpSettingsProblems,
  testClockProblem,
} from "@/lib/env-rules";
import { LOCALES } from "@/lib/i18n/config";
import { canonicalTimeZone } from "@/lib/i18n/time-zones";

const isProduction = process.env.NODE_ENV === "production";
const isBuild = process.env.NEXT_PHASE === "phase-production-build";

// Outside production, missing secrets are generated under data/ (never committed).
const devSecrets = isProduction || isBuild ? undefined : loadOrCreateDevSecrets();

const encryptionKey = z.string().superRefine((value, context) => {
  const problem = encryptionKeyProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

// https, or plain http on a loopback address (development, tests, a proxy on the same machine).
const httpsUrl = z.string().superRefine((value, context) => {
  const problem = httpsUrlProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    // The public address. It decides the session cookies' Secure flag and __Secure-/__Host-
    // prefixes and whether Strict-Transport-Security is sent, so production cannot go without it.
    NEXTAUTH_URL: isProduction ? httpsUrl : httpsUrl.optional(),
    ENCRYPTION_KEY: encryptionKey,
    // The key before the last rotation: still read, never written (npm run secrets:rotate-key).
    ENCRYPTION_KEY_PREVIOUS: encryptionKey.optional(),
    PERSONIO_API_BASE_URL: httpsUrl.default("https://api.personio.de"),
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
    // How long a stopping process (SIGTERM) waits for sends and background work in flight before
    // it exits anyway (lib/shutdown.ts); above the longest send (a lookup plus a create, each up
    // to PERSONIO_TIMEOUT_MS). The service manager's own stop timeout must be longer still.
    HANDOFF_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    // Deliveries one webhook source may make per minute, counted in the database for all app
    // processes together; more are answered 429 with Retry-After, which every ATS here retries.
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
    // The first-run setup page's token; unset, one is derived from NEXTAUTH_SECRET and printed
    // in the log at start (lib/setup/setup-token.ts).
    HANDOFF_SETUP_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    // How many proxies in front of the app add to X-Forwarded-For. 0: the connection's own
    // address is the client's and X-Forwarded-For is ignored (anyone can write it).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Sign-in limits: password checks per account and attempts per client address in a window.
    SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
    SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(100),
    SIGN_IN_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    // Email (lib/email/): on when SMTP_HOST is set. SMTP_SECURITY: "starttls" (the default: the
    // connection must be upgraded, or nothing is sent), "tls" (TLS from the first byte, port 465),
    // "none" (plain, only for a relay on the same machine or network). The port defaults to 587,
    // 465 or 25 by that. SMTP_FROM is the sender, e.g. "Handoff <handoff@example.com>".
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    SMTP_SECURITY: z.enum(["starttls", "tls", "none"]).default("starttls"),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    SMTP_FROM: z
      .string()
      .optional()
      .superRefine((value, context) => {
        const problem = value === undefined ? null : senderProblem(value);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
    // How much the log says (lib/logger.ts): info unless set; unit tests log nothing by default.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    // One info line per request (method, path, status, duration, request id); "false" leaves the
    // access log to a proxy in front that already writes one.
    LOG_REQUESTS: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
    // The bearer token a Prometheus scraper sends to /api/metrics. Unset, the endpoint does not
    // exist (404): the figures say how busy the installation is, which is nobody else's business.
    METRICS_TOKEN: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    // Tests only (lib/env-rules.ts testClockProblem): days the background runner's clock runs
    // ahead, so an end-to-end test sees the retention rules apply without waiting for them.
    HANDOFF_TEST_CLOCK_OFFSET_DAYS: z.coerce.number().int().min(0).max(3650).optional(),
    // Where candidates' documents are stored (lib/documents/storage.ts); a volume in a container.
    DOCUMENTS_DIR: z.string().min(1).default("data/documents"),
    // Hosts an ATS attachment URL may point to although they resolve to a private, loopback or
    // link-local address (comma-separated host names or host:port); empty: none.
    ATTACHMENT_FETCH_ALLOWED_HOSTS: z.string().default(""),
  },
  client: {},
  runtimeEnv: {
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? devSecrets?.NEXTAUTH_SECRET,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL,
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? devSecrets?.ENCRYPTION_KEY,
    ENCRYPTION_KEY_PREVIOUS: process.env.ENCRYPTION_KEY_PREVIOUS,
    PERSONIO_API_BASE_URL: process.env.PERSONIO_API_BASE_URL,
    PERSONIO_WEB_BASE_URL: process.env.PERSONIO_WEB_BASE_URL,
    PERSONIO_APP_ID: process.env.PERSONIO_APP_ID,
    PERSONIO_TIMEOUT_MS: process.env.PERSONIO_TIMEOUT_MS,
    HANDOFF_CLAIM_TTL_MS: process.env.HANDOFF_CLAIM_TTL_MS,
    HANDOFF_SHUTDOWN_TIMEOUT_MS: process.env.HANDOFF_SHUTDOWN_TIMEOUT_MS,
    WEBHOOK_RATE_LIMIT_PER_MINUTE: process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE,
    DEFAULT_LOCALE: process.env.DEFAULT_LOCALE,
    DEFAULT_TIME_ZONE: process.env.DEFAULT_TIME_ZONE,
    HANDOFF_SETUP_TOKEN: process.env.HANDOFF_SETUP_TOKEN,
    TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS,
    SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: process.env.SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT,
    SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: process.env.SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS,
    SIGN_IN_WINDOW_MINUTES: process.env.SIGN_IN_WINDOW_MINUTES,
    LOG_LEVEL: process.env.LOG_LEVEL,
    LOG_REQUESTS: process.env.LOG_REQUESTS,
    METRICS_TOKEN: process.env.METRICS_TOKEN,
    SMTP_HOST: process.env.SMTP_HOST,
    SMTP_PORT: process.env.SMTP_PORT,
    SMTP_SECURITY: process.env.SMTP_SECURITY,
    SMTP_USER: process.env.SMTP_USER,
    SMTP_PASSWORD: process.env.SMTP_PASSWORD,
    SMTP_FROM: process.env.SMTP_FROM,
    HANDOFF_TEST_CLOCK_OFFSET_DAYS: process.env.HANDOFF_TEST_CLOCK_OFFSET_DAYS,
    DOCUMENTS_DIR: process.env.DOCUMENTS_DIR,
    ATTACHMENT_FETCH_ALLOWED_HOSTS: process.env.ATTACHMENT_FETCH_ALLOWED_HOSTS,
  },
  // Settings that only make sense together (email's sender and the links it carries).
  createFinalSchema: (shape) =>
    z.object(shape).superRefine((values, context) => {
      for (const { path, message } of smtpSettingsProblems(values)) context.addIssue({ code: "custom", path, message });
      const testClock = testClockProblem(values);
      if (testClock) context.addIssue({ code: "custom", path: ["HANDOFF_TEST_CLOCK_OFFSET_DAYS"], message: testClock });
    }),
  skipValidation: isBuild || !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map((issue) => `  - ${issue.path?.join(".")}: ${issue.message}`);
    throw new Error(
      `Handoff cannot start: the configuration is incomplete or invalid.\n${lines.join("\n")}\n` +
        'See README.md, "Configuration for production".',
    );
  },
});
