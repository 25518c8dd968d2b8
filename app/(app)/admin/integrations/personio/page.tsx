import { getTranslations } from "next-intl/server";

import { PersonioSetupInfo } from "@/components/integrations/personio-setup-info";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getPersonioSettings } from "@/lib/integrations/personio-queries";
import { listRolePersonioSettings } from "@/lib/integrations/role-permissions";

import { PersonioSettingsView } from "./_components/personio-settings-view";

type Props = { searchParams: Promise<{ connected?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("personioSettings");
  return { title: t("title") };
}

// Not connected: the information screen that leads to the connect form. Connected: the settings.
export default async function PersonioIntegrationPage({ searchParams }: Props) {
  await requireUser("integrations:manage");
  const [settings, roles, t, tSetup] = await Promise.all([
    getPersonioSettings(),
    listRolePersonioSettings(),
    getTranslations("personioSettings"),
    getTranslations("personioSetup"),
  ]);
  const { connected } = await searchParams;
  return (
    <div className="space-y-6">
      <BackLink href="/admin/integrations">{t("back")}</BackLink>
      {settings ? (
        <PersonioSettingsView settings={settings} roles={roles} justConnected={connected} />
      ) : (
        <>
          <PageHeader title={tSetup("title")} />
          <PersonioSetupInfo />
        </>
      )}
    </div>
  );
}
