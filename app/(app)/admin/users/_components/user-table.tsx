"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { changeUserRoleAction, setUserActiveAction } from "@/app/(app)/admin/users/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";

type UserRow = { id: string; name: string; email: string; roleId: string; active: boolean };
type Role = { id: string; name: string };

export function UserTable({ users, roles, currentUserId }: { users: UserRow[]; roles: Role[]; currentUserId: string }) {
  const t = useTranslations();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [toDeactivate, setToDeactivate] = useState<UserRow | null>(null);
  const reasons = { self: t("users.cannotChangeSelf") };
  const onError = ({ error }: { error: Parameters<typeof describeError>[0] }) =>
    setFeedback({ tone: "error", text: describeError(error, reasons) ?? "" });
  const nameOf = (id: string) => users.find((user) => user.id === id)?.name ?? "";

  const roleChange = useAction(changeUserRoleAction, {
    onSuccess: ({ input }) =>
      setFeedback({
        tone: "success",
        text: t("users.roleChanged", { name: nameOf(input.userId), role: roles.find((r) => r.id === input.roleId)?.name ?? "" }),
      }),
    onError,
  });
  const activeChange = useAction(setUserActiveAction, {
    onSuccess: ({ input }) => {
      setToDeactivate(null);
      setFeedback({ tone: "success", text: t(input.active ? "users.reactivated" : "users.deactivated", { name: nameOf(input.userId) }) });
    },
    onError: (args) => {
      setToDeactivate(null);
      onError(args);
    },
  });

  return (
    <div className="space-y-4">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <Table>
        <TableHead>
          <HeaderCell>{t("users.name")}</HeaderCell>
          <HeaderCell>{t("users.email")}</HeaderCell>
          <HeaderCell>{t("users.role")}</HeaderCell>
          <HeaderCell>{t("users.status")}</HeaderCell>
          <HeaderCell>
            <span className="sr-only">{t("users.actions")}</span>
          </HeaderCell>
        </TableHead>
        <TableBody>
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <tr key={user.id} className={user.active ? undefined : "text-slate-500"}>
                <Cell className="font-medium">
                  {user.name} {isSelf && <span className="text-slate-500">({t("users.you")})</span>}
                </Cell>
                <Cell>{user.email}</Cell>
                <Cell>
                  <select
                    aria-label={t("users.changeRole", { name: user.name })}
                    defaultValue={user.roleId}
                    disabled={isSelf || roleChange.isPending}
                    onChange={(event) => roleChange.execute({ userId: user.id, roleId: event.target.value as "admin" })}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1"
                  >
                    {roles.map((role) => (
                      <option key={role.id} value={role.id}>
                        {role.name}
                      </option>
                    ))}
                  </select>
                </Cell>
                <Cell>{user.active ? t("users.active") : t("users.inactive")}</Cell>
                <Cell className="text-right">
                  {!isSelf &&
                    (user.active ? (
                      <Button variant="secondary" onClick={() => setToDeactivate(user)} aria-label={t("users.deactivateNamed", { name: user.name })}>
                        {t("users.deactivate")}
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        disabled={activeChange.isPending}
                        onClick={() => activeChange.execute({ userId: user.id, active: true })}
                        aria-label={t("users.reactivateNamed", { name: user.name })}
                      >
                        {t("users.reactivate")}
                      </Button>
                    ))}
                </Cell>
              </tr>
            );
          })}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={toDeactivate !== null}
        title={t("users.deactivate")}
        confirmLabel={t("users.deactivate")}
        cancelLabel={t("dialog.cancel")}
        tone="danger"
        pending={activeChange.isPending}
        onConfirm={() => toDeactivate && activeChange.execute({ userId: toDeactivate.id, active: false })}
        onCancel={() => setToDeactivate(null)}
      >
        {toDeactivate && t("users.deactivateConfirm", { name: toDeactivate.name })}
      </ConfirmDialog>
    </div>
  );
}
