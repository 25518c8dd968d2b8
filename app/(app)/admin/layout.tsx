import type { ReactNode } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";

// The admin pages' forms and tables translate on the client.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
