import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import type { SourceKind } from "./kinds";
import { HANDOFF_TOLERANCE_SECONDS, signatureHeader, verifySignature } from "./signatures";

const body = Buffer.from('{"action":"hire_candidate","payload":{"x":"\\u003cp\\u003e"}}');
const now = Date.UTC(2026, 10, 29, 12, 0, 0);
const headersOf = (entries: Record<string, string>) => new Headers(entries);

function check(kind: SourceKind, headers: Headers, secrets = ["s3cret"], rawBody: Uint8Array = body, nowMs = now) {
  return verifySignature({ kind, rawBody, headers, secrets, nowMs });
}

describe("verifySignature", () => {
  it("accepts Greenhouse's documented form: 'sha256 ' and the hex HMAC of the raw body", () => {
    const hex = createHmac("sha256", "s3cret").update(body).digest("hex");
    expect(check("greenhouse", headersOf({ Signature: `sha256 ${hex}` }))).toEqual({ ok: true, secretIndex: 0 });
  });

  it("accepts Ashby's 'sha256=<hex>' and Workable's bare hex", () => {
    const hex = createHmac("sha256", "s3cret").update(body).digest("hex");
    expect(check("ashby", headersOf({ "Ashby-Signature": `sha256=${hex}` })).ok).toBe(true);
    expect(check("workable", headersOf({ "X-Workable-Signature": hex })).ok).toBe(true);
    // The other vendor's form is not accepted in place of the right one.
    expect(check("ashby", headersOf({ "Ashby-Signature": `sha256 ${hex}` }))).toEqual({
      ok: false,
      reason: "malformed_signature",
    });
  });

  it("refuses an unsigned, a wrongly signed and a tampered delivery", () => {
    const [name, value] = signatureHeader("greenhouse", "s3cret", body);
    expect(check("greenhouse", headersOf({}))).toEqual({ ok: false, reason: "missing_signature" });
    expect(check("greenhouse", headersOf({ [name]: value }), ["other"])).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(
      check("greenhouse", headersOf({ [name]: value }), ["s3cret"], Buffer.concat([body, Buffer.from(" ")])),
    ).toEqual({ ok: false, reason: "bad_signature" });
    expect(check("greenhouse", headersOf({ [name]: "sha256 zz" }))).toEqual({
      ok: false,
      reason: "malformed_signature",
    });
  });

  it("says which secret matched, so a rotated-out secret still works in its grace period", () => {
    const header = signatureHeader("ashby", "old", body);
    expect(check("ashby", headersOf({ [header[0]]: header[1] }), ["new", "old"])).toEqual({ ok: true, secretIndex: 1 });
  });

  it("signs Handoff deliveries over timestamp + '.' + body and refuses them outside five minutes", () => {
    const [name, value] = signatureHeader("handoff", "s3cret", body, now);
    const timestamp = Math.floor(now / 1000);
    const expected = createHmac("sha256", "s3cret").update(`${timestamp}.${body.toString()}`).digest("hex");
    expect(value).toBe(`t=${timestamp},v1=${expected}`);
    expect(check("handoff", headersOf({ [name]: value })).ok).toBe(true);
    const late = now + (HANDOFF_TOLERANCE_SECONDS + 1) * 1000;
    expect(check("handoff", headersOf({ [name]: value }), ["s3cret"], body, late)).toEqual({
      ok: false,
      reason: "stale_timestamp",
    });
    const early = now - (HANDOFF_TOLERANCE_SECONDS + 1) * 1000;
    expect(check("handoff", headersOf({ [name]: value }), ["s3cret"], body, early)).toEqual({
      ok: false,
      reason: "stale_timestamp",
    });
  });

  it("refuses a Handoff signature whose timestamp was changed", () => {
    const [name, value] = signatureHeader("handoff", "s3cret", body, now);
    const moved = value.replace(/^t=(\d+)/, (_, t: string) => `t=${Number(t) + 60}`);
    expect(check("handoff", headersOf({ [name]: moved }), ["s3cret"], body, now + 60_000)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(check("handoff", headersOf({ [name]: "v1=abc" }))).toEqual({ ok: false, reason: "malformed_signature" });
  });
});
