import { getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { listAutomaticSendRules } from "@/lib/handoff/automatic/rules";
import { getSendableStages } from "@/lib/handoff/send-settings";
import { getSourceNames } from "@/lib/mappings/store";

import { RuleToggles } from "./_components/rule-toggles";

export async function generateMetadata() {
  const t = await getTranslations("automaticSend");
  return { title: t("title") };
}

// Automatic send, off by default: per ATS source and sendable stage, a hire is sent without review
// when nothing is left for a person to decide (lib/handoff/automatic/).
export default async function AutomaticSendPage() {
  await requireUser("integrations:manage");
  const [t, tStages, rules, stages, sourceNames] = await Promise.all([
    getTranslations("automaticSend"),
    getTranslations("stages"),
    listAutomaticSendRules(),
    getSendableStages(),
    getSourceNames(),
  ]);
  const sources = [...new Set([...Object.keys(sourceNames), ...rules.map((rule) => rule.source)])].map((key) => ({
    key,
    name: sourceNames[key] ?? key,
  }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("conditions.fields")}</li>
        <li>{t("conditions.lists")}</li>
        <li>{t("conditions.stage")}</li>
        <li>{t("conditions.integration")}</li>
      </ul>
      {sources.length === 0 ? (
        <p className="text-slate-600">{t("noSources")}</p>
      ) : (
        <RuleToggles
          sources={sources}
          stages={stages.map((stage) => ({ key: stage, label: tStages(stage) }))}
          enabled={rules.filter((rule) => rule.enabled).map((rule) => `${rule.source}|${rule.stage}`)}
        />
      )}
    </div>
  );
}
