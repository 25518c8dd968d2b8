"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { saveSsoSettingsAction } from "@/app/(app)/admin/sso/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PRESETS, SSO_PRESETS, type SsoPreset } from "@/lib/sso/presets";
import { ZSaveSsoSettingsInput, type TSaveSsoSettingsInput } from "@/lib/sso/schemas";
import type { SsoSaveResult, SsoSettingsView } from "@/lib/sso/settings";

type Props = { redirectUri: string; roles: { id: string; name: string }[]; settings: SsoSettingsView | null };

const STEP_COUNT: Record<SsoPreset, number> = { entra: 5, google: 4, okta: 4, keycloak: 4, generic: 2 };
const STEP_KEY = {
  entra: "stepsEntra",
  google: "stepsGoogle",
  okta: "stepsOkta",
  keycloak: "stepsKeycloak",
  generic: "stepsGeneric",
} as const;

// The provider's settings. The secret is never sent to the browser; once stored, a blank field
// keeps it. Saving reads the provider's discovery document first and stores nothing it refuses.
export function SsoSettingsForm({ redirectUri, roles, settings }: Props) {
  const t = useTranslations("sso");
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<TSaveSsoSettingsInput>({
    resolver: zodResolver(ZSaveSsoSettingsInput),
    mode: "onTouched",
    defaultValues: {
      preset: settings?.preset ?? "entra",
      issuer: settings?.issuer ?? "",
      clientId: settings?.clientId ?? "",
      clientSecret: "",
      buttonLabel: settings?.buttonLabel ?? PRESETS.entra.defaultLabel,
      allowedDomains: settings?.allowedDomains.join(", ") ?? "",
      provisioning: settings?.provisioning ?? "existing",
      defaultRoleId: (settings?.defaultRoleId as TSaveSsoSettingsInput["defaultRoleId"]) ?? "interviewer",
      useGroups: settings ? settings.groupsClaim !== null : false,
      groupsClaim: settings?.groupsClaim ?? "groups",
    },
  });
  const save = useAction(saveSsoSettingsAction, {
    onSuccess: ({ data }: { data?: SsoSaveResult }) => {
      if (!data) return setFeedback({ tone: "error", text: describeError(undefined) ?? "" });
      if (data.status === "rejected") return setFeedback({ tone: "error", text: t(`problems.${data.problem}`) });
      form.resetField("clientSecret");
      setFeedback({ tone: "success", text: data.retestNeeded ? t("provider.savedRetest") : t("provider.saved") });
      router.refresh();
    },
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error) ?? "" }),
  });

  const [preset, useGroups, provisioning, issuer, buttonLabel] = useWatch({
    control: form.control,
    name: ["preset", "useGroups", "provisioning", "issuer", "buttonLabel"],
  });
  const { errors } = form.formState;
  const message = (key?: string) => (key ? t(`validation.${key}` as "validation.issuer") : undefined);
  const discovery = `${(issuer || PRESETS[preset].issuerExample).replace(/\/+$/, "")}/.well-known/openid-configuration`;

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={form.handleSubmit((values) => {
        setFeedback(null);
        save.execute(values);
      })}
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      {/* min-w-0 and wrapping anywhere: the redirect and discovery URLs in the steps and hints never widen the page on a phone. */}
      <fieldset disabled={save.isPending} className="min-w-0 space-y-5 [overflow-wrap:anywhere]">
        <SelectField
          label={t("provider.preset")}
          {...form.register("preset", {
            onChange: (event: { target: { value: SsoPreset } }) => {
              // A label still at some preset's default follows the newly chosen preset.
              const label = form.getValues("buttonLabel");
              if (!label || SSO_PRESETS.some((p) => PRESETS[p].defaultLabel === label))
                form.setValue("buttonLabel", PRESETS[event.target.value].defaultLabel);
            },
          })}
        >
          {SSO_PRESETS.map((id) => (
            <option key={id} value={id}>
              {t(`provider.presets.${id}`)}
            </option>
          ))}
        </SelectField>

        <div className="rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
          <p className="font-medium">{t("provider.steps")}</p>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-700">
            {Array.from({ length: STEP_COUNT[preset] }, (_, index) => (
              <li key={`${preset}-${index}`}>
                {t(`provider.${STEP_KEY[preset]}.${index + 1}` as "provider.stepsEntra.1", { redirectUri })}
              </li>
            ))}
          </ol>
          <p className="mt-3 text-slate-600">
            {t("provider.redirectUri")}: <code className="break-all rounded bg-white px-1 py-0.5">{redirectUri}</code>
          </p>
        </div>

        <TextField
          label={t("provider.issuer")}
          placeholder={PRESETS[preset].issuerExample}
          autoComplete="off"
          spellCheck={false}
          hint={t("provider.issuerHint", { url: discovery })}
          error={message(errors.issuer?.message)}
          {...form.register("issuer")}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            label={t("provider.clientId")}
            autoComplete="off"
            spellCheck={false}
            error={message(errors.clientId?.message)}
            {...form.register("clientId")}
          />
          <TextField
            label={t("provider.clientSecret")}
            type="password"
            autoComplete="off"
            spellCheck={false}
            hint={settings ? t("provider.clientSecretKeep") : undefined}
            error={message(errors.clientSecret?.message)}
            {...form.register("clientSecret")}
          />
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            label={t("provider.buttonLabel")}
            hint={t("provider.buttonLabelHint", { label: buttonLabel || "…" })}
            error={message(errors.buttonLabel?.message)}
            {...form.register("buttonLabel")}
          />
          <TextField
            label={t("provider.allowedDomains")}
            autoComplete="off"
            spellCheck={false}
            hint={t("provider.allowedDomainsHint")}
            error={message(errors.allowedDomains?.message)}
            {...form.register("allowedDomains")}
          />
        </div>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("provider.provisioning")}</legend>
          {(["existing", "jit"] as const).map((value) => (
            <label key={value} className="flex items-start gap-2 text-sm">
              <input type="radio" value={value} className="mt-1" {...form.register("provisioning")} />
              {t(value === "existing" ? "provider.provisioningExisting" : "provider.provisioningJit")}
            </label>
          ))}
        </fieldset>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            label={t("provider.defaultRole")}
            disabled={provisioning !== "jit"}
            {...form.register("defaultRoleId")}
          >
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </SelectField>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("useGroups")} />
          {t("provider.useGroups")}
        </label>
        {useGroups && (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField
              label={t("provider.groupsClaim")}
              spellCheck={false}
              error={message(errors.groupsClaim?.message)}
              {...form.register("groupsClaim")}
            />
          </div>
        )}
        <Button type="submit">{save.isPending ? t("provider.saving") : t("provider.save")}</Button>
      </fieldset>
    </form>
  );
}
