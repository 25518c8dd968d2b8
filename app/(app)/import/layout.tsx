import type { ReactNode } from "react";

import { MessagesProvider } from "@/components/i18n/messages-provider";

export default function ImportLayout({ children }: { children: ReactNode }) {
  return <MessagesProvider namespaces={["imports", "errors", "dialog", "stages"]}>{children}</MessagesProvider>;
}
