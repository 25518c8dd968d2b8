"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { setRolePersonioPermissionAction } from "@/app/(app)/admin/integrations/personio/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Cell, HeaderCell, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { RoleKey } from "@/lib/permissions/definitions";
import type { RolePersonioSettings } from "@/lib/personio/integration/role-permissions";
import type { RolePersonioPermission } from "@/lib/personio/integration/schemas";

type Setting = "canSend" | "canUpdate" | "canSeeBadge";
const SETTINGS: ReadonlyArray<{ permission: RolePersonioPermission; field: Setting; label: Setting }> = [
  { permission: "personio:send", field: "canSend", label: "canSend" },
  { permission: "personio:update", field: "canUpdate", label: "canUpdate" },
  { permission: "personio:see-badge", field: "canSeeBadge", label: "canSeeBadge" },
];

// Each checkbox saves at once. The tick moves on click and moves back if the server refuses.
export function RolePermissionsTable({ roles }: { roles: RolePersonioSettings[] }) {
  const tRoles = useTranslations("personioSettings.roles");
  const tFields = useTranslations("personioFields");
  // "May update in Personio" lives in the personioFields catalogue, with the feature it belongs to.
  const t = Object.assign(
    (key: string, values?: Record<string, string>) =>
      key === "canUpdate" ? tFields("roleUpdate") : tRoles(key as "canSend", values),
    {},
  );
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const roleName = (id: string) => roles.find((role) => role.id === id)?.name ?? id;
  const settingLabel = (permission: RolePersonioPermission) =>
    t(SETTINGS.find((setting) => setting.permission === permission)?.label ?? "canSend");

  const change = useAction(setRolePersonioPermissionAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setOverrides((current) => ({ ...current, [`${data.roleId}:${data.permission}`]: data.granted }));
      const values = { role: roleName(data.roleId), setting: settingLabel(data.permission) };
      setFeedback({ tone: "success", text: data.granted ? t("granted", values) : t("revoked", values) });
      router.refresh();
    },
    onError: ({ error, input }) => {
      setOverrides((current) => ({ ...current, [`${input.roleId}:${input.permission}`]: !input.granted }));
      setFeedback({ tone: "error", text: describeError(error) ?? "" });
    },
    onSettled: () => setPendingKey(null),
  });

  return (
    <div className="space-y-3">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <Table>
        <TableHead>
          <HeaderCell>{t("role")}</HeaderCell>
          {SETTINGS.map((setting) => (
            <HeaderCell key={setting.permission} className="text-center">
              {t(setting.label)}
            </HeaderCell>
          ))}
        </TableHead>
        <TableBody>
          {roles.map((role) => (
            <tr key={role.id}>
              <RowHeaderCell>{role.name}</RowHeaderCell>
              {SETTINGS.map((setting) => {
                const key = `${role.id}:${setting.permission}`;
                const checked = overrides[key] ?? role[setting.field];
                return (
                  <Cell key={setting.permission} className="text-center">
                    <input
                      type="checkbox"
                      className="size-4 accent-indigo-600"
                      aria-label={t("toggleLabel", { role: role.name, setting: t(setting.label) })}
                      checked={checked}
                      disabled={pendingKey !== null}
                      aria-busy={pendingKey === key || undefined}
                      onChange={(event) => {
                        setFeedback(null);
                        setPendingKey(key);
                        setOverrides((current) => ({ ...current, [key]: event.target.checked }));
                        change.execute({
                          roleId: role.id as RoleKey,
                          permission: setting.permission,
                          granted: event.target.checked,
                        });
                      }}
                    />
                  </Cell>
                );
              })}
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
