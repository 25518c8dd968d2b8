import { z } from "zod";

import type { AuditArea } from "./actions";

export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_CATEGORIES = ["all", "settings", "sends", "candidates", "users", "security"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_OUTCOMES = ["success", "failure", "denied", "notice"] as const;

// Which areas of actions ("<area>.<verb>") each category covers; a test checks every area has one.
export const AUDIT_CATEGORY_AREAS: Record<Exclude<AuditCategory, "all">, AuditArea[]> = {
  settings: [
    "integration",
    "role",
    "sso",
    "webhook-source",
    "background-job",
    "notification",
    "mapping",
    "automatic-send",
  ],
  sends: ["handoff"],
  candidates: ["candidate", "import", "job", "webhook", "document"],
  users: ["user", "installation"],
  security: ["auth", "access", "secrets", "api-key", "audit", "privacy"],
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as <input type="date"> sends it (YYYY-MM-DD), or "" when missing or not a real day. */
const ZDay = z
  .string()
  .trim()
  .catch("")
  .transform((value) =>
    DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value) ? value : "",
  );

// Query-string parameters of the audit page (and of its CSV export). Bad values fall back to
// defaults: a hand-edited URL still shows the log. A range given backwards is read forwards.
export const ZAuditListParams = z
  .object({
    category: z.enum(AUDIT_CATEGORIES).catch("all").default("all"),
    outcome: z.enum(AUDIT_OUTCOMES).or(z.literal("")).catch("").default(""),
    from: ZDay.default(""),
    to: ZDay.default(""),
    // A user's id (the person who acted); ids are cuids, anything else is ignored.
    person: z
      .string()
      .trim()
      .regex(/^[\w-]{1,64}$/)
      .catch("")
      .default(""),
    // Words from the candidate's name or email, matched like the candidate search.
    candidate: z
      .string()
      .catch("")
      .transform((value) => value.trim().slice(0, 200))
      .default(""),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  })
  .transform((params) =>
    params.from && params.to && params.from > params.to ? { ...params, from: params.to, to: params.from } : params,
  );
export type TAuditListParams = z.infer<typeof ZAuditListParams>;
export type TAuditFilters = Omit<TAuditListParams, "page">;

export function isAuditFiltered(params: TAuditFilters) {
  return (
    params.category !== "all" ||
    params.outcome !== "" ||
    params.from !== "" ||
    params.to !== "" ||
    params.person !== "" ||
    params.candidate !== ""
  );
}

function auditQuery(params: Partial<TAuditListParams>) {
  const search = new URLSearchParams();
  if (params.category && params.category !== "all") search.set("category", params.category);
  if (params.outcome) search.set("outcome", params.outcome);
  if (params.from) search.set("from", params.from);
  if (params.to) search.set("to", params.to);
  if (params.person) search.set("person", params.person);
  if (params.candidate) search.set("candidate", params.candidate);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `?${query}` : "";
}

export function auditListHref(params: Partial<TAuditListParams>) {
  return `/admin/audit${auditQuery(params)}`;
}

/** The CSV export of the same filters (every page of them). */
export function auditExportHref(params: Partial<TAuditListParams>) {
  return `/admin/audit/export${auditQuery({ ...params, page: 1 })}`;
}

export type AuditDetailValue = string | number | boolean | null | string[];

/** Audit details are JSON written by lib/audit.ts; anything unreadable shows as nothing, not an error. */
export function parseAuditDetails(raw: string | null): Record<string, AuditDetailValue> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    const result: Record<string, AuditDetailValue> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === null || ["string", "number", "boolean"].includes(typeof item))
        result[key] = item as AuditDetailValue;
      else if (Array.isArray(item)) result[key] = item.map(String);
    }
    return result;
  } catch {
    return {};
  }
}
