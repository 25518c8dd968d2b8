// Expected failures that the action helper turns into a message for the person.
// Anything else is logged and shown as a generic error, never with its details.
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_input";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
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
  constructor(readonly permission?: string) {
    super("forbidden", `Missing permission${permission ? ` ${permission}` : ""}`);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super("conflict", message);
  }
}
