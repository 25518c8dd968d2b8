// What an SMTP failure means for the outbox. A reply in the 5xx range is the server's final
// word (no such mailbox, refused): retrying sends nothing. A 4xx reply, a connection that fails
// or times out, and a refused login (a setting an admin can fix) are worth retrying later.
export type SmtpFailure = {
  isPermanent: boolean;
  /** For the background job's lastError and the logs: a short code, no personal data. */
  code: string;
  /** For the outbox page: the server's reply, one line, shortened. */
  reason: string;
};

const REASON_LENGTH = 200;

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const details = (error ?? {}) as { responseCode?: unknown; response?: unknown; code?: unknown };
  const reply = typeof details.response === "string" ? details.response : "";
  const reason = reply.replace(/\s+/g, " ").trim().slice(0, REASON_LENGTH);
  const code = typeof details.code === "string" ? details.code : null;
  if (code === "EAUTH") return { isPermanent: false, code: "smtp_auth_failed", reason };
  if (typeof details.responseCode === "number") {
    const status = details.responseCode;
    return { isPermanent: status >= 500 && status < 600, code: `smtp_${status}`, reason };
  }
  if (code && /^E[A-Z]+$/.test(code)) return { isPermanent: false, code: `smtp_${code.toLowerCase()}`, reason };
  return { isPermanent: false, code: "smtp_unexpected", reason };
}
