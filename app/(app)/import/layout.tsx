import type { ReactNode } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";

export default function ImportLayout({ children }: { children: ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
