import { v2Error, v2TokenAnswer } from "./api-v2";
import { credentialForToken, issueToken, scopeString } from "./credentials";
import { json, v1Error, type SandboxRequest, type SandboxResponse } from "./http-types";
import type { Area, SandboxCredential, SandboxState } from "./state";

// Personio documents no body for disabled or removed credentials; these messages are the
// sandbox's assumption. Wrong credentials use the body seen in public fixtures (notes §1.2).
export const WRONG_CREDENTIALS = "Wrong credentials";
export const DISABLED_CREDENTIALS = "The API credentials are disabled.";
export const REMOVED_CREDENTIALS = "The API credentials have been removed.";
export const MISSING_PERMISSION = "personio.core.api.exceptions.api.forbidden.http.exception";

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/** Finds the credential for a client id/secret pair, or the error Personio would answer with. */
function checkSecret(state: SandboxState, clientId: string, secret: string): SandboxCredential | string {
  const credential = state.credentials.get(clientId);
  if (!credential || credential.clientSecret !== secret) return WRONG_CREDENTIALS;
  if (credential.status === "disabled") return DISABLED_CREDENTIALS;
  if (credential.status === "removed") return REMOVED_CREDENTIALS;
  return credential;
}

export function handleV1Auth(state: SandboxState, req: SandboxRequest): SandboxResponse {
  // Query-string credentials are refused, as Personio announced for after the removal date.
  if (req.query.has("client_id") || req.query.has("client_secret")) {
    return v1Error(403, "Credentials must be sent in the request body.", 0);
  }
  const clientId = field(req.body, "client_id");
  const secret = field(req.body, "client_secret");
  if (!clientId || !secret) return v1Error(400, "The client id and client secret fields are required.", 0);
  const result = checkSecret(state, clientId, secret);
  if (typeof result === "string") return v1Error(state.behaviour.wrongCredentialsStatus, result, 0);
  const token = issueToken(result);
  return json(200, {
    success: true,
    data: {
      token: token.value,
      expires_in: Math.floor((token.expiresAt - Date.now()) / 1000),
      scope: scopeString(result.permissions),
    },
  });
}

function oauthError(error: string, description: string, extra?: Record<string, unknown>): SandboxResponse {
  return {
    status: 400,
    headers: { "content-type": "application/problem+json" },
    json: {
      timestamp: new Date().toISOString(),
      trace_id: crypto.randomUUID(),
      error,
      error_description: description,
      ...extra,
    },
  };
}

export function handleV2Token(state: SandboxState, req: SandboxRequest): SandboxResponse {
  if (!req.contentType.startsWith("application/x-www-form-urlencoded")) {
    return oauthError(
      "invalid_request",
      'The content type of the request must be "application/x-www-form-urlencoded".',
    );
  }
  const missing = ["grant_type", "client_id", "client_secret"].filter((name) => !field(req.body, name));
  if (missing.length > 0) {
    return oauthError("invalid_request", "The request has missing or invalid required parameters.", {
      meta: { missing_parameters: missing },
    });
  }
  if (field(req.body, "grant_type") !== "client_credentials") {
    return oauthError(
      "unsupported_grant_type",
      "The requested authorization grant type is not supported by the server.",
    );
  }
  const result = checkSecret(state, field(req.body, "client_id") ?? "", field(req.body, "client_secret") ?? "");
  if (typeof result === "string") {
    const description =
      result === WRONG_CREDENTIALS
        ? "Client authentication failed (e.g., unknown client, wrong secret, no client authentication included, or unsupported authentication method)."
        : result;
    return oauthError("invalid_client", description);
  }
  return v2TokenAnswer(result);
}

/**
 * The v2 side of `authorize`: the same token and permissions, v2's envelope. A missing scope
 * answers as seen live (notes §3.2: "Insufficient access scope"); a bad token 401 (notes §3.2, PostHog).
 */
export function authorizeV2(
  state: SandboxState,
  req: SandboxRequest,
  access: "read" | "write",
): SandboxCredential | SandboxResponse {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1]) return v2Error(401, "Unauthorized", "Authorization is not provided", "common.unauthorized");
  const credential = credentialForToken(state, match[1]);
  if (!credential || credential.status !== "active") {
    return v2Error(401, "Unauthorized", "The provided token is invalid or expired.", "common.unauthorized");
  }
  if (!credential.permissions.employees[access]) {
    return v2Error(
      403,
      "Insufficient access scope",
      "Client scope insufficient to access resource",
      "common.forbidden",
    );
  }
  return credential;
}

/** Checks the bearer token and the credential's permission for an area; returns the credential or the error. */
export function authorize(
  state: SandboxState,
  req: SandboxRequest,
  area: Area,
  access: "read" | "write",
): SandboxCredential | SandboxResponse {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return v1Error(401, "Authorization is not provided", 401);
  const credential = credentialForToken(state, match[1]);
  // A disabled credential's token is suspended, a removed one's is gone: both read as invalid.
  if (!credential || credential.status !== "active") return v1Error(403, "Provided authorization is not valid", 403);
  if (!credential.permissions[area][access]) return v1Error(403, MISSING_PERMISSION, 0);
  return credential;
}

export function withTokenHeader(
  state: SandboxState,
  req: SandboxRequest,
  credential: SandboxCredential,
  response: SandboxResponse,
): SandboxResponse {
  if (state.behaviour.rotateTokens && response.status < 400) {
    credential.token = undefined;
    const next = issueToken(credential);
    return { ...response, headers: { ...response.headers, authorization: `Bearer ${next.value}` } };
  }
  if (!state.behaviour.tokenInResponseHeader || !req.headers.authorization) return response;
  return { ...response, headers: { ...response.headers, authorization: req.headers.authorization } };
}
