import { DEFAULT_READABLE_ATTRIBUTES } from "./employees";
import {
  AREAS,
  randomId,
  type Area,
  type AreaPermission,
  type CredentialInput,
  type Permissions,
  type SandboxCredential,
  type SandboxState,
} from "./state";

const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function normalizePermissions(input: CredentialInput["permissions"], base?: Permissions): Permissions {
  const result = {} as Permissions;
  for (const area of AREAS) {
    const given: Partial<AreaPermission> = input?.[area] ?? {};
    const write = given.write ?? base?.[area].write ?? false;
    // Personio's screen ties write to read: a writer can always read the same area.
    result[area] = { read: (given.read ?? base?.[area].read ?? false) || write, write };
  }
  return result;
}

/** Like Personio's "Generate new credential": the secret is returned here and never shown again. */
export function generateCredential(state: SandboxState, input: CredentialInput): SandboxCredential {
  const name = input.name.trim();
  if (!name) throw new SandboxInputError("name is required");
  const clientId = input.clientId?.trim() || randomId("papi-", 16);
  const existing = state.credentials.get(clientId);
  if (existing && existing.status !== "removed") throw new SandboxInputError(`client id ${clientId} already exists`);
  const credential: SandboxCredential = {
    clientId,
    clientSecret: input.clientSecret?.trim() || randomId("papi-", 24),
    name,
    integration: input.integration?.trim() || "Other",
    permissions: normalizePermissions(input.permissions),
    readableAttributes: input.readableAttributes ?? [...DEFAULT_READABLE_ATTRIBUTES],
    status: "active",
    createdAt: new Date().toISOString(),
  };
  state.credentials.set(clientId, credential);
  return credential;
}

export function updateCredential(
  state: SandboxState,
  clientId: string,
  input: Partial<Omit<CredentialInput, "clientId" | "clientSecret">>,
): SandboxCredential {
  const credential = liveCredential(state, clientId);
  if (input.name !== undefined) {
    if (!input.name.trim()) throw new SandboxInputError("name is required");
    credential.name = input.name.trim();
  }
  if (input.integration !== undefined) credential.integration = input.integration.trim() || "Other";
  if (input.permissions) credential.permissions = normalizePermissions(input.permissions, credential.permissions);
  if (input.readableAttributes) credential.readableAttributes = [...input.readableAttributes];
  return credential;
}

export function setCredentialStatus(state: SandboxState, clientId: string, status: "active" | "disabled" | "removed") {
  const credential = liveCredential(state, clientId);
  credential.status = status;
  // Removing revokes the token for good; disabling only suspends it (re-enabling restores access).
  if (status === "removed") credential.token = undefined;
  return credential;
}

/** Personio keeps one stable token per credential for 24 hours. */
export function issueToken(credential: SandboxCredential, now = Date.now()): { value: string; expiresAt: number } {
  if (!credential.token || credential.token.expiresAt <= now) {
    credential.token = { value: randomId("papi-", 32), expiresAt: now + TOKEN_LIFETIME_MS };
  }
  return credential.token;
}

export function credentialForToken(
  state: SandboxState,
  token: string,
  now = Date.now(),
): SandboxCredential | undefined {
  for (const credential of state.credentials.values()) {
    if (credential.token?.value === token && credential.token.expiresAt > now) return credential;
  }
  return undefined;
}

export function scopeString(permissions: Permissions): string {
  return AREAS.flatMap((area: Area) => [
    ...(permissions[area].read ? [`${area}:read`] : []),
    ...(permissions[area].write ? [`${area}:write`] : []),
  ]).join(" ");
}

/** What the sandbox's screens and admin API show: never the secret. */
export function publicCredential(credential: SandboxCredential) {
  const { clientSecret: _secret, token: _token, ...rest } = credential;
  return rest;
}

function liveCredential(state: SandboxState, clientId: string): SandboxCredential {
  const credential = state.credentials.get(clientId);
  if (!credential || credential.status === "removed") throw new SandboxNotFoundError(`no credential ${clientId}`);
  return credential;
}

export class SandboxInputError extends Error {}
export class SandboxNotFoundError extends Error {}
