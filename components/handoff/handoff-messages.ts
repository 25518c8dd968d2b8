"use client";

import { useTranslations } from "next-intl";

import type { HandoffResult } from "@/lib/handoff/send";
import { fieldForAttribute } from "@/lib/personio-fields/catalogue";

type Failure = Extract<HandoffResult, { outcome: "failed" }>;

// A failed send as sentences for the recruiter: what happened and what to do next.
export function useHandoffFailureMessage() {
  const t = useTranslations("handoff");
  const tStages = useTranslations("sendStages");
  const tStage = useTranslations("stages");
  const stageName = (stage: string) => (tStage.has(stage) ? tStage(stage as "HIRED") : stage);
  return (failure: Failure): string => {
    if (failure.code === "stage_not_sendable" && failure.stage) {
      return tStages("notSendable", {
        stage: stageName(failure.stage),
        allowed: (failure.sendableStages ?? []).map(stageName).join(", "),
      });
    }
    const formField = failure.field ? fieldForAttribute(failure.field) : undefined;
    let message: string;
    if (failure.code === "validation_error" && formField) {
      // The field is chosen inside the message: German needs the article and case to match it.
      message = t("errors.validation_error_field", { field: formField });
    } else if (failure.code === "rate_limited" && failure.retryAfterSeconds) {
      message = t("errors.rate_limited_seconds", { seconds: failure.retryAfterSeconds });
    } else {
      message = t.has(`errors.${failure.code}`) ? t(`errors.${failure.code}`) : t("errors.unexpected");
    }
    return failure.outcomeUnknown ? `${message} ${t("errors.outcomeUnknown")}` : message;
  };
}
