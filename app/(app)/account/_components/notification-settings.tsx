"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { setNotificationPreferencesAction } from "@/app/(app)/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { NewHireMode } from "@/lib/notifications/modes";
import type { NotificationPreferences } from "@/lib/notifications/preferences";

export type NotificationSettingsTexts = {
  newHires: string;
  modes: Record<NewHireMode, string>;
  sendFailures: string;
  connection: string;
  save: string;
  saving: string;
  saved: string;
  failed: string;
};

// Native radio buttons and checkboxes in fieldsets: arrow keys, space and tab work as everywhere.
// Only the notifications the person's permissions allow are shown (null: not for them).
export function NotificationSettings({
  initial,
  texts,
}: {
  initial: NotificationPreferences;
  texts: NotificationSettingsTexts;
}) {
  const [values, setValues] = useState(initial);
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { execute, isPending } = useAction(setNotificationPreferencesAction, {
    onSuccess: () => setFeedback({ tone: "success", text: texts.saved }),
    onError: () => setFeedback({ tone: "error", text: texts.failed }),
  });
  return (
    <form
      className="mt-4 space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setFeedback(null);
        execute({
          newHires: values.newHires ?? undefined,
          sendFailures: values.sendFailures ?? undefined,
          connection: values.connection ?? undefined,
        });
      }}
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      {values.newHires !== null && (
        <fieldset>
          <legend className="text-sm font-medium">{texts.newHires}</legend>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
            {(["OFF", "IMMEDIATE", "DIGEST"] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="newHires"
                  value={mode}
                  checked={values.newHires === mode}
                  onChange={() => setValues({ ...values, newHires: mode })}
                />
                {texts.modes[mode]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {values.sendFailures !== null && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={values.sendFailures}
            onChange={(event) => setValues({ ...values, sendFailures: event.target.checked })}
          />
          {texts.sendFailures}
        </label>
      )}
      {values.connection !== null && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={values.connection}
            onChange={(event) => setValues({ ...values, connection: event.target.checked })}
          />
          {texts.connection}
        </label>
      )}
      <Button type="submit" disabled={isPending}>
        {isPending ? texts.saving : texts.save}
      </Button>
    </form>
  );
}
