import { record, text, toHire, type Interpretation } from "../interpretation";
import { HANDOFF_EVENT_TYPES, ZHandoffWebhookEvent } from "./handoff-schema";

export function interpretHandoff(body: unknown): Interpretation {
  const root = record(body);
  const eventType = text(root?.type);
  const meta = { eventType, eventId: text(root?.id) };
  if (!root || !eventType) return { ...meta, kind: "reject", reason: "invalid_payload" };
  // An event type this version does not know is acknowledged and logged, not retried forever.
  if (!(HANDOFF_EVENT_TYPES as readonly string[]).includes(eventType))
    return { ...meta, kind: "ignore", reason: "unknown_event" };
  const candidate = record(root.candidate);
  if (eventType === "candidate.hired" && candidate && !text(candidate.email)) {
    return { ...meta, kind: "reject", reason: "missing_email" };
  }
  const parsed = ZHandoffWebhookEvent.safeParse(body);
  if (!parsed.success) return { ...meta, kind: "reject", reason: "invalid_payload" };
  const event = parsed.data;
  if (event.type === "candidate.unhired")
    return { ...meta, kind: "unhire", externalId: event.candidate.externalId, stage: "OFFER" };
  const hired = event.candidate;
  return toHire(meta, {
    externalId: hired.externalId,
    firstName: hired.firstName,
    lastName: hired.lastName,
    email: hired.email.toLowerCase(),
    phone: hired.phone ?? null,
    jobTitle: hired.jobTitle,
    department: hired.department ?? null,
    office: hired.office ?? null,
    startDate: hired.startDate ?? null,
  });
}
