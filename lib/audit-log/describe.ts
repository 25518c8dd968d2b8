// Pure: an audit entry in words, for the audit page and its CSV export alike (one wording for
// both). Entries store ids and codes (lib/audit.ts); here each becomes a label and a value or a
// sentence in the viewer's language. A key or value the catalogue does not know shows as
// recorded rather than vanishing: the log must never hide what was written. How each action's
// details read (what "from" holds, whose fields or scopes) is said per action in action-reading.ts.
import { readingOf } from "./action-reading";
import { isAuditAction } from "./actions";
import type { AuditDetailValue } from "./params";
import type { AuditEntryRow } from "./queries";

/** next-intl's translator for the "audit" namespace, with keys as plain strings. */
export type AuditTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

export type AuditWords = {
  t: AuditTranslator;
  roleName: (roleId: string) => string;
  stageName: (stage: string) => string;
  dateTime: (date: Date) => string;
};

/** One detail: a label and its value, or (label null) a sentence on its own. */
// kind "hash": a checksum, shown shortened with a copy button on the page (whole in the CSV).
export type AuditLine = { label: string | null; text: string; kind?: "hash" };

// The server's own addresses, as a request from the machine itself records them.
const LOOPBACK = /^(::1|127(\.\d{1,3}){3}|::ffff:127(\.\d{1,3}){3}|localhost)$/i;
const HASH = /^[0-9a-f]{32,}$/i;
// "firstName,lastName": a list of field keys, as some actions record them.
const FIELD_KEYS = /^[a-z][A-Za-z_]*(,\s*[a-z][A-Za-z_]*)+$/;

