import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import {
  INTEGRATION_CATEGORIES,
  INTEGRATIONS,
  type IntegrationCategory,
  type IntegrationKey,
} from "@/lib/integrations/catalogue";
import type { PersonioStatus } from "@/lib/personio/integration/health";

import { ConnectionStatusBadge } from "./connection-status-badge";

// Personio's state says whether its connection is failing; an ATS source has no calls of its own to fail.
type MarketplaceProps = { category: IntegrationCategory | null; states: Record<IntegrationKey, PersonioStatus> };

// Categories are links (a plain GET), so the choice is a shareable URL and works without JavaScript.
export async function Marketplace({ category, states }: MarketplaceProps) {
  const [t, tAts] = await Promise.all([getTranslations("integrations"), getTranslations("webhooks")]);
  // The ATS texts live with the webhook feature (its own catalogue file); the rest here.
  const categoryName = (key: IntegrationCategory) => (key === "ats" ? tAts("category") : t(`categories.${key}`));
  const categoryDescription = (key: IntegrationCategory) =>
    key === "ats" ? tAts("categoryDescription") : t(`categoryDescriptions.${key}`);
  const listingText = (key: IntegrationKey, field: "name" | "summary") =>
    key === "personio" ? t(`personio.${field}`) : tAts(`kinds.${key}.${field}`);
  const shown = INTEGRATION_CATEGORIES.filter((key) => category === null || key === category);
  const tab = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm font-medium ${active ? "bg-indigo-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"}`;

  return (
    <div className="space-y-6">
      <nav aria-label={t("categoriesLabel")}>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              href="/admin/integrations"
              className={tab(category === null)}
              aria-current={category === null ? "page" : undefined}
            >
              {t("allCategories")}
            </Link>
          </li>
          {INTEGRATION_CATEGORIES.map((key) => (
            <li key={key}>
              <Link
                href={`/admin/integrations?category=${key}`}
                className={tab(category === key)}
                aria-current={category === key ? "page" : undefined}
              >
                {categoryName(key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {shown.map((key) => {
        const listings = INTEGRATIONS.filter((item) => item.category === key);
        return (
          <section key={key} aria-labelledby={`category-${key}`} className="space-y-3">
            <div>
              <h2 id={`category-${key}`} className="text-lg font-semibold">
                {categoryName(key)}
              </h2>
              <p className="text-sm text-slate-600">{categoryDescription(key)}</p>
            </div>
            {listings.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-500">
                {t("emptyCategory")}
              </p>
            ) : (
              <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {listings.map((item) => {
                  const state = states[item.key];
                  const name = listingText(item.key, "name");
                  return (
                    <li key={item.key}>
                      <article
                        aria-labelledby={`integration-${item.key}`}
                        className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-5"
                      >
                        <div className="flex items-start justify-between gap-3">
                          <h3 id={`integration-${item.key}`} className="text-base font-semibold">
                            {name}
                          </h3>
                          <ConnectionStatusBadge state={state} />
                        </div>
                        <p className="mt-2 flex-1 text-sm text-slate-600">{listingText(item.key, "summary")}</p>
                        {state === "failing" && (
                          <p className="mt-2 text-sm font-medium text-red-700">{t("failingHint")}</p>
                        )}
                        <div className="mt-4">
                          <Link
                            href={state === "not_connected" || !item.manageHref ? item.href : item.manageHref}
                            className={buttonClassName(state === "not_connected" ? "primary" : "secondary")}
                            aria-label={
                              state === "not_connected" ? t("integrateNamed", { name }) : t("manageNamed", { name })
                            }
                          >
                            {state === "not_connected" ? t("integrate") : t("manage")}
                          </Link>
                        </div>
                      </article>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
