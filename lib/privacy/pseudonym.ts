import { createHash } from "node:crypto";

// Pure: replaces the personal values inside an audit entry's details (names and emails a person
// typed or a send carried) with a pseudonym, keeping the entry's shape, its ids and codes. The
// keys are those of lib/audit-log/actions.ts that can hold such values; a new detail that holds
// personal data must be added here (pseudonym.test.ts covers each of today's).

/** Detail keys whose whole value is personal. */
// "candidate": the words an audit export was filtered by (a name typed); "person" there is a user id.
const PERSONAL_KEYS = new Set(["email", "externalId", "candidate"]);
/** The corrected values of a send ("firstName.profile", "email.sent"). */
const PERSONAL_KEY_SUFFIXES = [".profile", ".sent"];
/** Lists of "field=value" (handoff.update's `sent`): the value goes, the field name stays. */
const FIELD_VALUE_LIST_KEYS = new Set(["sent"]);

/**
 * The same pseudonym for every entry about one target (a candidate id is random, not personal),
 * so the log still shows that two entries were about one person; "erased person" without a target.
 */
export function pseudonymFor(targetId: string | null): string {
  if (!targetId) return "erased-person";
  return `person-${createHash("sha256").update(targetId).digest("hex").slice(0, 10)}`;
}

function isPersonalKey(key: string) {
  return PERSONAL_KEYS.has(key) || PERSONAL_KEY_SUFFIXES.some((suffix) => key.endsWith(suffix));
}

function replaceValues(details: Record<string, unknown>, pseudonym: string): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(details)) {
    if (value === null || value === undefined) continue;
    if (isPersonalKey(key) && typeof value === "string" && value !== pseudonym) {
      details[key] = pseudonym;
      changed = true;
    } else if (FIELD_VALUE_LIST_KEYS.has(key) && Array.isArray(value)) {
      details[key] = value.map((item: unknown) => {
        if (typeof item !== "string" || !item.includes("=")) return item;
        const field = item.slice(0, item.indexOf("="));
        const replaced = `${field}=${pseudonym}`;
        if (replaced !== item) changed = true;
        return replaced;
      });
    }
  }
  return changed;
}

/** The details with personal values replaced, or null when there was nothing to replace. */
export function pseudonymizeDetails(details: string | null, targetId: string | null): string | null {
  if (!details) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const copy = { ...(parsed as Record<string, unknown>) };
  return replaceValues(copy, pseudonymFor(targetId)) ? JSON.stringify(copy) : null;
}
