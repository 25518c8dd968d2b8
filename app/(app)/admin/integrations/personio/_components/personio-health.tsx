"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { testPersonioConnectionAction } from "@/app/(app)/admin/integrations/personio/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { ScopeNotice } from "@/components/integrations/scope-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { HealthState } from "@/lib/personio/integration/health";
import type { ConnectionTestResult } from "@/lib/personio/integration/mutations";

type Props = {
  state: HealthState;
  // Formatted on the server, so the page renders the same text in both places.
  lastSuccess: string | null;
  lastError: { message: string; at: string } | null;
};

export function PersonioHealth({ state, lastSuccess, lastError }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [result, setResult] = useState<ConnectionTestResult | { status: "error"; text: string } | null>(null);
  const test = useAction(testPersonioConnectionAction, {
    onSuccess: ({ data }) => {
      setResult(data ?? { status: "error", text: t("errors.unexpected") });
      router.refresh();
    },
    onError: ({ error }) => setResult({ status: "error", text: describeError(error) ?? "" }),
  });
  const tone = state === "failing" ? "text-red-700" : state === "healthy" ? "text-green-700" : "text-slate-600";

  return (
    <div className="space-y-4">
      <p className={`text-sm font-medium ${tone}`}>{t(`personioSettings.health.state.${state}`)}</p>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">{t("personioSettings.health.lastSuccess")}</dt>
          <dd className="mt-0.5">{lastSuccess ?? t("personioSettings.health.never")}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("personioSettings.health.lastError")}</dt>
          <dd className="mt-0.5">
            {lastError
              ? t("personioSettings.health.errorAt", { message: lastError.message, date: lastError.at })
              : t("personioSettings.health.noErrors")}
          </dd>
        </div>
      </dl>
      {result?.status === "ok" && (
        <div className="space-y-2">
          <Alert tone="success">{t("personioSettings.health.testOk")}</Alert>
          <ScopeNotice assessment={result.assessment} />
        </div>
      )}
      {result?.status === "failed" && (
        <Alert tone="error" title={t("personioSettings.health.testFailed")}>
          {t(`personioForm.rejected.${result.reason}`)}
        </Alert>
      )}
      {result?.status === "error" && <Alert tone="error">{result.text}</Alert>}
      <Button
        variant="secondary"
        disabled={test.isPending}
        aria-busy={test.isPending || undefined}
        onClick={() => {
          setResult(null);
          test.execute({});
        }}
      >
        {test.isPending ? t("personioSettings.health.testing") : t("personioSettings.health.test")}
      </Button>
    </div>
  );
}
