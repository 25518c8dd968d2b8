"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { useActionErrorMessage } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import type { SendFormData } from "@/lib/handoff/send-form";

import type { SendReviewActions } from "./send-review-types";

type Props = {
  formData: SendFormData;
  values: Record<string, string>;
  /** Fields whose value is not one Personio takes: nothing to remember there. */
  problems: Record<string, string>;
  remember: NonNullable<SendReviewActions["remember"]>;
};

// "Remember: 'Engineering' from Greenhouse is 'Product Engineering' in Personio": offered for each
// field where the recruiter replaced the ATS's value with one of Personio's, so the next hire from
// that source is prefilled with it (lib/mappings/).
export function RememberMappings({ formData, values, problems, remember }: Props) {
  const t = useTranslations("mappings.remember");
  const describeError = useActionErrorMessage();
  const [saved, setSaved] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const save = useAction(remember, {
    onSuccess: ({ input }) => setSaved((current) => ({ ...current, [input.fieldKey]: input.personioValue })),
    onError: ({ error: failure }) => setError(describeError(failure)),
  });
  const source = formData.source;
  if (!source) return null;
  const offers = formData.fields.flatMap((field) => {
    const ats = (formData.atsValues[field.key] ?? "").trim();
    const value = (values[field.key] ?? "").trim();
    const isCorrection = ats && value && value !== ats && value !== formData.defaults.extra[field.key];
    return isCorrection && !problems[field.key] ? [{ key: field.key, ats, value }] : [];
  });
  if (offers.length === 0 && Object.keys(saved).length === 0) return null;
  return (
    <div className="space-y-2" aria-live="polite">
      {offers.map((offer) =>
        saved[offer.key] === offer.value ? (
          <p key={offer.key} className="text-sm text-emerald-800">
            {t("saved", { source: source.name, ats: offer.ats, personio: offer.value })}
          </p>
        ) : (
          <div
            key={offer.key}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950"
          >
            <span>{t("offer", { source: source.name, ats: offer.ats, personio: offer.value })}</span>
            <Button
              variant="secondary"
              disabled={save.isPending}
              onClick={() => {
                setError(null);
                save.execute({
                  source: source.key,
                  fieldKey: offer.key,
                  atsValue: offer.ats,
                  personioValue: offer.value,
                });
              }}
            >
              {t("button")}
            </Button>
          </div>
        ),
      )}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
