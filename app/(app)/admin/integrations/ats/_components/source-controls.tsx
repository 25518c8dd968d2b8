"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";

import { deleteSourceAction, rotateSourceSecretAction, setSourceEnabledAction } from "../actions";
import { CopyField } from "./copy-field";

export function SourceControls({
  sourceId,
  enabled,
  isWorkable,
}: {
  sourceId: string;
  enabled: boolean;
  isWorkable: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [confirming, setConfirming] = useState<"rotate" | "delete" | null>(null);
  const [token, setToken] = useState("");
  const onError = ({ error }: { error: Parameters<typeof describeError>[0] }) => {
    setConfirming(null);
    setFeedback({
      tone: "error",
      text: describeError(error, { token_required: t("webhooks.validation.token") }) ?? "",
    });
  };

  const rotate = useAction(rotateSourceSecretAction, {
    onSuccess: ({ data }) => {
      setConfirming(null);
      setToken("");
      if (data)
        setFeedback({
          tone: "success",
          text: t("webhooks.rotate.done", {
            until: format.dateTime(new Date(data.previousValidUntil), { dateStyle: "medium", timeStyle: "short" }),
          }),
        });
      router.refresh();
    },
    onError,
  });
  const toggle = useAction(setSourceEnabledAction, {
    onSuccess: ({ data }) => {
      setFeedback({ tone: "success", text: t(data?.enabled ? "webhooks.state.enabled" : "webhooks.state.disabled") });
      router.refresh();
    },
    onError,
  });
  // The action redirects on success.
  const remove = useAction(deleteSourceAction, { onError });
  const busy = rotate.isPending || toggle.isPending || remove.isPending;
  const newSecret = rotate.result.data?.secret;

  return (
    <div className="space-y-6">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <section aria-labelledby="rotate-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="rotate-title" className="text-lg font-semibold">
          {t("webhooks.rotate.title")}
        </h2>
        <p className="max-w-prose text-sm text-slate-700">
          {t(isWorkable ? "webhooks.rotate.introWorkable" : "webhooks.rotate.intro")}
        </p>
        {newSecret && (
          <>
            <CopyField label={t("webhooks.secret")} value={newSecret} secret />
            <Alert tone="warning">{t("webhooks.secretOnce")}</Alert>
          </>
        )}
        {isWorkable && (
          <TextField
            label={t("webhooks.rotate.token")}
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        )}
        <Button
          variant="secondary"
          disabled={busy || (isWorkable && token.trim().length < 8)}
          onClick={() => setConfirming("rotate")}
        >
          {rotate.isPending ? t("webhooks.rotate.pending") : t("webhooks.rotate.button")}
        </Button>
      </section>
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-prose text-sm text-slate-700">
            {t(enabled ? "webhooks.state.disableIntro" : "webhooks.state.enableIntro")}
          </p>
          <Button
            variant={enabled ? "secondary" : "primary"}
            disabled={busy}
            aria-busy={toggle.isPending || undefined}
            onClick={() => toggle.execute({ sourceId, enabled: !enabled })}
          >
            {enabled
              ? toggle.isPending
                ? t("webhooks.state.disabling")
                : t("webhooks.state.disable")
              : toggle.isPending
                ? t("webhooks.state.enabling")
                : t("webhooks.state.enable")}
          </Button>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
          <p className="max-w-prose text-sm text-slate-700">{t("webhooks.state.deleteIntro")}</p>
          <Button variant="danger" disabled={busy} onClick={() => setConfirming("delete")}>
            {t("webhooks.state.delete")}
          </Button>
        </div>
      </section>
      <ConfirmDialog
        open={confirming === "rotate"}
        title={t("webhooks.rotate.confirmTitle")}
        confirmLabel={rotate.isPending ? t("webhooks.rotate.pending") : t("webhooks.rotate.confirm")}
        cancelLabel={t("dialog.cancel")}
        pending={rotate.isPending}
        onConfirm={() => rotate.execute({ sourceId, ...(isWorkable ? { token } : {}) })}
        onCancel={() => setConfirming(null)}
      >
        {t("webhooks.rotate.confirmBody")}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "delete"}
        title={t("webhooks.state.deleteTitle")}
        confirmLabel={remove.isPending ? t("webhooks.state.deleting") : t("webhooks.state.deleteConfirm")}
        cancelLabel={t("dialog.cancel")}
        tone="danger"
        pending={remove.isPending}
        onConfirm={() => remove.execute({ sourceId })}
        onCancel={() => setConfirming(null)}
      >
        {t("webhooks.state.deleteBody")}
      </ConfirmDialog>
    </div>
  );
}
