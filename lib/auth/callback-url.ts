// Where someone goes after signing in: only a path of this app, never another site. Used by the
// sign-in page, the sign-in form and next-auth's redirect callback, so every way in agrees.
//
// Browsers read "/\evil.example" and "/<tab>/evil.example" as "//evil.example" (another host), and
// "/.//evil.example" normalises to the same; the URL parser used here does what browsers do, so
// anything that would leave this origin, or would become "//…" once parsed or decoded, is refused.
// No page of this app has a backslash or a control character in its address, so refusing those
// costs nothing.

export const DEFAULT_AFTER_SIGN_IN = "/candidates";

// Any fixed origin works: only "does the result stay on it" is asked.
const PROBE_ORIGIN = "http://handoff.invalid";
const MAX_LENGTH = 2048;
const UNSAFE_CHARACTERS = /[\\\u0000-\u001f\u007f]/;

function looksSafe(path: string) {
  return path.startsWith("/") && !path.startsWith("//") && !UNSAFE_CHARACTERS.test(path);
}

// The value and every percent-decoding of it (an attacker may encode twice, hoping one layer
// decodes it later); a malformed escape ends the chain, as it cannot be decoded further.
function decodings(value: string): string[] {
  const forms = [value];
  let current = value;
  for (let round = 0; round < 3; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      break;
    }
    if (next === current) break;
    forms.push(next);
    current = next;
  }
  return forms;
}

/** A same-origin path ("/candidates?stage=HIRED") for `value`, or `fallback` for anything else. */
export function safeCallbackPath(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!decodings(value).every(looksSafe)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (parsed.origin !== PROBE_ORIGIN) return fallback;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return decodings(path).every(looksSafe) ? path : fallback;
}

/**
 * next-auth's redirect callback: a relative path or an absolute URL on this app's own origin
 * becomes that path on `baseUrl`; everything else becomes the default page.
 */
export function safeRedirectUrl({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  let path: string | null = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      path = parsed.origin === origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
    } catch {
      path = null;
    }
  }
  return `${origin}${safeCallbackPath(path)}`;
}
