import "server-only";

// Checks an issuer before it is saved: its discovery document must be reachable, name this
// issuer exactly (ID tokens are checked against it) and offer the authorization code flow with
// PKCE (S256) and a JWKS. Sign-in itself re-reads the document through next-auth/openid-client.

export type DiscoveryProblem =
  "unreachable" | "not_json" | "issuer_mismatch" | "incomplete" | "no_code_flow" | "no_pkce";

const TIMEOUT_MS = 8000;

export function discoveryUrl(issuer: string) {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

// The issuer's discovery document. No redirects: the document must live where the issuer says.
async function readDiscoveryDocument(
  issuer: string,
): Promise<{ document: Record<string, unknown> } | { problem: "unreachable" | "not_json" }> {
  let response: Response;
  try {
    response = await fetch(discoveryUrl(issuer), {
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: "application/json" },
    });
  } catch {
    return { problem: "unreachable" };
  }
  if (!response.ok) return { problem: "unreachable" };
  try {
    return { document: (await response.json()) as Record<string, unknown> };
  } catch {
    return { problem: "not_json" };
  }
}

export async function checkDiscovery(
  issuer: string,
): Promise<{ ok: true; issuer: string } | { ok: false; problem: DiscoveryProblem }> {
  const read = await readDiscoveryDocument(issuer);
  if ("problem" in read) return { ok: false, problem: read.problem };
  const { document } = read;
  if (document.issuer !== issuer && document.issuer !== issuer.replace(/\/+$/, ""))
    return { ok: false, problem: "issuer_mismatch" };
  for (const key of ["authorization_endpoint", "token_endpoint", "jwks_uri"]) {
    if (typeof document[key] !== "string") return { ok: false, problem: "incomplete" };
  }
  const responseTypes = document.response_types_supported;
  if (Array.isArray(responseTypes) && !responseTypes.includes("code")) return { ok: false, problem: "no_code_flow" };
  const pkce = document.code_challenge_methods_supported;
  // Absent means unknown (Entra ID does not list it but supports S256); a list without S256 means no.
  if (Array.isArray(pkce) && !pkce.includes("S256")) return { ok: false, problem: "no_pkce" };
  // The issuer as the document spells it (with or without a trailing slash), so that the
  // stored value is exactly what the tokens' iss must be.
  return { ok: true, issuer: document.issuer as string };
}

// The discovery document's scopes_supported, read when a sign-in starts or the settings page
// shows (which scopes to ask for: lib/sso/scopes.ts); null when the document cannot be read.
export async function fetchScopesSupported(issuer: string): Promise<{ scopesSupported: unknown } | null> {
  const read = await readDiscoveryDocument(issuer);
  return "document" in read ? { scopesSupported: read.document.scopes_supported } : null;
}
