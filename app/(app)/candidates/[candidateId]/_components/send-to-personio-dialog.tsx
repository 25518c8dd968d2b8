"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { getHandoffStatusAction, linkToPersonioAction, sendToPersonioAction } from "@/app/(app)/candidates/[candidateId]/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { useHandoffFailureMessage } from "@/components/handoff/handoff-messages";
import { QueryProvider } from "@/components/query-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { HandoffResult } from "@/lib/handoff/send";
import type { ClientIntl } from "@/lib/i18n/client-messages";
import { PERSONIO_FIELD_TO_FORM_FIELD, ZPersonioEmployeeFields, type TPersonioEmployeeFields } from "@/lib/handoff/schemas";

const FIELDS = ["firstName", "lastName", "email", "position"] as const;

export const handoffKeys = {
  status: (candidateId: string) => ["handoff", "status", candidateId] as const,
};


type Props = { candidateId: string; defaults: TPersonioEmployeeFields; open: boolean; onClose: () => void };

// Loaded on demand, so it provides its messages itself (lib/i18n/client-messages.ts).
export function SendToPersonioDialog({ intl, ...props }: Props & { intl: ClientIntl }) {
  return (
    <NextIntlClientProvider {...intl}>
      <QueryProvider>
        <ReviewDialog {...props} />
      </QueryProvider>
    </NextIntlClientProvider>
  );
}

function ReviewDialog({ candidateId, defaults, open, onClose }: Props) {
  const t = useTranslations("handoff");
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const describeActionError = useActionErrorMessage();
  const describeFailure = useHandoffFailureMessage();
  const [result, setResult] = useState<HandoffResult | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const form = useForm<TPersonioEmployeeFields>({
    resolver: zodResolver(ZPersonioEmployeeFields),
    mode: "onChange",
    defaultValues: defaults,
  });
  const values = useWatch({ control: form.control });

  const onResult = (data: HandoffResult | undefined) => {
    if (!data) return;
    setResult(data);
    if (data.outcome === "failed" && data.code === "validation_error" && data.field) {
      const field = PERSONIO_FIELD_TO_FORM_FIELD[data.field];
      if (field) form.setError(field, { type: "server", message: "personio" }, { shouldFocus: true });
    }
    if (data.outcome === "sent" || data.outcome === "linked" || data.outcome === "already_sent") router.refresh();
  };
  const onError = ({ error }: { error: Parameters<typeof describeActionError>[0] }) => setActionError(describeActionError(error));
  const send = useAction(sendToPersonioAction, { onSuccess: ({ data }) => onResult(data), onError });
  const link = useAction(linkToPersonioAction, { onSuccess: ({ data }) => onResult(data), onError });
  const isPending = send.isPending || link.isPending;

  // Someone else's send of this candidate is in flight: watch it until it ends, then show that.
  const watching = open && result?.outcome === "in_progress";
  const status = useQuery({
    queryKey: handoffKeys.status(candidateId),
    queryFn: async () => {
      const current = (await getHandoffStatusAction({ candidateId }))?.data?.status ?? null;
      if (current !== "SENDING") router.refresh();
      return current;
    },
    enabled: watching,
    refetchInterval: (query) => (query.state.data === "SENDING" || query.state.data === undefined ? 1000 : false),
    staleTime: 0,
  });
  const finished = watching && status.data !== undefined && status.data !== "SENDING";
  // Done by the other person: "already sent"; failed for them: this person may try again.
  const shown: HandoffResult | null = finished
    ? status.data === "SENT" || status.data === "LINKED"
      ? { outcome: "already_sent" }
      : null
    : result;
  const isDone = shown?.outcome === "sent" || shown?.outcome === "linked" || shown?.outcome === "already_sent";

  // The parent mounts a fresh dialog for every opening, so only the native dialog needs syncing.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = form.handleSubmit((fields) => {
    setResult(null);
    setActionError(null);
    send.execute({ candidateId, fields });
  });

  const fieldError = (name: (typeof FIELDS)[number]) => {
    const message = form.formState.errors[name]?.message;
    if (!message) return undefined;
    if (message === "personio") return t("errors.validation_error_field", { field: name });
    return t(`validation.${message}` as "validation.required");
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="send-to-personio-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!isPending) onClose();
      }}
      className="m-auto w-full max-w-2xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} noValidate className="space-y-5 p-6">
        <header>
          <h2 id="send-to-personio-title" className="text-lg font-semibold">
            {t("dialogTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </header>

        <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">{t("onceOnly")}</p>

        <fieldset disabled={isPending || isDone} className="grid gap-4 sm:grid-cols-2">
          {FIELDS.map((name) => (
            <TextField
              key={name}
              label={t(`fields.${name}`)}
              type={name === "email" ? "email" : "text"}
              autoComplete="off"
              hint={name === "position" ? t("positionHint") : undefined}
              error={fieldError(name)}
              {...form.register(name)}
            />
          ))}
        </fieldset>

        <section aria-labelledby="send-preview-title" className="rounded-md bg-slate-50 p-4 text-sm">
          <h3 id="send-preview-title" className="font-medium">
            {t("preview")}
          </h3>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {FIELDS.map((name) => (
              <div key={name} className="contents">
                <dt className="text-slate-500">{t(`fields.${name}`)}</dt>
                <dd className="break-all" data-testid={`preview-${name}`}>
                  {values[name]?.trim() || t("previewEmpty")}
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <ResultPanel
          result={shown}
          actionError={actionError}
          describeFailure={describeFailure}
          linkPending={link.isPending}
          onLink={(employeeId) => {
            setActionError(null);
            link.execute({ candidateId, employeeId, fields: form.getValues() });
          }}
          email={form.getValues("email")}
        />

        <footer className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={isPending}>
            {isDone ? t("close") : t("cancel")}
          </Button>
          {!isDone && (
            <Button type="submit" disabled={isPending}>
              {send.isPending ? t("sending") : t("send")}
            </Button>
          )}
        </footer>
      </form>
    </dialog>
  );
}

type ResultPanelProps = {
  result: HandoffResult | null;
  actionError: string | null;
  describeFailure: ReturnType<typeof useHandoffFailureMessage>;
  linkPending: boolean;
  onLink: (employeeId: number) => void;
  email: string;
};

function ResultPanel({ result, actionError, describeFailure, linkPending, onLink, email }: ResultPanelProps) {
  const t = useTranslations("handoff");
  if (actionError) return <Alert tone="error">{actionError}</Alert>;
  if (!result) return null;
  switch (result.outcome) {
    case "sent":
      return <Alert tone="success">{t("sent")}</Alert>;
    case "linked":
      return <Alert tone="success">{t("linked")}</Alert>;
    case "already_sent":
      return <Alert tone="info">{t("alreadySent")}</Alert>;
    case "in_progress":
      return <Alert tone="info">{t("inProgress")}</Alert>;
    case "failed":
      return <Alert tone="error">{describeFailure(result)}</Alert>;
    case "existing_employee": {
      const { employee } = result;
      const name = [employee.firstName, employee.lastName].filter(Boolean).join(" ") || t("existing.unnamed");
      return (
        <Alert tone="warning" title={t("existing.title")}>
          {/* An id, not a quantity: no thousands separator ("12.345" in German). */}
          <p>{t("existing.body", { name, id: String(employee.id), email })}</p>
          {result.previousAttemptUncertain && <p className="mt-1">{t("existing.uncertain")}</p>}
          <Button className="mt-3" onClick={() => onLink(employee.id)} disabled={linkPending}>
            {linkPending ? t("existing.linking") : t("existing.link")}
          </Button>
        </Alert>
      );
    }
  }
}
