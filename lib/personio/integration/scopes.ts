// Reads the scope string Personio returns on authentication. v1 answers "employees:read
// employees:write"; v2 tokens say "personio:persons:write" (and the spec's own example uses the
// singular "personio:person:write"), so all forms count. Older v1 answers carry no scope at all.

const WRITE_SCOPES = new Set(["employees:write", "personio:persons:write", "personio:person:write"]);
const READ_SCOPES = new Set(["employees:read", "personio:persons:read", "personio:person:read"]);

export type ScopeAssessment =
  /** Personio named no scopes: we cannot confirm Employees write, so we do not block. */
  | "unconfirmed"
  /** Employees read and write: everything works, including the duplicate lookup by email. */
  | "read_write"
  /** Write without read: sending works, but the lookup by email is refused. */
  | "write_only"
  /** Scopes were given and Employees write is not among them: sending would fail. */
  | "missing_write";

export function assessPersonioScopes(scopes: readonly string[]): ScopeAssessment {
  const normalized = scopes.map((scope) => scope.trim().toLowerCase()).filter(Boolean);
  if (normalized.length === 0) return "unconfirmed";
  const canWrite = normalized.some((scope) => WRITE_SCOPES.has(scope));
  if (!canWrite) return "missing_write";
  return normalized.some((scope) => READ_SCOPES.has(scope)) ? "read_write" : "write_only";
}
