import type { ReactNode } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { SettingsShell } from "@/components/layout/settings-shell";

// Import is one of the settings pages (its URL stays /import); its upload, mapping, progress and
// report translate on the client.
export default function ImportLayout({ children }: { children: ReactNode }) {
  return (
    <SettingsShell>
      <ClientMessages>{children}</ClientMessages>
    </SettingsShell>
  );
}
