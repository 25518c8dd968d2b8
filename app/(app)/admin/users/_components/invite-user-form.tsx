"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { inviteUserAction } from "@/app/(app)/admin/users/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { OneTimeLink } from "./one-time-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ZInviteUserInput, type TInviteUserInput } from "@/lib/users/schemas";

type Invitation = { name: string; linkPath: string; expiresAt: string };

export function InviteUserForm({ roles }: { roles: { id: string; name: string }[] }) {
  const t = useTranslations("users");
  const tAccounts = useTranslations("userAccounts");
  const describeError = useActionErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const form = useForm<TInviteUserInput>({
    resolver: zodResolver(ZInviteUserInput),
    mode: "onTouched",
    defaultValues: { name: "", email: "", roleId: "recruiter" },
  });
  const { execute, isPending } = useAction(inviteUserAction, {
    onSuccess: ({ input, data }) => {
      setInvitation({ name: input.name, linkPath: data.linkPath, expiresAt: data.expiresAt });
      form.reset();
    },
    onError: ({ error }) => setError(describeError(error, { email_taken: t("emailTaken") })),
  });
  const { errors } = form.formState;
  // Schema messages are catalogue keys under users.validation.
  const message = (key?: string) => (key ? t(`validation.${key}` as "validation.name") : undefined);

  return (
    <div className="mt-4 space-y-4">
      <p className="text-sm text-slate-600">{tAccounts("inviteIntro")}</p>
      {invitation && (
        <OneTimeLink
          title={tAccounts("invited", { name: invitation.name })}
          name={invitation.name}
          linkPath={invitation.linkPath}
          expiresAt={invitation.expiresAt}
          onDone={() => setInvitation(null)}
        />
      )}
      <form
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setError(null);
          setInvitation(null);
          execute(values);
        })}
        className="space-y-4"
      >
        {error && <Alert tone="error">{error}</Alert>}
        <fieldset disabled={isPending} className="grid gap-4 sm:grid-cols-3">
          <TextField label={t("name")} autoComplete="off" error={message(errors.name?.message)} {...form.register("name")} />
          <TextField label={t("email")} type="email" autoComplete="off" error={message(errors.email?.message)} {...form.register("email")} />
          <SelectField label={t("role")} error={message(errors.roleId?.message)} {...form.register("roleId")}>
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
