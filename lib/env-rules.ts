import { isIP } from "node:net";

// The rules lib/env.ts applies to configuration values, kept apart so they can be tested
// without loading (and validating) the whole configuration.

/** localhost, 127.0.0.0/8 and ::1: addresses that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1" || host === "0:0:0:0:0:0:0:1";
  return false;
}

/** Why `value` is not an https URL (plain http only on a loopback host), or null when it is fine. */
export function httpsUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an absolute URL, e.g. https://handoff.example.com";
  }
  if (url.username || url.password) return "must not contain a user name or password";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return null;
  if (url.protocol === "http:") return "must use https (plain http is allowed only for localhost and 127.0.0.1)";
  return "must be an https URL";
}

// 32 bytes from a random source have about 30 distinct values; 16 or fewer happens by chance
// with a probability far below 1e-12, so such a key was typed or derived, not generated.
const MIN_DISTINCT_BYTES = 17;

/** Why a base64 encryption key is unfit, or null: 32 bytes, and not a pattern a person typed. */
export function encryptionKeyProblem(base64Key: string): string | null {
  const key = Buffer.from(base64Key, "base64");
  if (key.length !== 32) return "must be 32 random bytes, base64-encoded (openssl rand -base64 32)";
  if (new Set(key).size < MIN_DISTINCT_BYTES) {
    return "is too predictable (too few distinct bytes); generate one with openssl rand -base64 32";
  }
  // Random bytes are all printable characters with a probability of (95/256)^32, about 1e-14:
  // such a key is a passphrase someone typed and base64-encoded.
  if (key.every((byte) => byte >= 0x20 && byte <= 0x7e)) {
    return "is text someone typed, not random bytes; generate one with openssl rand -base64 32";
  }
  // 0,1,2,3… or any other constant step: distinct bytes, but no secret at all.
  const step = (key[1]! - key[0]! + 256) % 256;
  if (key.every((byte, index) => index === 0 || (byte - key[index - 1]! + 256) % 256 === step)) {
    return "is a simple sequence, not random bytes; generate one with openssl rand -base64 32";
  }
  return null;
}

const SENDER_ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Why SMTP_FROM is unfit ("Name <address>" or a bare address), or null when it is fine. */
export function senderProblem(value: string): string | null {
  if (/[\r\n]/.test(value)) return "must be one line";
  const named = /^(.*)<([^<>]+)>\s*$/.exec(value.trim());
  const address = named ? named[2]!.trim() : value.trim();
  if (!SENDER_ADDRESS.test(address)) return 'must be an address, e.g. "Handoff <handoff@example.com>"';
  return null;
}

type SmtpValues = {
  SMTP_HOST?: string;
  SMTP_FROM?: string;
  SMTP_USER?: string;
  SMTP_PASSWORD?: string;
  NEXTAUTH_URL?: string;
};

/** Email settings that only work together: a server needs a sender, and the links need the app's address. */
export function smtpSettingsProblems(values: SmtpValues): Array<{ path: string[]; message: string }> {
  if (!values.SMTP_HOST) return [];
  const problems: Array<{ path: string[]; message: string }> = [];
  if (!values.SMTP_FROM) problems.push({ path: ["SMTP_FROM"], message: "is needed when SMTP_HOST is set" });
  if (!values.NEXTAUTH_URL)
    problems.push({ path: ["NEXTAUTH_URL"], message: "is needed when SMTP_HOST is set: emails link to the app" });
  if (!values.SMTP_USER !== !values.SMTP_PASSWORD)
    problems.push({ path: ["SMTP_PASSWORD"], message: "SMTP_USER and SMTP_PASSWORD go together" });
  return problems;
}

/**
 * Why HANDOFF_TEST_CLOCK_OFFSET_DAYS is refused, or null. It moves the background runner's clock
 * (the retention job's "as of") forward, for end-to-end tests of the retention rules. A production
 * process accepts it only when its public address is a loopback one (a test's own server, which
 * no browser elsewhere can sign in to); a real installation with it set does not start.
 */
export function testClockProblem(values: {
  NODE_ENV?: string;
  NEXTAUTH_URL?: string;
  HANDOFF_TEST_CLOCK_OFFSET_DAYS?: number;
}): string | null {
  if (!values.HANDOFF_TEST_CLOCK_OFFSET_DAYS) return null;
  if (values.NODE_ENV !== "production") return null;
  let host = "";
  try {
    host = values.NEXTAUTH_URL ? new URL(values.NEXTAUTH_URL).hostname : "";
  } catch {
    host = "";
  }
  if (host && isLoopbackHost(host)) return null;
  return "is for tests only: a production server accepts it only when NEXTAUTH_URL is a loopback address";
}
