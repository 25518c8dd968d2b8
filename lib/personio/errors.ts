import "server-only";

export const PERSONIO_ERROR_CODES = [
  "invalid_credentials",
  "credentials_disabled",
  "missing_permission",
  "validation_error",
  "email_taken",
  "rate_limited",
  "unavailable",
  "timeout",
  "connection_lost",
  "not_found",
  "unexpected",
] as const;

export type PersonioErrorCode = (typeof PERSONIO_ERROR_CODES)[number];

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
