import { createHash, createHmac, timingSafeEqual } from "node:crypto";

import type { SourceKind } from "./kinds";

// Each ATS's own signing scheme, checked over the raw bytes of the body as they arrived (a
// re-serialised JSON would differ: Greenhouse, for one, escapes "<" as \u003c before signing).
// Pure functions without database or configuration, so tests and the bench sign with the same
// code the receiver verifies with.
//
//   Greenhouse  Signature: sha256 <hex>          HMAC-SHA256(secret key, body)
//   Ashby       Ashby-Signature: sha256=<hex>    HMAC-SHA256(secret token, body)
//   Workable    X-Workable-Signature: <hex>      HMAC-SHA256(account token, body)
//   Handoff     Handoff-Signature: t=<unix seconds>,v1=<hex>
//                                                HMAC-SHA256(secret, t + "." + body)

export const SIGNATURE_HEADERS: Record<SourceKind, string> = {
  greenhouse: "signature",
  ashby: "ashby-signature",
  workable: "x-workable-signature",
  handoff: "handoff-signature",
};

// A Handoff delivery is refused when its timestamp is further than this from the server's clock
// (either way), so a captured request cannot be replayed later.
export const HANDOFF_TOLERANCE_SECONDS = 5 * 60;

export type SignatureFailure = "missing_signature" | "malformed_signature" | "bad_signature" | "stale_timestamp";
export type SignatureCheck = { ok: true; secretIndex: number } | { ok: false; reason: SignatureFailure };

type HeaderReader = { get(name: string): string | null };

const HEX_64 = /^[0-9a-f]{64}$/i;

export function hmacSha256Hex(secret: string, data: Uint8Array | string): string {
  return createHmac("sha256", secret).update(data).digest("hex");
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

// Constant-time for equal lengths; both are 32 bytes here once the header is known to be hex.
function sameDigest(expectedHex: string, givenHex: string): boolean {
  return timingSafeEqual(Buffer.from(expectedHex, "hex"), Buffer.from(givenHex, "hex"));
}

// Which of the accepted secrets (current first, then a rotated one still in its grace period)
// signed the message; every secret is tried, so the time taken does not say which matched.
function matchSecret(secrets: readonly string[], message: Uint8Array | string, givenHexes: readonly string[]): number {
  let found = -1;
  secrets.forEach((secret, index) => {
    const expected = hmacSha256Hex(secret, message);
    for (const given of givenHexes) {
      if (sameDigest(expected, given) && found === -1) found = index;
    }
  });
  return found;
}

function parseVendorHeader(kind: Exclude<SourceKind, "handoff">, header: string): string | null {
  const value = header.trim();
  const hex =
    kind === "greenhouse"
      ? /^sha256 ([0-9a-f]{64})$/i.exec(value)?.[1]
      : kind === "ashby"
        ? /^sha256=([0-9a-f]{64})$/i.exec(value)?.[1]
        : value;
  return hex && HEX_64.test(hex) ? hex : null;
}

export function parseHandoffHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value = ""] = part.trim().split("=", 2);
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && HEX_64.test(value)) signatures.push(value);
  }
  return timestamp !== null && signatures.length > 0 ? { timestamp, signatures } : null;
}

export function verifySignature(input: {
  kind: SourceKind;
  rawBody: Uint8Array;
  headers: HeaderReader;
  secrets: readonly string[];
  nowMs: number;
}): SignatureCheck {
  const header = input.headers.get(SIGNATURE_HEADERS[input.kind]);
  if (!header) return { ok: false, reason: "missing_signature" };
  if (input.kind === "handoff") {
    const parsed = parseHandoffHeader(header);
    if (!parsed) return { ok: false, reason: "malformed_signature" };
    const message = Buffer.concat([Buffer.from(`${parsed.timestamp}.`), input.rawBody]);
    const index = matchSecret(input.secrets, message, parsed.signatures);
    if (index === -1) return { ok: false, reason: "bad_signature" };
    // Checked after the signature, so an unsigned request cannot learn the server's clock.
    if (Math.abs(input.nowMs / 1000 - parsed.timestamp) > HANDOFF_TOLERANCE_SECONDS)
      return { ok: false, reason: "stale_timestamp" };
    return { ok: true, secretIndex: index };
  }
  const hex = parseVendorHeader(input.kind, header);
  if (!hex) return { ok: false, reason: "malformed_signature" };
  const index = matchSecret(input.secrets, input.rawBody, [hex]);
  return index === -1 ? { ok: false, reason: "bad_signature" } : { ok: true, secretIndex: index };
}

/** The header a sender puts on a delivery: what each ATS does, and what a Handoff sender must do. */
export function signatureHeader(
  kind: SourceKind,
  secret: string,
  rawBody: Uint8Array | string,
  nowMs = Date.now(),
): [string, string] {
  const body = typeof rawBody === "string" ? Buffer.from(rawBody) : rawBody;
  switch (kind) {
    case "greenhouse":
      return ["Signature", `sha256 ${hmacSha256Hex(secret, body)}`];
    case "ashby":
      return ["Ashby-Signature", `sha256=${hmacSha256Hex(secret, body)}`];
    case "workable":
      return ["X-Workable-Signature", hmacSha256Hex(secret, body)];
    case "handoff": {
      const timestamp = Math.floor(nowMs / 1000);
      return [
        "Handoff-Signature",
        `t=${timestamp},v1=${hmacSha256Hex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), body]))}`,
      ];
    }
  }
}
