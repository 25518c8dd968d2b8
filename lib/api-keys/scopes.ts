// Pure: shared by the API key form, the key service and the API routes.
// candidates:erase is apart from write: erasing a person (GDPR Art. 17) removes data for good.
// documents:write: files onto candidates (CVs, contracts), apart from their fields.
export const API_SCOPES = ["candidates:read", "candidates:write", "candidates:erase", "documents:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function parseScopes(stored: string): ApiScope[] {
  return stored.split(" ").filter((scope): scope is ApiScope => (API_SCOPES as readonly string[]).includes(scope));
}

/** Recognisable in logs, configuration and secret scanners. */
export const API_KEY_PREFIX = "hnd_";
