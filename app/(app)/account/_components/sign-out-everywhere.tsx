"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { signOutEverywhereAction } from "@/app/(app)/account/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { signOut } from "@/components/auth/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function SignOutEverywhere() {
  const t = useTranslations();
  const describeError = useActionErrorMessage();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { execute, isPending } = useAction(signOutEverywhereAction, {
    onSuccess: async () => {
      // Every session already ended on the server; this removes this browser's cookie as well.
      await signOut().catch(() => undefined);
      router.replace("/sign-in");
      router.refresh();
    },
    onError: ({ error: failure }) => {
      setConfirming(false);
      setError(describeError(failure));
    },
  });
  return (
    <div className="mt-4 space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <Button variant="secondary" onClick={() => setConfirming(true)} disabled={isPending}>
        {t("account.signOutEverywhere")}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t("account.signOutEverywhere")}
        confirmLabel={isPending ? t("account.signingOut") : t("account.signOutEverywhere")}
        cancelLabel={t("dialog.cancel")}
        tone="danger"
        pending={isPending}
        onConfirm={() => execute({ confirm: true })}
        onCancel={() => setConfirming(false)}
      >
        {t("account.signOutEverywhereConfirm")}
      </ConfirmDialog>
    </div>
  );
}
