import { getLocale, getTimeZone, getTranslations } from "next-intl/server";

import { auditLogCsv } from "@/lib/audit-log/export";
import { ZAuditListParams } from "@/lib/audit-log/params";
import { getAuditWords } from "@/lib/audit-log/words";
import { recordAccessDenied } from "@/lib/auth/access-denied";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/permissions";

// The audit page's "Export CSV": the entries its filters match, every page of them, streamed a
// batch at a time. Headers and values in the viewer's language, times in their time zone.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user, "audit:read")) {
    await recordAccessDenied(user, "audit:read", "action");
    return new Response("Forbidden.", { status: 403 });
  }
  const { page, ...filters } = ZAuditListParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  void page; // the export holds every page
  const [t, words, timeZone, locale] = await Promise.all([
    getTranslations("audit"),
    getAuditWords(),
    getTimeZone(),
    getLocale(),
  ]);
  const csv = auditLogCsv({
    actorId: user.id,
    filters,
    timeZone,
    delimiter: locale === "de" ? ";" : ",",
    words,
    columns: {
      at: t("export.columns.at"),
      timeZone: t("export.columns.timeZone"),
      actor: t("export.columns.actor"),
      action: t("export.columns.action"),
      target: t("export.columns.target"),
      outcome: t("export.columns.outcome"),
      details: t("export.columns.details"),
    },
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await csv.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await csv.return(undefined);
    },
  });
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short" }).format(new Date());
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${t("export.fileName")}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
