// The kinds of intake source an admin can add. Pure data, shared by server and client code.

export const SOURCE_KINDS = ["greenhouse", "ashby", "workable", "handoff"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === "string" && (SOURCE_KINDS as readonly string[]).includes(value);
}

// Greenhouse and Ashby sign with a secret the admin types into the ATS, so Handoff generates a
// strong one. Workable signs with the account's own API token, which only the admin has: they
// paste it in.
export function isSecretGenerated(kind: SourceKind): boolean {
  return kind !== "workable";
}

// "duplicate": a delivery seen before (by event id or body), normally the ATS's own retry.
export const DELIVERY_OUTCOMES = ["created", "updated", "ignored", "duplicate", "rejected"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export function isDeliveryOutcome(value: unknown): value is DeliveryOutcome {
  return typeof value === "string" && (DELIVERY_OUTCOMES as readonly string[]).includes(value);
}

// After a rotation the previous secret keeps working this long: enough for the vendors' retries of
// a delivery signed before the change (Ashby's last one comes after about 5.7 hours; see README,
// "What each ATS retries") and for the admin to paste the new secret into the ATS.
export const ROTATION_GRACE_HOURS = 24;

// A body larger than this is refused (413) without being read whole. The documented hire
// payloads are a few kilobytes; 1 MiB leaves room for many custom fields.
export const MAX_BODY_BYTES = 1024 * 1024;

// A disabled source answers 503 with this Retry-After: every vendor retries a 503, and an admin
// who re-enables the source gets the held-back hires within minutes.
export const DISABLED_RETRY_AFTER_SECONDS = 300;
