import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ONBOARDING_STEPS, type OnboardingStep } from "@/lib/onboarding/checklist";

const STEP_HREF: Record<OnboardingStep, string> = {
  connectPersonio: "/admin/integrations/personio",
  addUsers: "/admin/users",
  bringCandidates: "/import",
  chooseFields: "/admin/integrations/personio",
};

// The admins' first-run checklist. Rendered only while a step is open; each open step links to
// where it is done, a done one is ticked.
export async function OnboardingChecklist({ done }: { done: Record<OnboardingStep, boolean> }) {
  const t = await getTranslations("onboarding.checklist");
  const doneCount = ONBOARDING_STEPS.filter((step) => done[step]).length;

  return (
    <section aria-labelledby="onboarding-title" className="rounded-lg border border-indigo-200 bg-indigo-50/60 p-5">
      <h2 id="onboarding-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("intro", { done: doneCount, total: ONBOARDING_STEPS.length })}</p>
      <ol className="mt-4 grid gap-2 md:grid-cols-2">
        {ONBOARDING_STEPS.map((step) => (
          <li key={step} className="flex items-start gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
            <span
              aria-hidden="true"
              className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs ${
                done[step] ? "bg-emerald-700 text-white" : "border border-slate-400"
              }`}
            >
              {done[step] ? "✓" : ""}
            </span>
            <div className="min-w-0">
              <p className="font-medium">
                {done[step] ? (
                  <span className="text-slate-600 line-through">{t(step)}</span>
                ) : (
                  <Link href={STEP_HREF[step]} className="text-indigo-700 underline-offset-2 hover:underline">
                    {t(step)}
                  </Link>
                )}
                <span className="sr-only"> ({done[step] ? t("done") : t("open")})</span>
              </p>
              {!done[step] && <p className="mt-0.5 text-slate-600">{t(`${step}Hint`)}</p>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
