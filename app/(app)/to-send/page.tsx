import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/i18n/client-messages";
import { getBlockerDescriber } from "@/components/mappings/blocker-text";
import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/require-user";
import { groupQueueByBlocker, type BlockerGroup } from "@/lib/handoff/automatic/queue-blockers";
import { listToSend } from "@/lib/handoff/queue";
import { can } from "@/lib/permissions";
import { getPersonioConnectionState } from "@/lib/personio/integration/queries";

import { BlockerGroups } from "./_components/blocker-groups";
import { QueueList, type QueueRow } from "./_components/queue-list";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("toSend");
  return { title: t("title") };
}

// The "To send" queue: for the week when ten people start at once.
export default async function ToSendPage({ searchParams }: Props) {
  const user = await requireUser("personio:send");
  const pageParam = Number((await searchParams).page);
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const [t, format, result, connection] = await Promise.all([
    getTranslations("toSend"),
    getFormatter(),
    listToSend(page),
    getPersonioConnectionState(),
  ]);
  // Without a working connection nothing can be checked against Personio's lists (nor sent).
  const blocked =
    connection === "connected"
      ? await groupQueueByBlocker(result.rows)
      : { byCandidate: new Map(), groups: [] as BlockerGroup[] };
  const [describeBlocker, tHandoff] = await Promise.all([getBlockerDescriber(), getTranslations("handoff")]);
  // A send that failed (an automatic one too) says why, as the review form would.
  const failureMessage = (code: string | null | undefined) =>
    !code || code === "employee_exists"
      ? null
      : tHandoff.has(`errors.${code}`)
        ? tHandoff(`errors.${code}` as "errors.unexpected")
        : tHandoff("errors.unexpected");
  const rows: QueueRow[] = result.rows.map((row) => ({
    id: row.id,
    name: `${row.firstName} ${row.lastName}`,
    email: row.email,
    job: row.job.title,
    added: format.dateTime(row.createdAt, { dateStyle: "medium" }),
    addedIso: row.createdAt.toISOString(),
    state:
      row.handoff?.lastErrorCode === "employee_exists" ? "waitingForLink" : row.handoff ? "lastAttemptFailed" : "new",
    blocker:
      (row.handoff?.status === "FAILED" ? failureMessage(row.handoff.lastErrorCode) : null) ??
      (blocked.byCandidate.has(row.id) ? describeBlocker(blocked.byCandidate.get(row.id)!) : null),
  }));
  const names = new Map(rows.map((row) => [row.id, row.name]));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("intro")}</p>
        </div>
        <p className="text-sm text-slate-600" aria-live="polite">
          {t("count", { count: result.total })}
        </p>
      </div>
      {connection !== "connected" && (
        <ConnectionMissing state={connection} canConnect={can(user, "integrations:manage")} />
      )}
      {blocked.groups.length > 0 && (
        <BlockerGroups
          groups={blocked.groups.map((group) => ({
            key: group.key,
            text: describeBlocker(group.blocker),
            hires: group.candidateIds.map((id) => ({ id, name: names.get(id) ?? id })),
            mappingHref:
              group.blocker.code === "unmapped_value" && can(user, "mappings:manage")
                ? `/admin/mappings?${new URLSearchParams({
                    source: group.source ?? "*",
                    field: group.blocker.field,
                    ats: group.blocker.value,
                  }).toString()}`
                : null,
          }))}
        />
      )}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <ClientMessages>
          <QueueList rows={rows} />
        </ClientMessages>
      )}
      {result.pages > 1 && (
        <Pagination
          page={result.page}
          pages={result.pages}
          hrefFor={(next) => (next > 1 ? `/to-send?page=${next}` : "/to-send")}
        />
      )}
    </div>
  );
}

// Nothing can be sent without a working connection: said before anyone chooses candidates. Only
// admins can change that, so only they get the link.
async function ConnectionMissing({ state, canConnect }: { state: "not_connected" | "disabled"; canConnect: boolean }) {
  const t = await getTranslations("toSend");
  const notConnected = state === "not_connected";
  return (
    <Alert tone="warning" title={notConnected ? t("notConnected") : t("disabled")}>
      {canConnect ? (
        <Link href="/admin/integrations/personio" className="font-medium underline underline-offset-2">
          {notConnected ? t("connectLink") : t("settingsLink")}
        </Link>
      ) : notConnected ? (
        t("askAdmin")
      ) : (
        t("askAdminDisabled")
      )}
    </Alert>
  );
}
