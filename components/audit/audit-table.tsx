import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { AuditDetailValue } from "@/lib/audit-log/params";
import type { AuditEntryRow } from "@/lib/audit-log/queries";
import { roleLabel } from "@/lib/permissions/role-label";

// Details whose values are role ids, shown by the role's name.
const ROLE_DETAILS = new Set(["roleId", "from", "to"]);

// Entries a visitor causes before anyone is signed in.
const VISITOR_ACTIONS = new Set(["auth.sign-in", "access.denied"]);

const OUTCOME_COLORS: Record<string, string> = {
  success: "bg-green-100 text-green-800",
  failure: "bg-red-100 text-red-800",
  denied: "bg-amber-100 text-amber-900",
  notice: "bg-sky-100 text-sky-900",
};

export async function AuditTable({ entries }: { entries: AuditEntryRow[] }) {
  const [t, tRoles, format] = await Promise.all([getTranslations("audit"), getTranslations("roles"), getFormatter()]);
  // Action keys are "<area>.<verb>", nested the same way in the catalogue; unknown ones show as recorded.
  const actionLabel = (action: string) =>
    /^[a-z]+\.[a-z-]+$/.test(action) && t.has(`actions.${action}`) ? t(`actions.${action}` as "actions.handoff.send") : action;
  // Details are recorded as ids and codes; each known one is shown in words, anything else as recorded.
  const known = (group: string, value: string) => (t.has(`${group}.${value}`) ? t(`${group}.${value}` as "values.yes") : value);
  const detailLabel = (key: string) => known("details", key);
  const detailValue = (key: string, value: AuditDetailValue) => {
    if (value === null) return "—";
    if (typeof value === "boolean") return t(value ? "values.yes" : "values.no");
    if (Array.isArray(value)) return value.join(" ") || "—";
    if (typeof value === "number") return String(value);
    if (key === "permission" || key === "missingPermission") return known("permissions", value);
    if (key === "limit") return known("limits", value);
    if (key === "kind") return known("kinds", value);
    if (ROLE_DETAILS.has(key)) return roleLabel(tRoles, { id: value, name: value });
    if (key === "code" || key === "reason") return known("codes", value);
    if (key === "writePermission") return known("writePermission", value);
    if (key === "status") return known("handoffStatus", value);
    if (key === "field") return known("personioFields", value);
    return value;
  };
  const targetLabel = (target: NonNullable<AuditEntryRow["target"]>) => {
    if (target.type === "integration") return t("targets.integration");
    if (target.type === "sso") return t("targets.sso");
    if (target.type === "role" && target.id) return t("targets.role", { name: roleLabel(tRoles, { id: target.id, name: target.name ?? target.id }) });
    if (target.name && ["user", "candidate"].includes(target.type)) {
      return t(`targets.${target.type}` as "targets.user", { name: target.name });
    }
    return t("targets.other", { type: target.type, id: target.id ?? "" });
  };

  return (
    <Table>
      <TableHead>
        <HeaderCell>{t("columns.at")}</HeaderCell>
        <HeaderCell>{t("columns.actor")}</HeaderCell>
        <HeaderCell>{t("columns.action")}</HeaderCell>
        <HeaderCell>{t("columns.target")}</HeaderCell>
        <HeaderCell>{t("columns.outcome")}</HeaderCell>
        <HeaderCell>{t("columns.details")}</HeaderCell>
      </TableHead>
      <TableBody className="align-top">
        {entries.map((entry) => {
          const details = Object.entries(entry.details);
          return (
            <tr key={entry.id}>
              <Cell className="whitespace-nowrap">
                <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "medium" })}</time>
              </Cell>
              <Cell>{entry.actorName ?? (entry.hasActor ? t("deletedUser") : VISITOR_ACTIONS.has(entry.action) ? t("visitor") : t("system"))}</Cell>
              <Cell className="font-medium">{actionLabel(entry.action)}</Cell>
              <Cell>
                {entry.target?.type === "candidate" && entry.target.id && entry.target.name ? (
                  <Link href={`/candidates/${entry.target.id}`} className="text-indigo-700 hover:underline">
                    {targetLabel(entry.target)}
                  </Link>
                ) : entry.target ? (
                  targetLabel(entry.target)
                ) : (
                  "—"
                )}
              </Cell>
              <Cell>
                <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_COLORS[entry.outcome] ?? "bg-slate-100 text-slate-700"}`}>
                  {t.has(`outcomes.${entry.outcome}`) ? t(`outcomes.${entry.outcome}` as "outcomes.success") : entry.outcome}
                </span>
              </Cell>
              <Cell className="text-xs text-slate-600">
                {details.length === 0 ? (
                  "—"
                ) : (
                  <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
                    {details.map(([key, value]) => (
                      <div key={key} className="contents">
                        <dt className="font-medium text-slate-500">{detailLabel(key)}</dt>
                        <dd className="break-words">{detailValue(key, value)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </Cell>
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
