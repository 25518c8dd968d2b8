import { email, record, text, toHire, type Interpretation } from "../interpretation";

// Workable webhook subscriptions (workable.readme.io, "Webhook Subscriptions - Candidates &
// Employees"): {"id", "event_type", "fired_at", "resource_type", "data": <candidate>}.
// candidate_moved fires on every stage change; only a move into the hired stage is a hire, and
// a move out of it (for a candidate Handoff has as hired) takes the hire back. candidate_created
// counts when the candidate is created straight into the hired stage.

// fired_at is inside the signed body, so an event older than this is refused as stale: a
// captured delivery cannot be replayed after its replay key could have been pruned.
export const WORKABLE_MAX_EVENT_AGE_HOURS = 72;

function isHiredStage(candidate: Record<string, unknown>) {
  const stage = text(candidate.stage)?.toLowerCase();
  return stage === "hired" || text(candidate.stage_kind)?.toLowerCase() === "hired";
}

export function interpretWorkable(body: unknown, nowMs: number): Interpretation {
  const root = record(body);
  const eventType = text(root?.event_type);
  const meta = { eventType, eventId: text(root?.id) };
  if (!root || !eventType) return { ...meta, kind: "reject", reason: "invalid_payload" };
  if (eventType !== "candidate_moved" && eventType !== "candidate_created")
    return { ...meta, kind: "ignore", reason: "unknown_event" };

  const firedAt = Date.parse(text(root.fired_at) ?? "");
  if (Number.isFinite(firedAt) && nowMs - firedAt > WORKABLE_MAX_EVENT_AGE_HOURS * 3_600_000)
    return { ...meta, kind: "reject", reason: "stale_event" };

  const candidate = record(root.data);
  const externalId = text(candidate?.id);
  if (!candidate || !externalId) return { ...meta, kind: "reject", reason: "invalid_payload" };
  if (!isHiredStage(candidate) || candidate.disqualified === true) {
    return eventType === "candidate_moved"
      ? { ...meta, kind: "unhire", externalId, stage: "OFFER" }
      : { ...meta, kind: "ignore", reason: "not_hired" };
  }
  const job = record(candidate.job);
  const fullName = text(candidate.name);
  return toHire(meta, {
    externalId,
    // Workable has the name in parts as well as whole; the parts are what it was entered as.
    firstName: text(candidate.firstname) ?? fullName ?? "",
    lastName: text(candidate.lastname) ?? "",
    email: email(candidate.email),
    phone: text(candidate.phone),
    jobTitle: text(job?.title),
    department: text(job?.department),
    office: text(record(job?.location)?.city) ?? null,
    startDate: null,
  });
}
