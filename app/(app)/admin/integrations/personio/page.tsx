import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { SendStagesForm } from "@/app/(app)/admin/integrations/personio/_components/send-stages-form";
import { PersonioSettingsView } from "@/components/integrations/personio-settings-view";
import { PersonioSetupInfo } from "@/components/integrations/personio-setup-info";
import { requireUser } from "@/lib/auth/require-user";
import { getSendableStages } from "@/lib/handoff/send-settings";
import { getPersonioSettings } from "@/lib/integrations/queries";
import { listRolePersonioSettings } from "@/lib/integrations/role-permissions";

type Props = { searchParams: Promise<{ connected?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("personioSettings");
  return { title: t("title") };
}

// Not connected: the information screen that leads to the connect form. Connected: the settings.
export default async function PersonioIntegrationPage({ searchParams }: Props) {
  await requireUser("integrations:manage");
  const [settings, roles, sendableStages, t, tSetup, tStages] = await Promise.all([
    getPersonioSettings(),
    listRolePersonioSettings(),
    getSendableStages(),
    getTranslations("personioSettings"),
    getTranslations("personioSetup"),
    getTranslations("sendStages"),
  ]);
  const { connected } = await searchParams;
  return (
    <div className="space-y-6">
      <Link href="/admin/integrations" className="text-sm text-indigo-700 hover:underline">
        ← {t("back")}
      </Link>
      {settings ? (
        <>
          <PersonioSettingsView settings={settings} roles={roles} justConnected={connected} />
          <section aria-labelledby="send-stages-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
            <div>
              <h2 id="send-stages-heading" className="text-lg font-semibold">
                {tStages("title")}
              </h2>
              <p className="mt-1 text-sm text-slate-600">{tStages("intro")}</p>
            </div>
            <SendStagesForm stages={sendableStages} />
          </section>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">{tSetup("title")}</h1>
          <PersonioSetupInfo />
        </>
      )}
    </div>
  );
}
