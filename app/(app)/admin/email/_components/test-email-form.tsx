"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { sendTestEmailAction } from "@/app/(app)/admin/email/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZSendTestEmailInput, type TSendTestEmailInput } from "@/lib/email/schemas";

export function TestEmailForm({ defaultTo }: { defaultTo: string }) {
  const t = useTranslations("emailAdmin");
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<TSendTestEmailInput>({
    resolver: zodResolver(ZSendTestEmailInput),
    mode: "onTouched",
    defaultValues: { to: defaultTo },
  });
  const { execute, isPending } = useAction(sendTestEmailAction, {
    onSuccess: ({ input }) => setFeedback({ tone: "success", text: t("testQueued", { to: input.to }) }),
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error, { email_off: t("off") }) ?? "" }),
  });
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setFeedback(null);
        execute(values);
      })}
      className="space-y-3"
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <fieldset disabled={isPending} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <TextField
            label={t("testTo")}
            type="email"
            error={form.formState.errors.to && t("invalidAddress")}
            {...form.register("to")}
          />
        </div>
        <Button type="submit">{isPending ? t("testPending") : t("testSend")}</Button>
      </fieldset>
    </form>
  );
}
