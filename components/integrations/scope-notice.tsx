"use client";

import { useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import type { ScopeAssessment } from "@/lib/personio/integration/scopes";

// What Personio said about the credential's permissions, after a save or a test.
export function ScopeNotice({ assessment }: { assessment: Exclude<ScopeAssessment, "missing_write"> }) {
  const t = useTranslations("personioScopes");
  if (assessment === "read_write") return <p className="text-sm text-slate-600">{t("read_write")}</p>;
  return <Alert tone="warning">{t(assessment)}</Alert>;
}
