import type { ReactNode } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";

// The import pages' upload, mapping, progress and report translate on the client.
export default function ImportLayout({ children }: { children: ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
