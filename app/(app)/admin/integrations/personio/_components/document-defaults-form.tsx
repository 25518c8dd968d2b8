"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { setDocumentDefaultsAction } from "@/app/(app)/admin/integrations/personio/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { DOCUMENT_KINDS, type DocumentKind } from "@/lib/documents/limits";

// The admin's default Personio category per kind of document (CV, contract, other).
export function DocumentDefaultsForm({
  categories,
  defaults,
}: {
  categories: Array<{ id: number; name: string }>;
  defaults: Record<DocumentKind, number | null>;
}) {
  const t = useTranslations("documents");
  const describeError = useActionErrorMessage();
  const [values, setValues] = useState(defaults);
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { execute, isPending } = useAction(setDocumentDefaultsAction, {
    onSuccess: () => setFeedback({ tone: "success", text: t("settings.saved") }),
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error) ?? "" }),
  });
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setFeedback(null);
        execute(values);
      }}
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <fieldset disabled={isPending} className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {DOCUMENT_KINDS.map((kind) => (
          <SelectField
            key={kind}
            label={t("settings.kind", { kind: t(`kinds.${kind}`) })}
            value={values[kind] ?? ""}
            onChange={(event) =>
              setValues({ ...values, [kind]: event.target.value ? Number(event.target.value) : null })
            }
          >
            <option value="">{t("settings.none")}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </SelectField>
        ))}
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {t("settings.save")}
      </Button>
    </form>
  );
}
