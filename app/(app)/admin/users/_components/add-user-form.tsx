"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { createUserAction } from "@/app/(app)/admin/users/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ZCreateUserInput, type TCreateUserInput } from "@/lib/users/schemas";

export function AddUserForm({ roles }: { roles: { id: string; name: string }[] }) {
  const t = useTranslations("users");
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<TCreateUserInput>({
    resolver: zodResolver(ZCreateUserInput),
    mode: "onTouched",
    defaultValues: { name: "", email: "", roleId: "recruiter", password: "" },
  });
  const { execute, isPending } = useAction(createUserAction, {
    onSuccess: ({ input }) => {
      setFeedback({ tone: "success", text: t("created", { name: input.name }) });
      form.reset();
    },
    onError: ({ error }) => {
      setFeedback({ tone: "error", text: describeError(error, { email_taken: t("emailTaken") }) ?? "" });
    },
  });
  const { errors } = form.formState;
  // Schema messages are catalogue keys under users.validation.
  const message = (key?: string) => (key ? t(`validation.${key}` as "validation.name") : undefined);

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setFeedback(null);
        execute(values);
      })}
      className="mt-4 space-y-4"
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <fieldset disabled={isPending} className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("name")} autoComplete="off" error={message(errors.name?.message)} {...form.register("name")} />
        <TextField label={t("email")} type="email" autoComplete="off" error={message(errors.email?.message)} {...form.register("email")} />
        <SelectField label={t("role")} error={message(errors.roleId?.message)} {...form.register("roleId")}>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("password")}
          type="password"
          autoComplete="new-password"
          hint={t("passwordHint")}
          error={message(errors.password?.message)}
          {...form.register("password")}
        />
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {isPending ? t("creating") : t("create")}
      </Button>
    </form>
  );
}
