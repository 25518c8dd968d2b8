// Expected failures that the action helper turns into a message for the person.
// Anything else is logged and shown as a generic error, never with its details.
export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid_input";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    // A finer, still stable reason the UI may have its own message for (e.g. "email_taken").
    readonly reason?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super("unauthenticated", "Sign-in required");
  }
}

export class ForbiddenError extends AppError {
  constructor(reason?: string) {
    super("forbidden", `Forbidden${reason ? `: ${reason}` : ""}`, reason);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(reason: string) {
    super("conflict", `Conflict: ${reason}`, reason);
  }
}
