import {
  calendarDay,
  email,
  list,
  record,
  text,
  toHire,
  type Interpretation,
  type LinkedAttachment,
} from "../interpretation";

// Greenhouse Recruiting web hooks (developers.greenhouse.io/webhooks.html): {"action", "payload"}.
// hire_candidate fires when an offer is accepted; unhire_candidate when "Unhire" is clicked.
// The delivery's id is the Greenhouse-Event-ID header.

// Greenhouse's email addresses carry a type (personal, work, other) but no "primary" flag. We
// take the first personal address, else the first "other", else the first work address: a
// "work" address is usually at the employer the hire is leaving, the least useful for
// onboarding. Within a type, Greenhouse's order decides. The review form can correct it.
const EMAIL_PREFERENCE = ["personal", "other", "work"];
// A mobile number reaches a new hire before their first day; then home, work, anything.
const PHONE_PREFERENCE = ["mobile", "home", "work", "other", "skype"];

function pick(entries: unknown[], preference: string[], accept: (value: unknown) => string | null): string | null {
  const typed = entries.map(record).filter((entry) => entry !== null);
  for (const type of [...preference, null]) {
    for (const entry of typed) {
      if (type !== null && entry.type !== type) continue;
      const value = accept(entry.value);
      if (value) return value;
    }
  }
  return null;
}

export function interpretGreenhouse(body: unknown, headers: { get(name: string): string | null }): Interpretation {
  const root = record(body);
  const eventType = text(root?.action);
  const meta = { eventType, eventId: text(headers.get("greenhouse-event-id")) };
  if (!root || !eventType) return { ...meta, kind: "reject", reason: "invalid_payload" };
  if (eventType === "ping") return { ...meta, kind: "ignore", reason: "ping" };
  if (eventType !== "hire_candidate" && eventType !== "unhire_candidate")
    return { ...meta, kind: "ignore", reason: "unknown_event" };

  const application = record(record(root.payload)?.application);
  const candidate = record(application?.candidate);
  const externalId = text(candidate?.id);
  if (!application || !candidate || !externalId) return { ...meta, kind: "reject", reason: "invalid_payload" };
  // Unhired: the application is active again; its stage is an interview stage of the job, so the
  // candidate goes back to Offer, the last stage before Hired.
  if (eventType === "unhire_candidate") return { ...meta, kind: "unhire", externalId, stage: "OFFER" };

  // candidate.title is the candidate's previous job title, not the job hired for: the job is
  // application.jobs[0] (application.job is the deprecated single form).
  const job = record(list(application.jobs)[0]) ?? record(application.job);
  const offer = record(application.offer);
  const hire = toHire(meta, {
    externalId,
    firstName: text(candidate.first_name) ?? "",
    lastName: text(candidate.last_name) ?? "",
    email: pick(list(candidate.email_addresses), EMAIL_PREFERENCE, email),
    phone: pick(list(candidate.phone_numbers), PHONE_PREFERENCE, text),
    jobTitle: text(job?.name),
    department: text(record(list(job?.departments)[0])?.name),
    office: text(record(list(job?.offices)[0])?.name),
    startDate: calendarDay(offer?.starts_at),
  });
  if (hire.kind !== "hire") return hire;
  const attachments = list(candidate.attachments).flatMap(toAttachment);
  return attachments.length > 0 ? { ...hire, attachments } : hire;
}

// candidate.attachments: {filename, url, type: resume | cover_letter | offer_letter | offer_packet
// | admin_only | other}; the url is a signed link that expires.
const ATTACHMENT_KINDS: Record<string, LinkedAttachment["kind"]> = {
  resume: "CV",
  offer_letter: "CONTRACT",
  offer_packet: "CONTRACT",
};

function toAttachment(entry: unknown): LinkedAttachment[] {
  const attachment = record(entry);
  const url = typeof attachment?.url === "string" ? attachment.url.trim() : null;
  const fileName = text(attachment?.filename);
  if (!url || !fileName) return [];
  return [{ fileName, url, kind: ATTACHMENT_KINDS[text(attachment?.type) ?? ""] ?? "OTHER" }];
}
