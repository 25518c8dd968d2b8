// Value mappings, pure: which fields take one, how an ATS value is looked up, and the value the
// review form and the automatic send start from. The browser uses it too (the "Remember" offer).
import { isCustomField, STANDARD_FIELDS, type OptionalField } from "@/lib/personio-fields/catalogue";
import type { PersonioOptionLists } from "@/lib/personio/integration/options";

/** A mapping for every source; a source's own mapping of the same value wins over it. */
export const ALL_SOURCES = "*";

// The fields an ATS names differently from Personio: its org units, the position, and Personio's
// list attributes (custom `dynamic_*`). Dates, numbers and the supervisor's id are no names.
const MAPPABLE_STANDARD_FIELDS = ["department", "office", "subcompany", "position"] as const;

export function isMappableField(key: string): key is OptionalField {
  return (MAPPABLE_STANDARD_FIELDS as readonly string[]).includes(key) || isCustomField(key);
}

/** How an ATS value is matched: "Berlin HQ", " berlin hq" and "BERLIN HQ" are one value. */
export function foldAtsValue(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

export type MappingLookup = { source: string; fieldKey: string; atsValueKey: string; personioValue: string };

/** The Personio value for an ATS value from `source`, or null when none maps it. */
export function mapAtsValue(
  mappings: readonly MappingLookup[],
  input: { source: string | null; fieldKey: string; atsValue: string },
): string | null {
  const key = foldAtsValue(input.atsValue);
  if (!key) return null;
  const matches = mappings.filter((mapping) => mapping.fieldKey === input.fieldKey && mapping.atsValueKey === key);
  const own = input.source ? matches.find((mapping) => mapping.source === input.source) : undefined;
  return (own ?? matches.find((mapping) => mapping.source === ALL_SOURCES))?.personioValue ?? null;
}

/**
 * Personio's values for a field, or null when the field is free text in Personio (the position,
 * a custom attribute without options): any value is one Personio takes.
 */
export function personioValuesFor(fieldKey: string, lists: PersonioOptionLists): string[] | null {
  if (isCustomField(fieldKey)) {
    const attribute = lists.attributes.find((candidate) => candidate.key === fieldKey);
    return attribute && attribute.options.length > 0 ? attribute.options : null;
  }
  if (!(fieldKey in STANDARD_FIELDS)) return null;
  const list = STANDARD_FIELDS[fieldKey as keyof typeof STANDARD_FIELDS].list;
  if (!list || list.name === "supervisor") return null;
  return lists[list.name];
}
