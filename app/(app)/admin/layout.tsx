import type { ReactNode } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { SettingsShell } from "@/components/layout/settings-shell";

// The admin pages sit in the settings sidebar; their forms and tables translate on the client.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <SettingsShell>
      <ClientMessages>{children}</ClientMessages>
    </SettingsShell>
  );
}
