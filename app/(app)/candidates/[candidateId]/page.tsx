import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getMessages, getTimeZone, getTranslations } from "next-intl/server";

import { CandidateActionsMenu } from "@/components/candidates/candidate-actions-menu";
import { StageBadge } from "@/components/candidates/stage-badge";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { PersonioBadge } from "@/components/handoff/personio-badge";
import { requireUser } from "@/lib/auth/require-user";
import { getCandidate } from "@/lib/candidates/queries";
import { getHandoffStatus, getPersonioBadges } from "@/lib/handoff/queries";
import { getPersonioIntegration } from "@/lib/integrations/personio-connection";
import { can } from "@/lib/permissions";

type Props = { params: Promise<{ candidateId: string }> };

export async function generateMetadata({ params }: Props) {
  const candidate = await getCandidate((await params).candidateId);
  return { title: candidate ? `${candidate.firstName} ${candidate.lastName}` : undefined };
}

export default async function CandidateProfilePage({ params }: Props) {
  const user = await requireUser("candidates:read");
  const candidate = await getCandidate((await params).candidateId);
  if (!candidate) notFound();
  const canSeeBadge = can(user, "personio:see-badge");
  const [t, tHandoff, format, integration, handoffStatus, badges] = await Promise.all([
    getTranslations("profile"),
    getTranslations("handoff"),
    getFormatter(),
    getPersonioIntegration(),
    getHandoffStatus(candidate.id),
    canSeeBadge ? getPersonioBadges([candidate.id]) : null,
  ]);
  const badge = badges?.get(candidate.id);
  // The menu item is offered only when a send could succeed; the action checks all of it again.
  const maySend =
    can(user, "personio:send") && integration?.enabled === true && handoffStatus !== "SENT" && handoffStatus !== "LINKED";

  const details: Array<[string, React.ReactNode]> = [
    [t("email"), candidate.email],
    [t("phone"), candidate.phone ?? t("none")],
    [t("job"), candidate.job.title],
    [t("department"), candidate.department || candidate.job.department || t("none")],
    [t("office"), candidate.office || candidate.job.office || t("none")],
    [t("startDate"), candidate.startDate ? format.dateTime(new Date(`${candidate.startDate}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : t("none")],
    [t("stage"), <StageBadge key="stage" stage={candidate.stage} />],
    [t("source"), candidate.source ?? t("none")],
    ...(candidate.externalSource
      ? ([[t("externalRecord"), `${candidate.externalSource} · ${candidate.externalId ?? ""}`]] as Array<[string, React.ReactNode]>)
      : []),
    [t("created"), format.dateTime(candidate.createdAt, { dateStyle: "medium" })],
    [t("updated"), format.dateTime(candidate.updatedAt, { dateStyle: "medium", timeStyle: "short" })],
  ];

  return (
    <article className="space-y-6">
      <Link href="/candidates" className="text-sm text-indigo-700 hover:underline">
        ← {t("back")}
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold">
              {candidate.firstName} {candidate.lastName}
            </h1>
            {badge && <PersonioBadge candidateId={candidate.id} badge={badge} />}
          </div>
          <p className="mt-1 text-slate-600">{candidate.job.title}</p>
        </div>
        <CandidateActionsMenu
          candidateId={candidate.id}
          labels={{ more: t("more"), noActions: t("noActions"), sendToPersonio: tHandoff("menuItem") }}
          sendToPersonio={
            maySend
              ? {
                  defaults: {
                    firstName: candidate.firstName,
                    lastName: candidate.lastName,
                    email: candidate.email,
                    position: candidate.job.title,
                  },
                  intl: {
                    locale: await getLocale(),
                    timeZone: await getTimeZone(),
                    messages: pickMessages(await getMessages(), ["handoff", "errors"]),
                  },
                }
              : null
          }
        />
      </header>
      <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="details-heading" className="text-lg font-semibold">
          {t("details")}
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2">
          {details.map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-500">{label}</dt>
              <dd className="mt-0.5 break-words">{value}</dd>
            </div>
          ))}
        </dl>
        {candidate.notes && (
          <div className="mt-6">
            <h3 className="text-sm text-slate-500">{t("notes")}</h3>
            <p className="mt-1 whitespace-pre-line">{candidate.notes}</p>
          </div>
        )}
      </section>
    </article>
  );
}
