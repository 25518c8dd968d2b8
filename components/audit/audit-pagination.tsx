import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { buttonClassName } from "@/components/ui/button";
import { auditListHref, type TAuditListParams } from "@/lib/audit-log/params";

export async function AuditPagination({ params, page, pages }: { params: TAuditListParams; page: number; pages: number }) {
  const t = await getTranslations("audit.pagination");
  const disabled = "pointer-events-none opacity-50";
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between">
      <Link
        href={auditListHref({ ...params, page: page - 1 })}
        className={buttonClassName("secondary", page <= 1 ? disabled : "")}
        aria-disabled={page <= 1}
        tabIndex={page <= 1 ? -1 : undefined}
        rel="prev"
      >
        {t("previous")}
      </Link>
      <p className="text-sm text-slate-600">{t("page", { page, pages })}</p>
      <Link
        href={auditListHref({ ...params, page: page + 1 })}
        className={buttonClassName("secondary", page >= pages ? disabled : "")}
        aria-disabled={page >= pages}
        tabIndex={page >= pages ? -1 : undefined}
        rel="next"
      >
        {t("next")}
      </Link>
    </nav>
  );
}
