import { getTranslations } from "next-intl/server";
import Link from "next/link";

type Ways = { canImport: boolean; canManageIntegrations: boolean };

// The candidate list of a new installation: no candidates at all (not "none match a search"),
// so it says where they come from. Each way links to its page for those who may open it.
export async function CandidatesEmptyState({ canImport, canManageIntegrations }: Ways) {
  const t = await getTranslations("onboarding.candidatesEmpty");
  const ways = [
    { key: "import", title: t("import"), hint: t("importHint"), href: canImport ? "/import" : null },
    { key: "api", title: t("api"), hint: t("apiHint"), href: canManageIntegrations ? "/admin/api-keys" : null },
    { key: "ats", title: t("ats"), hint: t("atsHint"), href: canManageIntegrations ? "/admin/integrations/ats" : null },
  ];
  const canBringIn = canImport || canManageIntegrations;

  return (
    <section
      aria-labelledby="candidates-empty-title"
      className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10"
    >
      <h2 id="candidates-empty-title" className="text-center text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mx-auto mt-1 max-w-prose text-center text-sm text-slate-600">{t("body")}</p>
      <ul className="mx-auto mt-6 grid max-w-4xl gap-3 md:grid-cols-3">
        {ways.map((way) => (
          <li key={way.key} className="rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
            <p className="font-medium">
              {way.href ? (
                <Link href={way.href} className="text-indigo-700 underline-offset-2 hover:underline">
                  {way.title}
                </Link>
              ) : (
                way.title
              )}
            </p>
            <p className="mt-1 text-slate-600">{way.hint}</p>
            {way.key === "api" && (
              // The API's description is public: anyone may read it.
              <a href="/api/v1/openapi.json" className="mt-1 inline-block text-indigo-700 hover:underline">
                {t("apiDocs")}
              </a>
            )}
          </li>
        ))}
      </ul>
      {!canBringIn && <p className="mt-6 text-center text-sm text-slate-600">{t("askAdmin")}</p>}
    </section>
  );
}
