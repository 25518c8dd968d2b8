import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";

// Previous / "Page n of m" / Next for a server-rendered list; every page is a plain link.
// `morePages`: the list stops at `pages` although more match ("Page 3 of 100+").
export async function Pagination({
  page,
  pages,
  morePages = false,
  hrefFor,
}: {
  page: number;
  pages: number;
  morePages?: boolean;
  hrefFor: (page: number) => string;
}) {
  const t = await getTranslations("pagination");
  const current = Math.min(page, pages);
  const disabled = "pointer-events-none opacity-50";
  const edge = (isEdge: boolean) => ({
    className: buttonClassName("secondary", isEdge ? disabled : ""),
    "aria-disabled": isEdge,
    tabIndex: isEdge ? -1 : undefined,
  });
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between">
      <Link href={hrefFor(current - 1)} rel="prev" {...edge(current <= 1)}>
        {t("previous")}
      </Link>
      <p className="text-sm text-slate-600">{t(morePages ? "pageOfMore" : "page", { page: current, pages })}</p>
      <Link href={hrefFor(current + 1)} rel="next" {...edge(current >= pages)}>
        {t("next")}
      </Link>
    </nav>
  );
}
