import { getTranslations } from "next-intl/server";

import { SendToPersonioButton } from "./send-flow";

// On a profile that may be sent and is not in Personio yet: says so where nobody can miss it,
// with the send as its primary action (the same flow as More ▾ → Send to Personio), or, for
// someone who cannot send now, why not.
export async function PersonioStatusStrip({ reason, sendLabel }: { reason: string | null; sendLabel: string }) {
  const t = await getTranslations("personioStatus.strip");
  return (
    <section
      aria-labelledby="personio-status-heading"
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 sm:px-5"
    >
      <div className="min-w-0">
        <h2 id="personio-status-heading" className="font-semibold text-amber-950">
          {t("title")}
        </h2>
        <p className="mt-0.5 text-sm text-amber-900">{reason ?? t("ready")}</p>
      </div>
      {!reason && <SendToPersonioButton label={sendLabel} />}
    </section>
  );
}
