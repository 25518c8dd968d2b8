import type { Interpretation } from "./interpretation";
import type { SourceKind } from "./kinds";
import { interpretAshby } from "./vendors/ashby";
import { interpretGreenhouse } from "./vendors/greenhouse";
import { interpretHandoff } from "./vendors/handoff";
import { interpretWorkable } from "./vendors/workable";

type HeaderReader = { get(name: string): string | null };

/** Parses a verified body and says what it means; never throws on what a sender put in it. */
export function interpretDelivery(kind: SourceKind, rawBody: Uint8Array, headers: HeaderReader): Interpretation {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
  } catch {
    return { eventType: null, eventId: null, kind: "reject", reason: "malformed_json" };
  }
  switch (kind) {
    case "greenhouse":
      return interpretGreenhouse(body, headers);
    case "ashby":
      return interpretAshby(body);
    case "workable":
      return interpretWorkable(body);
    case "handoff":
      return interpretHandoff(body);
  }
}
