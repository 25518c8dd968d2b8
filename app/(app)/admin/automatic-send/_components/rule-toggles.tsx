"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { setAutomaticSendRuleAction } from "@/app/(app)/admin/automatic-send/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import type { Stage } from "@/lib/candidates/stages";

type Props = {
  sources: Array<{ key: string; name: string }>;
  stages: Array<{ key: Stage; label: string }>;
  /** "<source>|<stage>" of each rule that is on. */
  enabled: string[];
};

// One switch per source and sendable stage; each change is saved at once.
export function RuleToggles({ sources, stages, enabled }: Props) {
  const t = useTranslations("automaticSend");
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [on, setOn] = useState(new Set(enabled));
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const save = useAction(setAutomaticSendRuleAction, {
    onSuccess: ({ input }) => {
      setMessage({ tone: "success", text: input.enabled ? t("switchedOn") : t("switchedOff") });
      router.refresh();
    },
    onError: ({ error }) => setMessage({ tone: "error", text: describeError(error) ?? "" }),
  });
  return (
    <div className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {sources.map((source) =>
          stages.map((stage) => {
            const key = `${source.key}|${stage.key}`;
            return (
              <li key={key} className="flex items-center justify-between gap-4 px-4 py-3">
                <label className="flex items-center gap-3 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-400"
                    checked={on.has(key)}
                    disabled={save.isPending}
                    onChange={(event) => {
                      const enabledNow = event.target.checked;
                      setOn((current) => {
                        const next = new Set(current);
                        if (enabledNow) next.add(key);
                        else next.delete(key);
                        return next;
                      });
                      setMessage(null);
                      save.execute({ source: source.key, stage: stage.key, enabled: enabledNow });
                    }}
                  />
                  {t("rule", { source: source.name, stage: stage.label })}
                </label>
              </li>
            );
          }),
        )}
      </ul>
    </div>
  );
}
