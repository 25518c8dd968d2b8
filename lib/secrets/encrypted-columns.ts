// Every database column that holds a secret encrypted with ENCRYPTION_KEY (lib/secrets/at-rest.ts),
// in one place: `npm run secrets:rotate-key` re-encrypts exactly these, so a column missing here
// would keep the old key and become unreadable once the old key is removed.
//
// Adding an encrypted column: name it "…Encrypted" in prisma/schema.prisma (a String, optional or
// not, on a model whose primary key is `id`) and add it below. encrypted-columns.test.ts fails
// while a "…Encrypted" field of the schema is not listed here, or an entry names no such field.
export type EncryptedColumn = {
  /** The model as named in prisma/schema.prisma. */
  model: string;
  field: string;
};

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { model: "PersonioIntegration", field: "clientSecretEncrypted" },
  // Personio's bearer token, shared by the app processes on PostgreSQL.
  { model: "PersonioToken", field: "tokenEncrypted" },
  { model: "SsoSettings", field: "clientSecretEncrypted" },
  // A renewed SSO client secret while its test sign-in runs.
  { model: "SsoSettings", field: "pendingSecretEncrypted" },
  // ATS sources: the signing secret, and the one it replaced while its grace period runs.
  { model: "WebhookSource", field: "secretEncrypted" },
  { model: "WebhookSource", field: "previousSecretEncrypted" },
  // An email waiting to be sent (an invitation carries a one-time link).
  { model: "OutboxMessage", field: "contentEncrypted" },
];
