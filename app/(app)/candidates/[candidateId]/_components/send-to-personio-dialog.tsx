"use client";

import { NextIntlClientProvider, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import { SendReview, type SendReviewActions } from "@/components/handoff/send-review";
import { QueryProvider } from "@/components/query-provider";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";
import type { ClientIntl } from "@/lib/i18n/client-messages";

import { getHandoffStatusAction, getSendFormAction, linkToPersonioAction, sendToPersonioAction } from "../actions";

const actions: SendReviewActions = {
  getSendForm: getSendFormAction,
  getHandoffStatus: getHandoffStatusAction,
  send: sendToPersonioAction,
  link: linkToPersonioAction,
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [isPending, setIsPending] = useState(false);
  const onPendingChange = useCallback((pending: boolean) => setIsPending(pending), []);

  // The parent mounts a fresh dialog for every opening, so only the native dialog needs syncing.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      // Named by its purpose, not by the heading inside, which turns into the outcome.
      aria-label={t("dialogTitle")}
      onCancel={(event) => {
        event.preventDefault();
        if (!isPending) onClose();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-2xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <SendReview
        candidateId={candidateId}
        defaults={defaults}
        actions={actions}
        titleId="send-to-personio-title"
        onClose={onClose}
        onPendingChange={onPendingChange}
      />
    </dialog>
  );
}
