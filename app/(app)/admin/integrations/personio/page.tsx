import { getTranslations } from "next-intl/server";

import { PersonioSetupInfo } from "@/components/integrations/personio-setup-info";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getCachedDocumentCategories, getDocumentDefaults } from "@/lib/documents/categories";
import { getSendableStages } from "@/lib/handoff/send-settings";
import { getFieldConfig } from "@/lib/personio-fields/store";
import { getCachedPersonioOptions } from "@/lib/personio/integration/options";
import { getPersonioSettings } from "@/lib/personio/integration/queries";
import { listRolePersonioSettings } from "@/lib/personio/integration/role-permissions";

import { DocumentDefaultsForm } from "./_components/document-defaults-form";
import { PersonioSettingsView, personioTabOf } from "./_components/personio-settings-view";
import { SendStagesForm } from "./_components/send-stages-form";

type Props = { searchParams: Promise<{ connected?: string; tab?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("personioSettings");
  return { title: t("title") };
}

// Not connected: the information screen that leads to the connect form. Connected: the settings.
export default async function PersonioIntegrationPage({ searchParams }: Props) {
  await requireUser("integrations:manage");
  const [settings, roles, fieldConfig, lists, sendableStages, t, tSetup, tStages] = await Promise.all([
    getPersonioSettings(),
    listRolePersonioSettings(),
    getFieldConfig(),
    getCachedPersonioOptions(),
    getSendableStages(),
    getTranslations("personioSettings"),
    getTranslations("personioSetup"),
    getTranslations("sendStages"),
  ]);
  const { connected, tab } = await searchParams;
  // Only when the settings show (a connected account), and only from the cache.
  const [categories, documentDefaults, tDocuments] = settings
    ? await Promise.all([getCachedDocumentCategories(), getDocumentDefaults(), getTranslations("documents")])
    : [null, null, null];
  return (
    <div className="space-y-6">
      <BackLink href="/admin/integrations">{t("back")}</BackLink>
      {settings ? (
        <>
          <PersonioSettingsView
            tab={personioTabOf(tab)}
            settings={settings}
            roles={roles}
            justConnected={connected}
            fieldConfig={fieldConfig}
            lists={lists}
            stages={
              <section
                aria-labelledby="send-stages-heading"
                className="space-y-4 rounded-lg border border-slate-200 bg-white p-6"
              >
                <div>
                  <h2 id="send-stages-heading" className="text-lg font-semibold">
                    {tStages("title")}
                  </h2>
                  <p className="mt-1 text-sm text-slate-600">{tStages("intro")}</p>
                </div>
                <SendStagesForm stages={sendableStages} />
                {categories && documentDefaults && tDocuments && (
                  <div aria-labelledby="document-defaults-heading" role="group" className="space-y-3 border-t pt-4">
                    <h2 id="document-defaults-heading" className="text-lg font-semibold">
                      {tDocuments("settings.heading")}
                    </h2>
                    <p className="text-sm text-slate-600">{tDocuments("settings.intro")}</p>
                    <DocumentDefaultsForm categories={categories} defaults={documentDefaults} />
                  </div>
                )}
              </section>
            }
          />
        </>
      ) : (
        <>
          <PageHeader title={tSetup("title")} />
          <PersonioSetupInfo fields={fieldConfig} />
        </>
      )}
    </div>
  );
}
