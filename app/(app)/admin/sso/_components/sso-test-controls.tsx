"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { setSsoEnabledAction, startSsoTestAction } from "@/app/(app)/admin/sso/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function SsoTestControls({ enabled, tested, label }: { enabled: boolean; tested: boolean; label: string }) {
  const t = useTranslations("sso");
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const onError = ({ error }: { error: Parameters<typeof describeError>[0] }) =>
    setFeedback({ tone: "error", text: describeError(error, { sso_untested: t("test.untested") }) ?? "" });

  const startTest = useAction(startSsoTestAction, {
    onSuccess: () => {
      setRedirecting(true);
      // The round trip ends back on this page with its outcome (lib/auth/request-options.ts).
      void signIn("sso", { callbackUrl: "/admin/sso" }).catch(() => setRedirecting(false));
    },
    onError,
  });
  const toggle = useAction(setSsoEnabledAction, {
    onSuccess: ({ data }) => {
      setFeedback({ tone: "success", text: data?.enabled ? t("test.enabled", { label }) : t("test.disabled") });
      router.refresh();
    },
    onError,
  });
  const pending = startTest.isPending || toggle.isPending || redirecting;

  return (
    <div className="space-y-3">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" disabled={pending} onClick={() => startTest.execute({})}>
          {startTest.isPending || redirecting ? t("test.running") : t("test.run")}
        </Button>
        {enabled ? (
          <Button variant="secondary" disabled={pending} onClick={() => toggle.execute({ enabled: false })}>
            {t("test.disable")}
          </Button>
        ) : (
          <Button
            disabled={pending || !tested}
            aria-describedby={tested ? undefined : "sso-untested"}
            onClick={() => toggle.execute({ enabled: true })}
          >
            {t("test.enable")}
          </Button>
        )}
      </div>
      {!enabled && !tested && (
        <p id="sso-untested" className="text-xs text-slate-500">
          {t("test.untested")}
        </p>
      )}
    </div>
  );
}
