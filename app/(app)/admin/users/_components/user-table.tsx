"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { changeUserRoleAction, issuePasswordLinkAction, setUserActiveAction } from "@/app/(app)/admin/users/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { RoleKey } from "@/lib/permissions/definitions";
import type { UserRow as StoredUserRow } from "@/lib/users/service";

import { useCurrentMessage } from "./current-message";
import { OneTimeLink } from "./one-time-link";

// The service's row, with its dates as ISO strings (what crosses to the browser).
type UserRow = Omit<StoredUserRow, "linkExpiresAt" | "lastSignInAt"> & {
  linkExpiresAt: string | null;
  lastSignInAt: string | null;
};
type Role = { id: string; name: string };
type Confirmation =
  | { kind: "role"; user: UserRow; roleId: RoleKey }
  | { kind: "deactivate"; user: UserRow }
  | { kind: "link"; user: UserRow };
type IssuedLink = { name: string; title: string; linkPath: string; expiresAt: string; emailed: boolean };
// The table's part of the page's one current message (current-message.tsx).
type TableMessage = { kind: "feedback"; tone: "success" | "error"; text: string } | ({ kind: "link" } & IssuedLink);

// An email that may wrap only where people read a break (before the @ and after a dot), never
// inside a word.
function Email({ address }: { address: string }) {
  const [local, domain] = address.split(/(?=@)/);
  return (
    <>
      {local}
      {domain !== undefined && <wbr />}
      {domain?.split(/(?<=\.)/).map((part, index) => (
        <span key={index}>
          {index > 0 && <wbr />}
          {part}
        </span>
      ))}
    </>
  );
}

