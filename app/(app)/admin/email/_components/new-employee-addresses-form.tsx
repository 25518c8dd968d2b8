"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { setNewEmployeeAddressesAction } from "@/app/(app)/admin/email/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// The server validates (lib/notifications/schemas.ts); any refusal is the one message below.
export function NewEmployeeAddressesForm({
  initial,
  texts,
}: {
  initial: string[];
  texts: { label: string; save: string; invalid: string; saved: Record<"zero" | "one" | "other", string> };
}) {
  const [value, setValue] = useState(initial.join("\n"));
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { execute, isPending } = useAction(setNewEmployeeAddressesAction, {
    onSuccess: ({ data }) => {
      const count = data?.count ?? 0;
      const text = count === 0 ? texts.saved.zero : count === 1 ? texts.saved.one : texts.saved.other;
      setFeedback({ tone: "success", text: text.replace("#", String(count)) });
    },
    onError: () => setFeedback({ tone: "error", text: texts.invalid }),
  });
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setFeedback(null);
        execute({ addresses: value });
      }}
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <label className="block text-sm font-medium" htmlFor="new-employee-addresses">
        {texts.label}
      </label>
      <textarea
        id="new-employee-addresses"
        rows={4}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        className="w-full rounded-md border border-slate-300 p-2 font-mono text-sm"
      />
      <Button type="submit" disabled={isPending}>
        {texts.save}
      </Button>
    </form>
  );
}
