"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { setSsoRequiredAction } from "@/app/(app)/admin/sso/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

type Admin = { id: string; name: string; email: string };
type Props = { enabled: boolean; required: boolean; breakGlassUserId: string | null; admins: Admin[] };

export function SsoRequiredForm({ enabled, required, breakGlassUserId, admins }: Props) {
  const t = useTranslations("sso");
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [isRequired, setRequired] = useState(required);
  const [adminId, setAdminId] = useState(breakGlassUserId ?? "");
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const save = useAction(setSsoRequiredAction, {
    onSuccess: ({ data }) => {
      const name = admins.find((admin) => admin.id === adminId)?.name ?? "";
      setFeedback({ tone: "success", text: data?.required ? t("required.savedOn", { name }) : t("required.savedOff") });
      router.refresh();
    },
    onError: ({ error }) =>
      setFeedback({
        tone: "error",
        text:
          describeError(error, {
            sso_disabled: t("required.needsEnabled"),
            break_glass_admin: t("required.breakGlassInvalid"),
          }) ?? "",
      }),
  });

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setFeedback(null);
        if (isRequired && !adminId) return setFeedback({ tone: "error", text: t("required.breakGlassInvalid") });
        save.execute({ required: isRequired, breakGlassUserId: isRequired ? adminId : undefined });
      }}
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      {!enabled && <p className="text-sm text-slate-600">{t("required.needsEnabled")}</p>}
      <fieldset disabled={save.isPending || (!enabled && !required)} className="space-y-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={isRequired} onChange={(event) => setRequired(event.target.checked)} />
          {t("required.toggle")}
        </label>
        {isRequired && (
          <div className="max-w-sm">
            <SelectField
              label={t("required.breakGlass")}
              value={adminId}
              onChange={(event) => setAdminId(event.target.value)}
            >
              <option value="">{t("required.choose")}</option>
              {admins.map((admin) => (
                <option key={admin.id} value={admin.id}>
                  {admin.name} ({admin.email})
                </option>
              ))}
            </SelectField>
          </div>
        )}
        <Button type="submit" variant="secondary">
          {t("required.save")}
        </Button>
      </fieldset>
    </form>
  );
}
