"use client";

import { useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import type { ScopeAssessment } from "@/lib/personio/integration/scopes";

// What Personio said about the credential's permissions, after a save or a test.
export function ScopeNotice({
  assessment,
  apiVersion = "v1",
}: {
  assessment: Exclude<ScopeAssessment, "missing_write">;
  apiVersion?: "v1" | "v2";
}) {
  const t = useTranslations("personioScopes");
  // v2 credentials are granted scopes, not ticked areas: the notice names the ones Handoff uses.
  const v2 = apiVersion === "v2" ? <p className="text-sm text-slate-600">{t("v2Needed")}</p> : null;
  if (assessment === "read_write")
    return (
      <>
        <p className="text-sm text-slate-600">{t("read_write")}</p>
        {v2}
      </>
    );
  return (
    <>
      <Alert tone="warning">{t(assessment)}</Alert>
      {v2}
    </>
  );
}
