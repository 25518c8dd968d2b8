// How a job's handler tells the runner what went wrong. The code lands in BackgroundJob.lastError
// and on the admin page, so it is a short, stable word, never a message with personal data.

/** The job's lease is no longer this process's: another one has taken the job over, or shutdown released it. */
export class LeaseLostError extends Error {
  constructor() {
    super("The background job's lease was lost");
    this.name = "LeaseLostError";
  }
}

/** A failure worth retrying later (the runner backs off), with a code for the admin page. */
export class RetryableJobError extends Error {
  constructor(readonly code: string) {
    super(`Background job failed: ${code}`);
    this.name = "RetryableJobError";
  }
}

/** A failure no retry can mend (a mail server's 5xx, a file that is gone): FAILED at once. */
export class PermanentJobError extends Error {
  constructor(readonly code: string) {
    super(`Background job failed permanently: ${code}`);
    this.name = "PermanentJobError";
  }
}

const CODE = /^[\w.:-]{1,64}$/;

/**
 * The code stored for a failure: a job error's own, a library's code where it has a plain one
 * (Prisma's P2002, Node's ECONNREFUSED), otherwise "unexpected". Never the message: a database
 * error's message can quote the values it refused.
 */
export function failureCode(error: unknown): string {
  if (error instanceof RetryableJobError || error instanceof PermanentJobError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CODE.test(code) ? code : "unexpected";
}
