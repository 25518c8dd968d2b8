import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { StageBadge } from "@/components/candidates/stage-badge";
import { PersonioBadge } from "@/components/handoff/personio-badge";
import { ClientMessages } from "@/components/i18n/client-messages";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { getCandidate } from "@/lib/candidates/queries";
import { getDocumentCategories } from "@/lib/documents/categories";
import { listCandidateDocuments } from "@/lib/documents/service";
import { getSendAvailability } from "@/lib/handoff/availability";
import { getPersonioRecord } from "@/lib/handoff/personio-record";
import { getHandoffStatus, getPersonioBadges } from "@/lib/handoff/queries";
import { getSendableStages, isSendableStage } from "@/lib/handoff/send-settings";
import { isHandoffDone } from "@/lib/handoff/status";
import { getClientIntl } from "@/lib/i18n/get-client-intl";
import { can } from "@/lib/permissions";
import { getFieldConfig } from "@/lib/personio-fields/store";

import { CandidateActionsMenu } from "./_components/candidate-actions-menu";
import { DocumentsPanel } from "./_components/documents-panel";
import { PersonioPanel } from "./_components/personio-panel";
import { PersonioStatusStrip } from "./_components/personio-status-strip";
import { SendFlowProvider } from "./_components/send-flow";

type Props = { params: Promise<{ candidateId: string }> };

export async function generateMetadata({ params }: Props) {
  // The name goes into <title> only for someone who may read the profile: the page itself sends
  // everyone else to sign-in or the no-access page, but the metadata is rendered all the same.
  const user = await getCurrentUser();
  if (!can(user, "candidates:read")) return {};
  const candidate = await getCandidate((await params).candidateId);
  return { title: candidate ? `${candidate.firstName} ${candidate.lastName}` : undefined };
}

