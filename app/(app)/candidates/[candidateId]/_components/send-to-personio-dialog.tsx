"use client";

import { NextIntlClientProvider, useTranslations } from "next-intl";
import { useCallback, useState } from "react";

import { saveValueMappingAction } from "@/app/(app)/admin/mappings/actions";
import { SendReview, type SendReviewActions } from "@/components/handoff/send-review";
import { QueryProvider } from "@/components/query-provider";
import { Modal } from "@/components/ui/modal";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";
import type { ClientIntl } from "@/lib/i18n/client-messages";

import { getHandoffStatusAction, getSendFormAction, linkToPersonioAction, sendToPersonioAction } from "../actions";

const actions: SendReviewActions = {
  getSendForm: getSendFormAction,
  getHandoffStatus: getHandoffStatusAction,
  send: sendToPersonioAction,
  link: linkToPersonioAction,
  remember: saveValueMappingAction,
};

type Props = {
  candidateId: string;
  defaults: TPersonioEmployeeFields;
  open: boolean;
  onClose: () => void;
  /** Told when the profile is in Personio (sent, linked, or found already sent). */
  onDone?: () => void;
};

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

function ReviewDialog({ candidateId, defaults, open, onClose, onDone }: Props) {
  const t = useTranslations("handoff");
  const [isPending, setIsPending] = useState(false);
  const onPendingChange = useCallback((pending: boolean) => setIsPending(pending), []);

  return (
    // Named by its purpose, not by the heading inside, which turns into the outcome.
    <Modal open={open} onClose={onClose} pending={isPending} size="lg" label={t("dialogTitle")}>
      <SendReview
        candidateId={candidateId}
        defaults={defaults}
        actions={actions}
        titleId="send-to-personio-title"
        onClose={onClose}
        onDone={onDone}
        onPendingChange={onPendingChange}
      />
    </Modal>
  );
}
