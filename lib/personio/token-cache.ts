import "server-only";

import { createHash } from "node:crypto";

import { isPersonioError } from "./errors";

export type CachedToken = { token: string; scopes: string[]; expiresAt: number };

type TokenStore = { tokens: Map<string, CachedToken>; inFlight: Map<string, Promise<CachedToken>> };

// Process-wide on purpose: Personio's auth endpoint allows 60 calls a minute, so every client
// instance for the same credential must share one token. Kept on globalThis to survive dev reloads.
const globalStore = globalThis as typeof globalThis & { __handoffPersonioTokens?: TokenStore };
const store: TokenStore = (globalStore.__handoffPersonioTokens ??= { tokens: new Map(), inFlight: new Map() });

/** The secret only enters the key as a hash, so a changed secret never reuses the old token. */
export function personioTokenCacheKey(baseUrl: string, clientId: string, clientSecret: string): string {
  const secretHash = createHash("sha256").update(clientSecret).digest("hex").slice(0, 32);
  return `${baseUrl}\n${clientId}\n${secretHash}`;
}

/**
 * Returns a valid cached token or runs `authenticate` once; concurrent callers share the one
 * in-flight call. `fresh` skips the cached token (but still joins a call already in flight).
 */
export async function getPersonioToken(
  key: string,
  authenticate: () => Promise<CachedToken>,
  options: { fresh?: boolean; now?: () => number } = {},
): Promise<CachedToken> {
  const now = options.now ?? Date.now;
  const cached = store.tokens.get(key);
  if (!options.fresh && cached && cached.expiresAt > now()) return cached;
  const pending = store.inFlight.get(key);
  if (pending) return pending;
  const call = authenticate()
    .then((token) => {
      store.tokens.set(key, token);
      return token;
    })
    .catch((error: unknown) => {
      // Rejected credentials must not leave a usable token behind; a timeout or 429 says nothing about it.
      if (isPersonioError(error) && (error.code === "invalid_credentials" || error.code === "credentials_disabled")) {
        store.tokens.delete(key);
      }
      throw error;
    })
    .finally(() => store.inFlight.delete(key));
  store.inFlight.set(key, call);
  return call;
}

/** The cached token, if any, without authenticating (to revoke it). */
export function peekPersonioToken(key: string): CachedToken | undefined {
  return store.tokens.get(key);
}

/** Drops `token` only if it is still the cached one, so N parallel 401s cause one renewal. */
export function invalidatePersonioToken(key: string, token: string): void {
  if (store.tokens.get(key)?.token === token) store.tokens.delete(key);
}

/** Replaces the cached token (Personio may hand a new one back in the `Authorization` header). */
export function replacePersonioToken(key: string, previous: string, next: string): void {
  const cached = store.tokens.get(key);
  if (cached && cached.token === previous && next && next !== previous)
    store.tokens.set(key, { ...cached, token: next });
}

/** Clears every cached token, or those of one credential (after a credential change). */
export function clearPersonioTokenCache(key?: string): void {
  if (key === undefined) {
    store.tokens.clear();
    return;
  }
  store.tokens.delete(key);
}