export default async function CandidateProfilePage({ params }: Props) {
  const user = await requireUser("candidates:read");
  const candidate = await getCandidate((await params).candidateId);
  if (!candidate) notFound();
  const mayUpdate = can(user, "personio:update");
  const [
    t,
    tStages,
    tHandoff,
    tFields,
    tAvailability,
    format,
    sendAvailability,
    badges,
    handoffStatus,
    sendableStages,
    personioRecord,
  ] = await Promise.all([
    getTranslations("profile"),
    getTranslations("stages"),
    getTranslations("handoff"),
    getTranslations("personioFields"),
    getTranslations("sendAvailability"),
    getFormatter(),
    getSendAvailability({ actor: user, candidate }),
    getPersonioBadges(user, [candidate.id]),
    getHandoffStatus(candidate.id),
    getSendableStages(),
    // Null for roles that may not see that a profile was sent.
    getPersonioRecord(user, candidate.id),
  ]);
  const isInPersonio = isHandoffDone(handoffStatus);
  // Corrections after a send: for a profile that is in Personio (sent or linked).
  const offersUpdate = mayUpdate && isInPersonio;
  const badge = badges.get(candidate.id);
  const documents =
    can(user, "documents:read") || can(user, "documents:upload") ? await listCandidateDocuments(candidate.id) : [];
  // Personio's categories only where a document can go there now (cached, lib/documents/categories.ts).
  const categoryLoad =
    isInPersonio && can(user, "personio:send") && documents.length > 0 ? await getDocumentCategories() : null;
  const categories = categoryLoad?.ok ? categoryLoad.categories : null;
  // "Not in Personio yet" is for people who may know whether a profile was sent (those who see
  // badges, and those who send); the others learn nothing from its absence either.
  const showsStrip =
    (can(user, "personio:see-badge") || can(user, "personio:send")) &&
    isSendableStage(candidate.stage, sendableStages) &&
    !isInPersonio;
  // When sending is not available, the item stays, disabled, saying why; who sent it and when
  // only to those who may see badges.
  // Send is offered only for the stages an admin allowed: a candidate in another stage (still
  // applying, say) gets no item at all, not a disabled one.
  const isStageRefused = !sendAvailability.available && sendAvailability.reason === "stage_not_sendable";
  const sendUnavailableReason =
    sendAvailability.available || isStageRefused
      ? null
      : sendAvailability.reason === "no_permission"
        ? tAvailability("noPermission")
        : sendAvailability.reason === "not_connected"
          ? tAvailability("notConnected")
          : sendAvailability.reason === "integration_disabled"
            ? tAvailability("integrationDisabled")
            : badge?.automaticRule
              ? tAvailability("sentAutomatically", {
                  date: format.dateTime(badge.sentAt, { dateStyle: "medium", timeStyle: "short" }),
                })
              : badge
                ? tAvailability(badge.status === "LINKED" ? "linkedBy" : "sentBy", {
                    name: badge.sentByName,
                    date: format.dateTime(badge.sentAt, { dateStyle: "medium", timeStyle: "short" }),
                  })
                : tAvailability("alreadySent");

  const details: Array<[string, React.ReactNode]> = [
    [t("email"), candidate.email],
    [t("phone"), candidate.phone ?? t("none")],
    [t("job"), candidate.job.title],
    [t("department"), candidate.department || candidate.job.department || t("none")],
    [t("office"), candidate.office || candidate.job.office || t("none")],
    [
      t("startDate"),
      candidate.startDate
        ? format.dateTime(new Date(`${candidate.startDate}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })
        : t("none"),
    ],
    [t("stage"), <StageBadge key="stage" stage={candidate.stage} t={tStages} />],
    [t("source"), candidate.source ?? t("none")],
    ...(candidate.externalSource
      ? ([[t("externalRecord"), `${candidate.externalSource} · ${candidate.externalId ?? ""}`]] as Array<
          [string, React.ReactNode]
        >)
      : []),
    [t("created"), format.dateTime(candidate.createdAt, { dateStyle: "medium" })],
    [t("updated"), format.dateTime(candidate.updatedAt, { dateStyle: "medium", timeStyle: "short" })],
  ];

  return (
    <article className="space-y-6">
      <BackLink href="/candidates">{t("back")}</BackLink>
      <SendFlowProvider
        candidateId={candidate.id}
        sendToPersonio={
          sendAvailability.available
            ? {
                defaults: { firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email },
                // For the dialog, which loads next-intl's client runtime with itself.
                intl: await getClientIntl(),
              }
            : null
        }
      >
        <PageHeader
          title={
            !candidate.firstName && !candidate.lastName
              ? (await getTranslations("privacy"))("erasedPerson")
              : `${candidate.firstName} ${candidate.lastName}`
          }
          beside={badge && <PersonioBadge candidateId={candidate.id} badge={badge} withWho />}
          intro={candidate.job.title}
          end={
            <CandidateActionsMenu
              candidateId={candidate.id}
              labels={{
                more: t("more"),
                noActions: t("noActions"),
                sendToPersonio: tHandoff("menuItem"),
                updateInPersonio: tFields("update.menuItem"),
                privacyRequest: t("privacyRequest"),
              }}
              offersPrivacyRequest={can(user, "privacy:manage")}
              sendUnavailableReason={sendUnavailableReason}
              updateInPersonio={offersUpdate ? { intl: await getClientIntl() } : null}
            />
          }
        />
        {showsStrip && (
          <PersonioStatusStrip
            reason={sendAvailability.available ? null : sendUnavailableReason}
            sendLabel={tHandoff("menuItem")}
          />
        )}
        {personioRecord && <PersonioPanel record={personioRecord} fieldConfig={await getFieldConfig()} />}
      </SendFlowProvider>
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
            <p className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]">{candidate.notes}</p>
          </div>
        )}
      </section>
      {(can(user, "documents:read") || can(user, "documents:upload")) && (
        <ClientMessages>
          <DocumentsPanel
            candidateId={candidate.id}
            documents={documents}
            categories={categories}
            mayUpload={can(user, "documents:upload")}
            mayRead={can(user, "documents:read")}
            maySend={can(user, "personio:send")}
          />
        </ClientMessages>
      )}
    </article>
  );
}
