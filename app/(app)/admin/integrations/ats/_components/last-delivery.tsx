import { getFormatter, getTranslations } from "next-intl/server";

import { OutcomeBadge } from "./outcome-badge";

export async function LastDelivery({
  delivery,
}: {
  delivery: { receivedAt: Date; outcome: string; reason: string | null } | null;
}) {
  const [t, format] = await Promise.all([getTranslations("webhooks"), getFormatter()]);
  if (!delivery) return <span className="text-slate-500">{t("never")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <time dateTime={delivery.receivedAt.toISOString()}>{format.relativeTime(delivery.receivedAt)}</time>
      <OutcomeBadge outcome={delivery.outcome} />
      {delivery.reason && t.has(`reasons.${delivery.reason}`) && (
        <span className="text-xs text-slate-600">{t(`reasons.${delivery.reason}`)}</span>
      )}
    </span>
  );
}
