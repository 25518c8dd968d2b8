"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import { handoffKeys } from "./query-keys";
import { SendReviewForm } from "./send-review-form";
import type { SendReviewProps } from "./send-review-types";

export type { SendReviewActions, SendReviewProps } from "./send-review-types";

// Review one candidate's details, send them once, and show the outcome: the form, then either
// a done state (what was created, the Personio id and link), the existing employee beside the
// profile with one action (link), or a failure with what to do next.
export function SendReview(props: SendReviewProps) {
  const { candidateId, actions, titleId, onClose, cancelLabel, eyebrow } = props;
  const t = useTranslations("handoff");
  const tFields = useTranslations("personioFields");
  // The chosen fields, their prefills and Personio's lists: from the database when cached.
  const formData = useQuery({
    queryKey: handoffKeys.form(candidateId),
    queryFn: async () => (await actions.getSendForm({ candidateId }))?.data?.form ?? null,
    staleTime: Infinity,
    retry: false,
  });
  if (formData.data) return <SendReviewForm {...props} formData={formData.data} />;
  return (
    <div className="space-y-5 p-6">
      <header>
        {eyebrow}
        <h2 id={titleId} className="text-lg font-semibold">
          {t("dialogTitle")}
        </h2>
      </header>
      {formData.isError || formData.data === null ? (
        <Alert tone="error">{tFields("loadFailed")}</Alert>
      ) : (
        <p role="status" className="text-sm text-slate-600">
          {tFields("loading")}
        </p>
      )}
      <footer className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {cancelLabel ?? t("cancel")}
        </Button>
      </footer>
    </div>
  );
}
