"use client";

import { useQuery } from "@tanstack/react-query";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import { useId, useState } from "react";

import { getUpdateFormAction } from "@/app/(app)/candidates/[candidateId]/actions";
import { QueryProvider } from "@/components/query-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { ClientIntl } from "@/lib/i18n/client-messages";

import { UpdateInPersonioForm } from "./update-in-personio-form";

type Props = { candidateId: string; open: boolean; onClose: () => void };

export const updateKeys = { form: (candidateId: string) => ["handoff", "update-form", candidateId] as const };

// Loaded on demand, like the send dialog, so it provides its messages itself.
export function UpdateInPersonioDialog({ intl, ...props }: Props & { intl: ClientIntl }) {
  return (
    <NextIntlClientProvider {...intl}>
      <QueryProvider>
        <UpdateDialog {...props} />
      </QueryProvider>
    </NextIntlClientProvider>
  );
}

function UpdateDialog({ candidateId, open, onClose }: Props) {
  const t = useTranslations("personioFields.update");
  const [isPending, setIsPending] = useState(false);
  const titleId = useId();
  // Read at every opening, unlike the review form's data: what Handoff sent and the version it
  // is at must be the current ones, or the update is refused as a conflict (no Personio call when
  // the lists are cached).
  const formData = useQuery({
    queryKey: updateKeys.form(candidateId),
    queryFn: async () => (await getUpdateFormAction({ candidateId }))?.data?.form ?? null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

  return (
    <Modal open={open} onClose={onClose} pending={isPending} size="lg" titleId={titleId}>
      {formData.data ? (
        <UpdateInPersonioForm
          candidateId={candidateId}
          titleId={titleId}
          data={formData.data}
          onClose={onClose}
          onPendingChange={setIsPending}
        />
      ) : (
        <div className="space-y-5 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {t("title")}
          </h2>
          {formData.isError ? (
            <Alert tone="error">{t("loadFailed")}</Alert>
          ) : formData.data === null ? (
            <Alert tone="info">{t("not_sent")}</Alert>
          ) : (
            <p role="status" className="text-sm text-slate-600">
              {t("loading")}
            </p>
          )}
          <footer className="flex justify-end">
            <Button variant="secondary" onClick={onClose}>
              {t("close")}
            </Button>
          </footer>
        </div>
      )}
    </Modal>
  );
}
