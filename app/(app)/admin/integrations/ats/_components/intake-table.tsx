import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import type { MappedHire } from "@/lib/webhooks/interpretation";
import type { IntakeDelivery } from "@/lib/webhooks/queries";

import { OutcomeBadge } from "./outcome-badge";

const FIELDS: (keyof MappedHire)[] = [
  "externalId",
  "firstName",
  "lastName",
  "email",
  "phone",
  "jobTitle",
  "department",
  "office",
  "startDate",
];

// Cards below md, a table above: every column stays reachable on a phone.
export async function IntakeTable({ deliveries }: { deliveries: IntakeDelivery[] }) {
  const [t, format] = await Promise.all([getTranslations("webhooks"), getFormatter()]);
  return (
    <ul
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
      aria-label={t("intake.title")}
    >
      {deliveries.map((delivery) => {
        const reason =
          delivery.reason && t.has(`reasons.${delivery.reason}`) ? t(`reasons.${delivery.reason}`) : delivery.reason;
        const fields = delivery.mapped ? FIELDS.filter((field) => delivery.mapped?.[field]) : [];
        return (
          <li
            key={delivery.id}
            className="grid gap-2 p-4 md:grid-cols-[10rem_10rem_1fr] md:gap-4"
            data-testid="intake-row"
            data-outcome={delivery.outcome}
          >
            <div className="text-sm">
              <time dateTime={delivery.receivedAt.toISOString()} className="font-medium text-slate-900">
                {format.dateTime(delivery.receivedAt, { dateStyle: "medium", timeStyle: "medium" })}
              </time>
              <p className="text-slate-600">{delivery.source.name}</p>
            </div>
            <div className="space-y-1 text-sm">
              <OutcomeBadge outcome={delivery.outcome} />
              <p className="break-all font-mono text-xs text-slate-600">{delivery.eventType ?? t("intake.noEvent")}</p>
            </div>
            <div className="min-w-0 space-y-2 text-sm text-slate-700">
              {reason && <p>{reason}</p>}
              {delivery.attention && (
                <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
                  {t.has(`attention.${delivery.attention}`) ? t(`attention.${delivery.attention}`) : delivery.attention}
                </p>
              )}
              {fields.length > 0 && (
                <details>
                  <summary className="cursor-pointer text-indigo-700">{t("intake.mapped")}</summary>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                    {fields.map((field) => (
                      <div key={field} className="contents">
                        <dt className="text-slate-500">{t(`intake.fields.${field}`)}</dt>
                        <dd className="break-all">{String(delivery.mapped?.[field])}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              )}
              {delivery.candidateId && (
                <Link
                  href={`/candidates/${delivery.candidateId}`}
                  className="inline-block text-indigo-700 hover:underline"
                >
                  {t("intake.openCandidate")}
                </Link>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