export function UserTable({ users, roles, currentUserId }: { users: UserRow[]; roles: Role[]; currentUserId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const describeError = useActionErrorMessage();
  const { message, show, clear, reset } = useCurrentMessage<TableMessage>("table");
  const setFeedback = (feedback: { tone: "success" | "error"; text: string }) =>
    show({ kind: "feedback", ...feedback });
  const [confirming, setConfirming] = useState<Confirmation | null>(null);
  // A select shows the chosen role only once the change went through; until confirmed it keeps
  // the current one (its key changes after every attempt, so it re-reads the stored role).
  const [attempts, setAttempts] = useState(0);
  const reasons = {
    self: t("users.cannotChangeSelf"),
    last_admin: t("userAccounts.lastAdmin"),
    inactive: t("userAccounts.inactive"),
  };
  const done = () => {
    setConfirming(null);
    setAttempts((count) => count + 1);
  };
  const onError = ({ error }: { error: Parameters<typeof describeError>[0] }) => {
    done();
    setFeedback({ tone: "error", text: describeError(error, reasons) ?? "" });
  };
  const nameOf = (id: string) => users.find((user) => user.id === id)?.name ?? "";
  const roleName = (id: string) => roles.find((role) => role.id === id)?.name ?? id;

  const roleChange = useAction(changeUserRoleAction, {
    onSuccess: ({ input }) => {
      done();
      setFeedback({
        tone: "success",
        text: `${t("users.roleChanged", { name: nameOf(input.userId), role: roleName(input.roleId) })} ${t("userAccounts.signedOutNote")}`,
      });
    },
    onError,
  });
  const activeChange = useAction(setUserActiveAction, {
    onSuccess: ({ input }) => {
      done();
      setFeedback({
        tone: "success",
        text: t(input.active ? "users.reactivated" : "users.deactivated", { name: nameOf(input.userId) }),
      });
    },
    onError,
  });
  const linkIssue = useAction(issuePasswordLinkAction, {
    onSuccess: ({ data }) => {
      done();
      const name = nameOf(data.userId);
      show({
        kind: "link",
        name,
        title: t(data.purpose === "INVITE" ? "userAccounts.reinvited" : "userAccounts.resetDone", { name }),
        linkPath: data.linkPath,
        expiresAt: data.expiresAt,
        emailed: data.emailed,
      });
    },
    onError,
  });
  const pending = roleChange.isPending || activeChange.isPending || linkIssue.isPending;

  function status(user: UserRow) {
    if (!user.active) return t("users.inactive");
    if (!user.invitationPending) return t("users.active");
    if (!user.linkExpiresAt || new Date(user.linkExpiresAt) <= new Date()) return t("userAccounts.pendingExpired");
    return t("userAccounts.pendingUntil", {
      date: format.dateTime(new Date(user.linkExpiresAt), { dateStyle: "medium", timeStyle: "short" }),
    });
  }

  function confirm() {
    if (!confirming) return;
    reset();
    if (confirming.kind === "role") roleChange.execute({ userId: confirming.user.id, roleId: confirming.roleId });
    else if (confirming.kind === "deactivate") activeChange.execute({ userId: confirming.user.id, active: false });
    else linkIssue.execute({ userId: confirming.user.id });
  }

  return (
    <div className="space-y-4">
      {message?.kind === "feedback" && <Alert tone={message.tone}>{message.text}</Alert>}
      {message?.kind === "link" && (
        <OneTimeLink
          title={message.title}
          name={message.name}
          linkPath={message.linkPath}
          expiresAt={message.expiresAt}
          emailed={message.emailed}
          onDone={clear}
        />
      )}
      <Table stackBelowMd>
        <TableHead>
          <HeaderCell>{t("users.name")}</HeaderCell>
          <HeaderCell>{t("users.email")}</HeaderCell>
          <HeaderCell>{t("users.role")}</HeaderCell>
          <HeaderCell>{t("users.status")}</HeaderCell>
          <HeaderCell>{t("users.lastSignIn")}</HeaderCell>
          <HeaderCell>
            <span className="sr-only">{t("users.actions")}</span>
          </HeaderCell>
        </TableHead>
        <TableBody>
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <tr key={user.id} role="row" className={user.active ? undefined : "text-slate-500"}>
                {/* One line per person on wider screens; on a phone each row is a card and wraps. */}
                <Cell className="font-medium max-md:text-base md:whitespace-nowrap">
                  {user.name} {isSelf && <span className="text-slate-500">({t("users.you")})</span>}
                </Cell>
                <Cell label={t("users.email")} className="md:whitespace-nowrap">
                  <Email address={user.email} />
                </Cell>
                <Cell label={t("users.role")}>
                  <select
                    key={`${user.id}-${user.roleId}-${attempts}`}
                    aria-label={t("users.changeRole", { name: user.name })}
                    defaultValue={user.roleId}
                    disabled={isSelf || pending}
                    onChange={(event) => {
                      reset();
                      setConfirming({ kind: "role", user, roleId: event.target.value as RoleKey });
                    }}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1"
                  >
                    {roles.map((role) => (
                      <option key={role.id} value={role.id}>
                        {role.name}
                      </option>
                    ))}
                  </select>
                </Cell>
                <Cell label={t("users.status")} className="md:whitespace-nowrap">
                  {status(user)}
                </Cell>
                <Cell label={t("users.lastSignIn")} className="md:whitespace-nowrap">
                  {user.lastSignInAt ? (
                    <time dateTime={user.lastSignInAt} className="whitespace-nowrap">
                      {format.dateTime(new Date(user.lastSignInAt), { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  ) : (
                    t("users.neverSignedIn")
                  )}
                </Cell>
                <Cell>
                  {!isSelf && (
                    <div className="flex flex-wrap gap-2 md:flex-nowrap md:justify-end">
                      {user.active && (
                        <Button
                          variant="secondary"
                          disabled={pending}
                          onClick={() => setConfirming({ kind: "link", user })}
                          aria-label={t(
                            user.invitationPending
                              ? "userAccounts.newInvitationLinkOf"
                              : "userAccounts.resetPasswordOf",
                            { name: user.name },
                          )}
                        >
                          {t(user.invitationPending ? "userAccounts.newInvitationLink" : "userAccounts.resetPassword")}
                        </Button>
                      )}
                      {user.active ? (
                        <Button
                          variant="secondary"
                          disabled={pending}
                          onClick={() => setConfirming({ kind: "deactivate", user })}
                          aria-label={t("users.deactivateNamed", { name: user.name })}
                        >
                          {t("users.deactivate")}
                        </Button>
                      ) : (
                        <Button
                          variant="secondary"
                          disabled={pending}
                          onClick={() => {
                            reset();
                            activeChange.execute({ userId: user.id, active: true });
                          }}
                          aria-label={t("users.reactivateNamed", { name: user.name })}
                        >
                          {t("users.reactivate")}
                        </Button>
                      )}
                    </div>
                  )}
                </Cell>
              </tr>
            );
          })}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming?.kind === "role"
            ? t("userAccounts.roleConfirmTitle")
            : confirming?.kind === "deactivate"
              ? t("users.deactivate")
              : t("userAccounts.resetConfirmTitle")
        }
        confirmLabel={
          confirming?.kind === "role"
            ? t("userAccounts.changeRole")
            : confirming?.kind === "deactivate"
              ? t("users.deactivate")
              : t("userAccounts.makeLink")
        }
        cancelLabel={t("dialog.cancel")}
        tone={confirming?.kind === "deactivate" ? "danger" : "primary"}
        pending={pending}
        onConfirm={confirm}
        onCancel={done}
      >
        {confirming?.kind === "role" &&
          t("userAccounts.roleConfirm", {
            name: confirming.user.name,
            from: roleName(confirming.user.roleId),
            to: roleName(confirming.roleId),
          })}
        {confirming?.kind === "deactivate" && t("users.deactivateConfirm", { name: confirming.user.name })}
        {confirming?.kind === "link" &&
          t(confirming.user.invitationPending ? "userAccounts.reinviteConfirm" : "userAccounts.resetConfirm", {
            name: confirming.user.name,
          })}
      </ConfirmDialog>
    </div>
  );
}
