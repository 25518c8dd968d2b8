import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_CATEGORIES = ["all", "settings", "sends", "users", "security"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_OUTCOMES = ["success", "failure", "denied", "notice"] as const;

// Which action keys each category covers (prefixes of AuditLog.action).
export const AUDIT_CATEGORY_PREFIXES: Record<Exclude<AuditCategory, "all">, string[]> = {
  settings: ["integration.", "role.", "sso."],
  sends: ["handoff."],
  users: ["user."],
  security: ["auth.", "access.", "secrets."],
};

// Query-string parameters of the audit page. Bad values fall back to defaults: a hand-edited
// URL still shows the log.
export const ZAuditListParams = z.object({
  category: z.enum(AUDIT_CATEGORIES).catch("all").default("all"),
  outcome: z.enum(AUDIT_OUTCOMES).or(z.literal("")).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TAuditListParams = z.infer<typeof ZAuditListParams>;

export function auditListHref(params: Partial<TAuditListParams>) {
  const search = new URLSearchParams();
  if (params.category && params.category !== "all") search.set("category", params.category);
  if (params.outcome) search.set("outcome", params.outcome);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
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
      if (item === null || ["string", "number", "boolean"].includes(typeof item)) result[key] = item as AuditDetailValue;
      else if (Array.isArray(item)) result[key] = item.map(String);
    }
    return result;
  } catch {
    return {};
  }
}
