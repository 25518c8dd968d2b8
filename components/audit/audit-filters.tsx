import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { buttonClassName } from "@/components/ui/button";
import { AUDIT_CATEGORIES, AUDIT_OUTCOMES, type TAuditListParams } from "@/lib/audit-log/params";

const CONTROL = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

// A plain GET form, like the candidate filters: every view of the log is a shareable URL.
export async function AuditFilters({ params }: { params: TAuditListParams }) {
  const t = await getTranslations("audit");
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-label={t("filters.label")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto]"
    >
      <div>
        <label htmlFor="audit-category" className="mb-1 block text-sm font-medium text-slate-700">
          {t("filters.category")}
        </label>
        <select id="audit-category" name="category" defaultValue={params.category} className={CONTROL}>
          {AUDIT_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`filters.categories.${category}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-outcome" className="mb-1 block text-sm font-medium text-slate-700">
          {t("filters.outcome")}
        </label>
        <select id="audit-outcome" name="outcome" defaultValue={params.outcome} className={CONTROL}>
          <option value="">{t("filters.allOutcomes")}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcomes.${outcome}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClassName("primary")}>
          {t("filters.apply")}
        </button>
        <Link href="/admin/audit" className={buttonClassName("ghost")}>
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
