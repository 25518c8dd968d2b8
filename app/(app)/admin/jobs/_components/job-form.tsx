"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { createJobAction, updateJobAction } from "@/app/(app)/admin/jobs/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZJobInput, type TJobInput } from "@/lib/jobs/schemas";

type Props = { job?: { id: string } & TJobInput; onDone?: () => void; onCancel?: () => void };

/** Adds a job, or edits one (title, department, office) when given. */
export function JobForm({ job, onDone, onCancel }: Props) {
  const t = useTranslations("jobs");
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<TJobInput>({
    resolver: zodResolver(ZJobInput),
    mode: "onTouched",
    defaultValues: { title: job?.title ?? "", department: job?.department ?? "", office: job?.office ?? "" },
  });
  const reasons = { job_title_taken: t("titleTaken") };
  const create = useAction(createJobAction, {
    onSuccess: ({ input }) => {
      setFeedback({ tone: "success", text: t("created", { title: input.title }) });
      form.reset();
    },
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error, reasons) ?? "" }),
  });
  const update = useAction(updateJobAction, {
    onSuccess: () => onDone?.(),
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error, reasons) ?? "" }),
  });
  const pending = create.isPending || update.isPending;
  const { errors } = form.formState;
  const message = (key?: string) => (key ? t(`validation.${key}` as "validation.title") : undefined);

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setFeedback(null);
        if (job) update.execute({ jobId: job.id, ...values });
        else create.execute(values);
      })}
      className="mt-4 space-y-4"
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <fieldset disabled={pending} className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <TextField
          label={t("jobTitle")}
          autoComplete="off"
          error={message(errors.title?.message)}
          {...form.register("title")}
        />
        <TextField
          label={t("department")}
          autoComplete="off"
          error={message(errors.department?.message)}
          {...form.register("department")}
        />
        <TextField
          label={t("office")}
          autoComplete="off"
          error={message(errors.office?.message)}
          {...form.register("office")}
        />
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {job ? (pending ? t("saving") : t("save")) : pending ? t("creating") : t("create")}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
