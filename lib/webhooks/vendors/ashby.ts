import { calendarDay, email, record, text, toHire, type Interpretation } from "../interpretation";

// Ashby webhooks (developers.ashbyhq.com, "Webhook Payloads"): {"action", "data"}. candidateHire
// carries the application (with its candidate and job) and the most recent accepted offer.

/**
 * Ashby has one name string. The last word is the last name, everything before it the first
 * name ("Mary Ann van Dyke" → "Mary Ann van" + "Dyke"); a single word is a first name. Predictable
 * rather than clever: the recruiter corrects it on the review form before anything is sent.
 */
export function splitFullName(name: string | null): { firstName: string; lastName: string } {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: "", lastName: "" };
  if (words.length === 1) return { firstName: words[0]!, lastName: "" };
  return { firstName: words.slice(0, -1).join(" "), lastName: words.at(-1)! };
}

export function interpretAshby(body: unknown): Interpretation {
  const root = record(body);
  const data = record(root?.data);
  const eventType = text(root?.action);
  // Related webhooks of one event (candidateHire also fires applicationUpdate and
  // candidateStageChange) share a webhookActionId, so the id is made per action type.
  const actionId = text(root?.webhookActionId) ?? text(data?.webhookActionId);
  const meta = { eventType, eventId: eventType && actionId ? `${eventType}:${actionId}` : null };
  if (!root || !eventType) return { ...meta, kind: "reject", reason: "invalid_payload" };
  if (eventType === "ping") return { ...meta, kind: "ignore", reason: "ping" };

  const application = record(data?.application);
  const candidate = record(application?.candidate);
  const externalId = text(candidate?.id);
  if (eventType === "applicationUpdate") {
    // A hired application that is no longer "Hired" (archived, moved back) takes the hire back;
    // the "Hired" update that accompanies every candidateHire changes nothing.
    const status = text(application?.status);
    if (!externalId || !status || status === "Hired") return { ...meta, kind: "ignore", reason: "not_hired" };
    return { ...meta, kind: "unhire", externalId, stage: "OFFER" };
  }
  if (eventType !== "candidateHire") return { ...meta, kind: "ignore", reason: "unknown_event" };
  if (!application || !candidate) return { ...meta, kind: "reject", reason: "invalid_payload" };

  const job = record(application.job);
  const offerVersion = record(record(data?.offer)?.latestVersion);
  return toHire(meta, {
    externalId,
    ...splitFullName(text(candidate.name)),
    email: email(record(candidate.primaryEmailAddress)?.value),
    phone: text(record(candidate.primaryPhoneNumber)?.value),
    jobTitle: text(job?.title),
    department: text(record(job?.department)?.name) ?? null,
    office: text(record(job?.location)?.name) ?? null,
    startDate: calendarDay(offerVersion?.startDate),
  });
}
