"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useForm } from "react-hook-form";

import { inviteUserAction } from "@/app/(app)/admin/users/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ZInviteUserInput, type TInviteUserInput } from "@/lib/users/schemas";

import { useCurrentMessage } from "./current-message";
import { OneTimeLink } from "./one-time-link";

// The invite form's part of the page's one current message (current-message.tsx).
type InviteMessage =
  | { kind: "invited"; name: string; linkPath: string; expiresAt: string; emailed: boolean }
  | { kind: "error"; text: string };

export function InviteUserForm({ roles }: { roles: { id: string; name: string }[] }) {
  const t = useTranslations("users");
  const tAccounts = useTranslations("userAccounts");
  const describeError = useActionErrorMessage();
  const { message, show, clear, reset } = useCurrentMessage<InviteMessage>("invite");
  const form = useForm<TInviteUserInput>({
    resolver: zodResolver(ZInviteUserInput),
    mode: "onTouched",
    defaultValues: { name: "", email: "", roleId: "recruiter" },
  });
  const { execute, isPending } = useAction(inviteUserAction, {
    onSuccess: ({ input, data }) => {
      show({
        kind: "invited",
        name: input.name,
        linkPath: data.linkPath,
        expiresAt: data.expiresAt,
        emailed: data.emailed,
      });
      form.reset();
    },
    onError: ({ error }) => show({ kind: "error", text: describeError(error, { email_taken: t("emailTaken") }) ?? "" }),
  });
  const { errors } = form.formState;
  // Schema messages are catalogue keys under users.validation.
  const validationMessage = (key?: string) => (key ? t(`validation.${key}` as "validation.name") : undefined);

  return (
    <div className="mt-4 space-y-4">
      <p className="text-sm text-slate-600">{tAccounts("inviteIntro")}</p>
      {message?.kind === "invited" && (
        <OneTimeLink
          title={tAccounts("invited", { name: message.name })}
          name={message.name}
          linkPath={message.linkPath}
          expiresAt={message.expiresAt}
          emailed={message.emailed}
          onDone={clear}
        />
      )}
      <form
        noValidate
        onSubmit={form.handleSubmit((values) => {
          reset();
          execute(values);
        })}
        className="space-y-4"
      >
        {message?.kind === "error" && <Alert tone="error">{message.text}</Alert>}
        <fieldset disabled={isPending} className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <TextField
            label={t("name")}
            autoComplete="off"
            error={validationMessage(errors.name?.message)}
            {...form.register("name")}
          />
          <TextField
            label={t("email")}
            type="email"
            autoComplete="off"
            error={validationMessage(errors.email?.message)}
            {...form.register("email")}
          />
          <SelectField label={t("role")} error={validationMessage(errors.roleId?.message)} {...form.register("roleId")}>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </SelectField>
        </fieldset>
        <Button type="submit" disabled={isPending}>
          {isPending ? tAccounts("inviting") : tAccounts("inviteSubmit")}
        </Button>
      </form>
    </div>
  );
}
