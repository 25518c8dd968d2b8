import "server-only";

import { getFormatter, getTranslations } from "next-intl/server";

import { roleLabel } from "@/lib/permissions/role-label";

import type { AuditTranslator, AuditWords } from "./describe";

/** The words describeAuditEntry needs, in this request's language and time zone (page and CSV alike). */
export async function getAuditWords(): Promise<AuditWords> {
  const [t, tRoles, tStages, format] = await Promise.all([
    getTranslations("audit"),
    getTranslations("roles"),
    getTranslations("stages"),
    getFormatter(),
  ]);
  return {
    // Keys are built from recorded codes and checked with has() before use, hence the loose type.
    t: t as unknown as AuditTranslator,
    roleName: (id) => roleLabel(tRoles, { id, name: id }),
    stageName: (stage) => (tStages.has(stage as "HIRED") ? tStages(stage as "HIRED") : stage),
    dateTime: (date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }),
  };
}
