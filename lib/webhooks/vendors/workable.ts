import { email, record, text, toHire, type Interpretation } from "../interpretation";

// Workable webhook subscriptions (workable.readme.io, "Webhook Subscriptions - Candidates &
// Employees"): {"id", "event_type", "fired_at", "resource_type", "data": <candidate>}.
// candidate_moved fires on every stage change; only a move into the hired stage is a hire, and
// a move out of it (for a candidate Handoff has as hired) takes the hire back. candidate_created
// counts when the candidate is created straight into the hired stage.

// No age window: Workable documents no retry schedule ("Response status should be 200 so that
// Workable won't consider it an error and replays the request"), so any age could be a genuine
// retry, and its payload is the candidate as it is when sent, not as it was when the event fired.
// A replayed delivery is caught by its event id (or its body's hash); those keys are kept as long
// as the source exists.

function isHiredStage(candidate: Record<string, unknown>) {
  const stage = text(candidate.stage)?.toLowerCase();
  return stage === "hired" || text(candidate.stage_kind)?.toLowerCase() === "hired";
}

export function interpretWorkable(body: unknown): Interpretation {
  const root = record(body);
  const eventType = text(root?.event_type);
  const meta = { eventType, eventId: text(root?.id) };
  if (!root || !eventType) return { ...meta, kind: "reject", reason: "invalid_payload" };
  if (eventType !== "candidate_moved" && eventType !== "candidate_created")
    return { ...meta, kind: "ignore", reason: "unknown_event" };

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
