import type { ReactNode } from "react";

import { MessagesProvider } from "@/components/i18n/messages-provider";

// The admin pages' forms and tables translate on the client.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <MessagesProvider
      namespaces={["errors", "dialog", "users", "personioForm", "personioConnect", "personioSettings", "personioScopes", "apiKeys", "jobs", "webhooks"]}
    >
      {children}
    </MessagesProvider>
  );
}
