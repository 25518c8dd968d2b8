"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { setSendableStagesAction } from "@/app/(app)/admin/integrations/personio/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { STAGES, type Stage } from "@/lib/candidates/stages";

export function SendStagesForm({ stages }: { stages: Stage[] }) {
  const t = useTranslations("sendStages");
  const tStage = useTranslations("stages");
  const describeError = useActionErrorMessage();
  const [selected, setSelected] = useState<Stage[]>(stages);
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { execute, isPending } = useAction(setSendableStagesAction, {
    onSuccess: ({ data }) =>
      setFeedback({
        tone: "success",
        text: t("saved", { stages: data.stages.map((stage) => tStage(stage)).join(", ") }),
      }),
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error) ?? "" }),
  });
  const toggle = (stage: Stage, checked: boolean) =>
    setSelected((current) =>
      checked
        ? STAGES.filter((value) => value === stage || current.includes(value))
        : current.filter((value) => value !== stage),
    );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (selected.length === 0) {
          setFeedback({ tone: "error", text: t("atLeastOne") });
          return;
        }
        setFeedback(null);
        execute({ stages: selected });
      }}
      className="space-y-4"
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <fieldset disabled={isPending} className="flex flex-wrap gap-x-6 gap-y-3">
        <legend className="sr-only">{t("title")}</legend>
        {STAGES.map((stage) => (
          <label key={stage} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(stage)}
              onChange={(event) => toggle(stage, event.target.checked)}
              className="h-4 w-4 rounded border-slate-300"
            />
            {tStage(stage)}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {isPending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
