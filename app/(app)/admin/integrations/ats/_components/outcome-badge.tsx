import { getTranslations } from "next-intl/server";

import type { DeliveryOutcome } from "@/lib/webhooks/kinds";

const TONES: Record<DeliveryOutcome, string> = {
  created: "bg-emerald-100 text-emerald-800",
  updated: "bg-sky-100 text-sky-800",
  ignored: "bg-slate-100 text-slate-700",
  duplicate: "bg-slate-100 text-slate-700",
  rejected: "bg-red-100 text-red-800",
};

export async function OutcomeBadge({ outcome }: { outcome: string }) {
  const t = await getTranslations("webhooks.outcomes");
  const known = (outcome in TONES ? outcome : "ignored") as DeliveryOutcome;
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${TONES[known]}`}>{t(known)}</span>;
}
