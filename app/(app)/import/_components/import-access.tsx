"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { setRoleImportAccessAction } from "@/app/(app)/import/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";

type RoleAccess = { id: string; name: string; granted: boolean; locked: boolean };

// Per role: may import. Saved on change; Admin cannot lose it.
export function ImportAccess({ roles }: { roles: RoleAccess[] }) {
  const t = useTranslations("imports");
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { execute, isPending } = useAction(setRoleImportAccessAction, {
    onSuccess: () => setFeedback({ tone: "success", text: t("access.saved") }),
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error) ?? "" }),
  });
  return (
    <div className="mt-3 space-y-3">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <ul className="space-y-2">
        {roles.map((role) => (
          <li key={role.id}>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                defaultChecked={role.granted}
                disabled={role.locked || isPending}
                onChange={(event) => {
                  setFeedback(null);
                  execute({ roleId: role.id, granted: event.target.checked });
                }}
              />
              {t("access.grant", { role: role.name })}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
