import { getTranslations } from "next-intl/server";

import type { PersonioStatus } from "@/lib/personio/integration/health";

const COLORS: Record<PersonioStatus, string> = {
  not_connected: "bg-slate-100 text-slate-700",
  connected: "bg-green-100 text-green-800",
  failing: "bg-red-100 text-red-800",
  disabled: "bg-amber-100 text-amber-900",
};

export async function ConnectionStatusBadge({ state }: { state: PersonioStatus }) {
  const t = await getTranslations("integrations.status");
  return (
    <span className={`inline-flex shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${COLORS[state]}`}>
      {t(state)}
    </span>
  );
}
