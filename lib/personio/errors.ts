import "server-only";

export type PersonioErrorCode =
  | "invalid_credentials"
  | "credentials_disabled"
  | "missing_permission"
  | "validation_error"
  | "email_taken"
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "connection_lost"
  | "not_found"
  | "unexpected";

/** Why a credential check failed, in the words the settings screens have a message for. */
export type CredentialCheckFailure =
  "invalid_credentials" | "credentials_disabled" | "missing_permission" | "rate_limited" | "unreachable" | "unexpected";

type PersonioErrorInfo = {
  /**
   * Says the connection is not working now: the credentials themselves, or Personio down or out of
   * reach. A send or an update that ends this way records it as connection health, so the settings
   * page and the admins' banner say "failing" during an outage. A rate limit does not: Personio
   * answered, and the next call goes through.
   */
  failsConnection: boolean;
  /** A write that ended this way may still have created the employee (the next send looks it up first). */
  mayHaveWritten: boolean;
  /** The same request may succeed later without anyone changing anything. */
  retryable: boolean;
  /** Personio answered with the credentials accepted: the call counts as a working one for health. */
  answered: boolean;
  /** What a credential check (connect, update, test connection) reports for it. */
  credentialCheck: CredentialCheckFailure;
  /** Its sentence on the settings page's health section (`personioSettings` namespace); null if never recorded there. */
  healthMessage: `health.codes.${PersonioErrorCode}` | null;
};

/**
 * Every Personio error code, classified once. Each list elsewhere derives from this table,
 * so a new code fails the type check until it is classified here.
 */
export const PERSONIO_ERRORS = {
  invalid_credentials: {
    failsConnection: true,
    mayHaveWritten: false,
    retryable: false,
    answered: false,
    credentialCheck: "invalid_credentials",
    healthMessage: "health.codes.invalid_credentials",
  },
  credentials_disabled: {
    failsConnection: true,
    mayHaveWritten: false,
    retryable: false,
    answered: false,
    credentialCheck: "credentials_disabled",
    healthMessage: "health.codes.credentials_disabled",
  },
  missing_permission: {
    failsConnection: true,
    mayHaveWritten: false,
    retryable: false,
    answered: false,
    credentialCheck: "missing_permission",
    healthMessage: "health.codes.missing_permission",
  },
  validation_error: {
    failsConnection: false,
    mayHaveWritten: false,
    retryable: false,
    answered: true,
    credentialCheck: "unexpected",
    healthMessage: null,
  },
  email_taken: {
    failsConnection: false,
    mayHaveWritten: false,
    retryable: false,
    answered: true,
    credentialCheck: "unexpected",
    healthMessage: null,
  },
  rate_limited: {
    failsConnection: false,
    mayHaveWritten: false,
    retryable: true,
    answered: false,
    credentialCheck: "rate_limited",
    healthMessage: "health.codes.rate_limited",
  },
  unavailable: {
    failsConnection: true,
    mayHaveWritten: true,
    retryable: true,
    answered: false,
    credentialCheck: "unreachable",
    healthMessage: "health.codes.unavailable",
  },
  timeout: {
    failsConnection: true,
    mayHaveWritten: true,
    retryable: true,
    answered: false,
    credentialCheck: "unreachable",
    healthMessage: "health.codes.timeout",
  },
  connection_lost: {
    failsConnection: true,
    mayHaveWritten: true,
    retryable: true,
    answered: false,
    credentialCheck: "unreachable",
    healthMessage: "health.codes.connection_lost",
  },
  not_found: {
    failsConnection: false,
    mayHaveWritten: false,
    retryable: false,
    answered: true,
    credentialCheck: "unexpected",
    healthMessage: null,
  },
  unexpected: {
    failsConnection: true,
    mayHaveWritten: true,
    retryable: false,
    answered: false,
    credentialCheck: "unexpected",
    healthMessage: "health.codes.unexpected",
  },
} as const satisfies Record<PersonioErrorCode, PersonioErrorInfo>;

export function isPersonioErrorCode(code: string | null | undefined): code is PersonioErrorCode {
  return typeof code === "string" && Object.hasOwn(PERSONIO_ERRORS, code);
}

export type PersonioErrorOptions = {
  field?: string;
  retryAfterSeconds?: number;
  status?: number;
  outcomeUnknown?: boolean;
  personioMessage?: string;
  cause?: unknown;
};

/**
 * The one error the Personio client throws. `code` is stable and drives the UI's own messages;
 * `message` is English for logs and never contains the client secret or a token.
 */
export class PersonioError extends Error {
  readonly code: PersonioErrorCode;
  readonly field?: string;
  readonly retryAfterSeconds?: number;
  readonly status?: number;
  /** True when a write may have happened on Personio's side (lost response, timeout, gateway error). */
  readonly outcomeUnknown: boolean;
  /** Personio's own message (may be German), kept for logs only. */
  readonly personioMessage?: string;

  constructor(code: PersonioErrorCode, message: string, options: PersonioErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PersonioError";
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.status = options.status;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.personioMessage = options.personioMessage;
  }
}

export function isPersonioError(error: unknown): error is PersonioError {
  return error instanceof PersonioError;
}

const DEFAULT_MESSAGES: Record<PersonioErrorCode, string> = {
  invalid_credentials: "Personio rejected the client ID or secret.",
  credentials_disabled: "These Personio API credentials are disabled or were removed.",
  missing_permission: "The Personio API credentials lack the permission for this action.",
  validation_error: "Personio rejected the data as invalid.",
  email_taken: "An employee with this email already exists in Personio.",
  rate_limited: "Personio is rate limiting requests; try again shortly.",
  unavailable: "Personio is unavailable right now.",
  timeout: "Personio did not answer in time.",
  connection_lost: "The connection to Personio was lost.",
  not_found: "Personio has no such record.",
  unexpected: "Personio answered in an unexpected way.",
};

export function defaultPersonioMessage(code: PersonioErrorCode): string {
  return DEFAULT_MESSAGES[code];
}
