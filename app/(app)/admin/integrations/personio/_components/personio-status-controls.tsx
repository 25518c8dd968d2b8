"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { deletePersonioAction, setPersonioEnabledAction } from "@/app/(app)/admin/integrations/personio/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function PersonioStatusControls({ enabled }: { enabled: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const onError = ({ error }: { error: Parameters<typeof describeError>[0] }) =>
    setFeedback({ tone: "error", text: describeError(error) ?? "" });

  const toggle = useAction(setPersonioEnabledAction, {
    onSuccess: ({ data }) => {
      setFeedback({
        tone: "success",
        text: t(data?.enabled ? "personioSettings.status.enabled" : "personioSettings.status.disabled"),
      });
      router.refresh();
    },
    onError,
  });
  // The action redirects on success (to the integrations list, which confirms the deletion).
  const remove = useAction(deletePersonioAction, {
    onError: (args) => {
      setConfirmingDelete(false);
      onError(args);
    },
  });
  const toggleLabel = enabled
    ? toggle.isPending
      ? t("personioSettings.status.disabling")
      : t("personioSettings.status.disable")
    : toggle.isPending
      ? t("personioSettings.status.enabling")
      : t("personioSettings.status.enable");

  return (
    <div className="space-y-4">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-prose text-sm text-slate-700">
          {t(enabled ? "personioSettings.status.disableIntro" : "personioSettings.status.enableIntro")}
        </p>
        <Button
          variant={enabled ? "secondary" : "primary"}
          disabled={toggle.isPending || remove.isPending}
          aria-busy={toggle.isPending || undefined}
          onClick={() => {
            setFeedback(null);
            toggle.execute({ enabled: !enabled });
          }}
        >
          {toggleLabel}
        </Button>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
        <p className="max-w-prose text-sm text-slate-700">{t("personioSettings.status.deleteIntro")}</p>
        <Button
          variant="danger"
          disabled={remove.isPending || toggle.isPending}
          onClick={() => setConfirmingDelete(true)}
        >
          {t("personioSettings.status.delete")}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmingDelete}
        title={t("personioSettings.status.deleteTitle")}
        confirmLabel={
          remove.isPending ? t("personioSettings.status.deleting") : t("personioSettings.status.deleteConfirm")
        }
        cancelLabel={t("dialog.cancel")}
        tone="danger"
        pending={remove.isPending}
        onConfirm={() => remove.execute({})}
        onCancel={() => setConfirmingDelete(false)}
      >
        {t("personioSettings.status.deleteBody")}
      </ConfirmDialog>
    </div>
  );
}