/** "firstName" / "first_name" -> "first name": a field key without words in the catalogue. */
function fieldKeyInWords(key: string) {
  return key
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

export type AuditEntryWords = {
  actor: string;
  action: string;
  target: string | null;
  outcome: string;
  details: AuditLine[];
};

// Details that are a yes/no, said as one sentence each way (false: nothing worth saying is null).
const SENTENCES: Record<string, [whenTrue: string, whenFalse: string | null]> = {
  clientIdChanged: ["sentences.clientIdChanged", "sentences.clientIdKept"],
  secretChanged: ["sentences.secretChanged", "sentences.secretKept"],
  outcomeUnknown: ["sentences.outcomeUnknown", null],
  moreNotRecorded: ["sentences.moreNotRecorded", null],
};
// Details whose value is one code of a known set: the catalogue group that names it.
const CODE_GROUPS: Record<string, string> = {
  permission: "permissions",
  missingPermission: "permissions",
  writePermission: "writePermission",
  status: "handoffStatus",
  handoffStatus: "handoffStatus",
  field: "personioFields",
  limit: "limits",
  via: "via",
  method: "methods",
  preset: "ssoPresets",
  provisioning: "ssoProvisioning",
  source: "setupSources",
  category: "filters.categories",
  outcome: "outcomes",
};

export function describeAuditEntry(entry: AuditEntryRow, words: AuditWords): AuditEntryWords {
  const { t } = words;
  const known = (group: string, value: string) => (t.has(`${group}.${value}`) ? t(`${group}.${value}`) : value);
  const list = (values: string[], name: (value: string) => string = (value) => value) =>
    values.length ? values.map(name).join(", ") : t("values.none");
  // An action no longer in the list (or not yet): its details read as recorded.
  const reading = isAuditAction(entry.action) ? readingOf(entry.action) : null;
  const isSso = reading?.ssoReasons === true || entry.details.method === "sso";

  const reason = (code: string) => (isSso && t.has(`ssoCodes.${code}`) ? t(`ssoCodes.${code}`) : known("codes", code));
  // "from"/"to" hold roles, stages, titles or days, depending on the step.
  const fromTo = (value: AuditDetailValue): string => {
    if (Array.isArray(value)) return list(value, reading?.fromTo === "stages" ? words.stageName : undefined);
    const text = String(value);
    if (reading?.fromTo === "role") return words.roleName(text);
    if (reading?.fromTo === "stage") return words.stageName(text);
    return text;
  };
  const named = (type: string, id: AuditDetailValue, gone: string) => entry.names[`${type}:${String(id)}`] ?? t(gone);
  // A field key in words: Handoff's own fields, then Personio's, then the key spelt out.
  const fieldName = (field: string) =>
    t.has(`fieldNames.${field}`)
      ? t(`fieldNames.${field}`)
      : t.has(`personioFields.${field}`)
        ? t(`personioFields.${field}`)
        : fieldKeyInWords(field);

  const line = (key: string, value: AuditDetailValue): AuditLine | null => {
    const label = t.has(`details.${key}`) ? t(`details.${key}`) : key;
    const labelled = (text: string): AuditLine => ({ label, text });
    if (key in SENTENCES && typeof value === "boolean") {
      const sentence = SENTENCES[key]![value ? 0 : 1];
      return sentence ? { label: null, text: t(sentence) } : null;
    }
    // What the recruiter corrected before sending: "<field>.profile" and "<field>.sent".
    const corrected = /^(\w+)\.(profile|sent)$/.exec(key);
    if (corrected) {
      return {
        label: t(corrected[2] === "profile" ? "details.profileValue" : "details.sentValue", {
          field: known("personioFields", corrected[1]!),
        }),
        text: String(value ?? ""),
      };
    }
    if (value === null)
      return key === "field" || key === "employeeId" || key === "groupsClaim" ? null : labelled(t("values.none"));
    switch (key) {
      case "reason":
      case "code":
        return labelled(reason(String(value)));
      case "from":
      case "to":
        return labelled(fromTo(value));
      case "roleId":
      case "defaultRoleId":
        return labelled(words.roleName(String(value)));
      case "stage":
        return labelled(words.stageName(String(value)));
      case "sendableStages":
        return labelled(list(Array.isArray(value) ? value : [String(value)], words.stageName));
      case "corrected":
        return Array.isArray(value) && value.length > 0
          ? labelled(list(value, (field) => known("personioFields", field)))
          : null;
      case "fields": {
        // Personio's fields for a send ("first_name,email"), an update and the field settings
        // ("position:jobTitle": the field and where its prefill comes from); the candidate's or
        // the job's own fields everywhere else.
        const name = reading?.personioFields ? (field: string) => fieldName(field.split(":")[0]!) : fieldName;
        return labelled(list(Array.isArray(value) ? value : String(value).split(",").filter(Boolean), name));
      }
      case "keptInPersonio":
        return Array.isArray(value) ? labelled(list(value, fieldName)) : labelled(String(value));
      case "scopes": {
        // An API key's scopes are Handoff's own; the integration's are what Personio granted.
        if (reading?.scopes === "api-key")
          return {
            label: t("details.keyScopes"),
            text: list(Array.isArray(value) ? value : [String(value)], (scope) => known("apiScopes", scope)),
          };
        return Array.isArray(value) && value.length === 0
          ? labelled(t("values.noneNamed"))
          : labelled(list(Array.isArray(value) ? value : [String(value)], (scope) => known("personioScopes", scope)));
      }
      case "created":
        // A sign-in with single sign-on: whether it created the account. An import: how many rows.
        if (typeof value === "boolean") return value ? { label: null, text: t("sentences.accountCreated") } : null;
        return { label: t("details.createdRows"), text: String(value) };
      case "kind":
        // A refused page or action; a webhook source's ATS.
        if (reading?.kind === "refusal") return labelled(known("kinds", String(value)));
        if (reading?.kind === "ats") return { label: t("details.ats"), text: known("atsKinds", String(value)) };
        return labelled(String(value));
      case "linkExpiresAt":
      case "previousValidUntil": {
        const date = new Date(String(value));
        return labelled(Number.isNaN(date.getTime()) ? String(value) : words.dateTime(date));
      }
      case "address":
        if (value === "unknown") return labelled(t("values.unknownAddress"));
        return labelled(LOOPBACK.test(String(value)) ? t("values.thisServer") : String(value));
      case "ignored":
        // Fields Personio ignored, comma-separated.
        return labelled(list(String(value).split(",").filter(Boolean), fieldName));
      case "apiKeyId":
        return labelled(named("api-key", value, "values.deletedKey"));
      case "importId":
        return labelled(named("import", value, "values.deletedImport"));
      case "sourceId":
        return labelled(named("webhook-source", value, "values.deletedSource"));
      case "person":
      case "breakGlassUserId":
        return labelled(named("user", value, "deletedUser"));
    }
    if (key in CODE_GROUPS && typeof value === "string") return labelled(known(CODE_GROUPS[key]!, value));
    if (typeof value === "boolean") return labelled(t(value ? "values.yes" : "values.no"));
    if (Array.isArray(value)) return labelled(list(value));
    const text = String(value);
    if (HASH.test(text)) return { label, text, kind: "hash" };
    if (FIELD_KEYS.test(text)) return labelled(list(text.split(/,\s*/), fieldName));
    // Names, addresses, file names, counts, ids: shown as they are.
    return labelled(text);
  };

  const details = Object.entries(entry.details).flatMap(([key, value]) => line(key, value) ?? []);

  const target = entry.target;
  let targetText: string | null = null;
  if (target) {
    if (target.type === "integration") targetText = t("targets.integration");
    else if (target.type === "sso") targetText = t("targets.sso");
    else if (target.type === "role" && target.id) targetText = t("targets.role", { name: words.roleName(target.id) });
    else if (t.has(`targetKinds.${target.type}`)) {
      targetText = target.name
        ? t(`targets.${target.type}`, { name: target.name })
        : t("targets.gone", { kind: t(`targetKinds.${target.type}`) });
    } else targetText = t("targets.other", { type: target.type, id: target.id ?? "" });
  }
  return {
    actor: entry.actorName ?? (entry.hasActor ? t("deletedUser") : reading?.byVisitor ? t("visitor") : t("system")),
    action: reading ? t(`actions.${reading.title}`) : entry.action,
    target: targetText,
    outcome: known("outcomes", entry.outcome),
    details,
  };
}
