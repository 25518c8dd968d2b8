import "server-only";

export type PersonioAttributeValue = {
  label?: string;
  value: unknown;
  type?: string;
  universalId?: string | null;
};

export type PersonioEmployee = {
  id: number;
  email?: string;
  firstName?: string;
  lastName?: string;
  position?: string;
  status?: string;
  /** Every attribute the credential may read, keyed as Personio names them (incl. `dynamic_*`). */
  attributes: Record<string, PersonioAttributeValue>;
};

/** Reads v1's `{type: "Employee", attributes: {name: {label, value, type, universal_id}}}` leniently. */
export function parsePersonioEmployee(raw: unknown): PersonioEmployee | null {
  const attributesRaw = isRecord(raw) && isRecord(raw.attributes) ? raw.attributes : null;
  if (!attributesRaw) return null;
  const attributes: Record<string, PersonioAttributeValue> = {};
  for (const [key, entry] of Object.entries(attributesRaw)) {
    if (isRecord(entry) && "value" in entry) {
      attributes[key] = {
        label: typeof entry.label === "string" ? entry.label : undefined,
        value: entry.value,
        type: typeof entry.type === "string" ? entry.type : undefined,
        universalId:
          typeof entry.universal_id === "string" || entry.universal_id === null ? entry.universal_id : undefined,
      };
    } else {
      attributes[key] = { value: entry };
    }
  }
  // Personio has returned ids as numbers and as numeric strings.
  const id = Number(attributes.id?.value);
  if (!Number.isInteger(id) || id <= 0) return null;
  return {
    id,
    email: text(attributes.email?.value),
    firstName: text(attributes.first_name?.value),
    lastName: text(attributes.last_name?.value),
    position: text(attributes.position?.value),
    status: text(attributes.status?.value),
    attributes,
  };
}

export function sameEmail(a: string | undefined, b: string): boolean {
  return a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
