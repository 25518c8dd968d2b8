"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { revokeApiKeyAction } from "@/app/(app)/admin/api-keys/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Cell, HeaderCell, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  rateLimitPerMinute: number;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  expired: boolean;
};

export function ApiKeyTable({ keys }: { keys: KeyRow[] }) {
  const t = useTranslations("apiKeys");
  const tDialog = useTranslations("dialog");
  const format = useFormatter();
  const describeError = useActionErrorMessage();
  const [toRevoke, setToRevoke] = useState<KeyRow | null>(null);
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const revoke = useAction(revokeApiKeyAction, {
    onSuccess: () => {
      setFeedback({ tone: "success", text: t("revoked", { name: toRevoke?.name ?? "" }) });
      setToRevoke(null);
    },
    onError: ({ error }) => {
      setFeedback({ tone: "error", text: describeError(error) ?? "" });
      setToRevoke(null);
    },
  });
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  if (keys.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        {t("empty")}
      </p>
    );
  }
  return (
    <div className="space-y-4">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <Table>
        <TableHead>
          <HeaderCell>{t("columns.name")}</HeaderCell>
          <HeaderCell>{t("columns.key")}</HeaderCell>
          <HeaderCell>{t("columns.scopes")}</HeaderCell>
          <HeaderCell>{t("columns.lastUsed")}</HeaderCell>
          <HeaderCell>{t("columns.status")}</HeaderCell>
          <HeaderCell>
            <span className="sr-only">{t("columns.actions")}</span>
          </HeaderCell>
        </TableHead>
        <TableBody>
          {keys.map((key) => {
            const status = key.revokedAt ? "revoked" : key.expired ? "expired" : "active";
            return (
              <tr key={key.id} data-testid={`api-key-${key.prefix}`}>
                <RowHeaderCell>
                  <span className="block text-slate-900">{key.name}</span>
                  <span className="block text-xs font-normal text-slate-500">
                    {t("createdOn", { date: date(key.createdAt) })}
                  </span>
                </RowHeaderCell>
                <Cell className="font-mono text-xs">{key.prefix}…</Cell>
                <Cell>
                  <ul className="space-y-0.5 font-mono text-xs">
                    {key.scopes.map((scope) => (
                      <li key={scope}>{scope}</li>
                    ))}
                  </ul>
                  <p className="mt-1 text-xs text-slate-500">{t("perMinute", { count: key.rateLimitPerMinute })}</p>
                </Cell>
                <Cell className="text-slate-700">{key.lastUsedAt ? dateTime(key.lastUsedAt) : t("neverUsed")}</Cell>
                <Cell>
                  <span
                    className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${
                      status === "active" ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-700"
                    }`}
                  >
                    {t(`status.${status}`)}
                  </span>
                  {status === "active" && key.expiresAt && (
                    <p className="mt-1 text-xs text-slate-500">{t("expiresOnDate", { date: date(key.expiresAt) })}</p>
                  )}
                  {status === "revoked" && key.revokedAt && (
                    <p className="mt-1 text-xs text-slate-500">{date(key.revokedAt)}</p>
                  )}
                </Cell>
                <Cell className="text-right">
                  {status !== "revoked" && (
                    <Button
                      variant="secondary"
                      onClick={() => setToRevoke(key)}
                      aria-label={t("revokeLabel", { name: key.name })}
                    >
                      {t("revoke")}
                    </Button>
                  )}
                </Cell>
              </tr>
            );
          })}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={toRevoke !== null}
        title={t("revokeTitle", { name: toRevoke?.name ?? "" })}
        confirmLabel={t("revoke")}
        cancelLabel={tDialog("cancel")}
        tone="danger"
        pending={revoke.isPending}
        onConfirm={() => toRevoke && revoke.execute({ apiKeyId: toRevoke.id })}
        onCancel={() => setToRevoke(null)}
      >
        {t("revokeBody")}
      </ConfirmDialog>
    </div>
  );
}
