import { getTranslations } from "next-intl/server";

import type { SourceKind } from "@/lib/webhooks/kinds";

const STEPS = ["1", "2", "3", "4", "5"] as const;

export async function SetupSteps({ kind }: { kind: SourceKind }) {
  const t = await getTranslations("webhooks");
  return (
    <section aria-labelledby="setup-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="setup-title" className="text-lg font-semibold">
        {t("setupTitle", { name: t(`kinds.${kind}.name`) })}
      </h2>
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        {STEPS.map((step) => (
          <li key={step}>{t(`setup.${kind}.${step}`)}</li>
        ))}
      </ol>
    </section>
  );
}
