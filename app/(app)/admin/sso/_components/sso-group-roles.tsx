"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { addSsoGroupRoleAction, removeSsoGroupRoleAction } from "@/app/(app)/admin/sso/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { ZAddGroupRoleInput, type TAddGroupRoleInput } from "@/lib/sso/schemas";

type Props = { mappings: { group: string; roleId: string }[]; roles: { id: string; name: string }[] };

export function SsoGroupRoles({ mappings, roles }: Props) {
  const t = useTranslations("sso");
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const roleName = (id: string) => roles.find((role) => role.id === id)?.name ?? id;
  const form = useForm<TAddGroupRoleInput>({
    resolver: zodResolver(ZAddGroupRoleInput),
    defaultValues: { group: "", roleId: "recruiter" },
  });
  const onError = ({ error }: { error: Parameters<typeof describeError>[0] }) =>
    setFeedback({ tone: "error", text: describeError(error, { group_taken: t("groups.taken") }) ?? "" });
  const add = useAction(addSsoGroupRoleAction, {
    onSuccess: ({ data }) => {
      form.reset({ group: "", roleId: form.getValues("roleId") });
      if (data)
        setFeedback({ tone: "success", text: t("groups.added", { group: data.group, role: roleName(data.roleId) }) });
      router.refresh();
    },
    onError,
  });
  const remove = useAction(removeSsoGroupRoleAction, {
    onSuccess: ({ data }) => {
      if (data) setFeedback({ tone: "success", text: t("groups.removed", { group: data.group }) });
      router.refresh();
    },
    onError,
  });
  const pending = add.isPending || remove.isPending;

  return (
    <div className="space-y-4">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      {mappings.length === 0 ? (
        <p className="text-sm text-slate-600">{t("groups.empty")}</p>
      ) : (
        <Table>
          <TableHead>
            <HeaderCell>{t("groups.group")}</HeaderCell>
            <HeaderCell>{t("groups.role")}</HeaderCell>
            <HeaderCell>
              <span className="sr-only">{t("groups.remove")}</span>
            </HeaderCell>
          </TableHead>
          <TableBody>
            {mappings.map((mapping) => (
              <tr key={mapping.group}>
                <Cell className="font-mono text-xs">{mapping.group}</Cell>
                <Cell>{roleName(mapping.roleId)}</Cell>
                <Cell className="text-right">
                  <Button
                    variant="ghost"
                    disabled={pending}
                    aria-label={t("groups.removeLabel", { group: mapping.group })}
                    onClick={() => remove.execute({ group: mapping.group })}
                  >
                    {t("groups.remove")}
                  </Button>
                </Cell>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={form.handleSubmit((values) => {
          setFeedback(null);
          add.execute(values);
        })}
      >
        <div className="min-w-48 flex-1">
          <TextField
            label={t("groups.group")}
            spellCheck={false}
            error={form.formState.errors.group && t("validation.group")}
            {...form.register("group")}
          />
        </div>
        <div className="min-w-40">
          <SelectField label={t("groups.role")} {...form.register("roleId")}>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </SelectField>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("groups.add")}
        </Button>
      </form>
    </div>
  );
}
