"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { saveValueMappingAction } from "@/app/(app)/admin/mappings/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { useFieldLabel } from "@/components/handoff/personio-field-inputs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ZValueMappingInput, type TValueMappingInput } from "@/lib/mappings/schemas";

export type SourceOption = { value: string; label: string };
export type FieldOption = { key: string; label?: string; personioValues?: string[] };

type Props = {
  sources: SourceOption[];
  fields: FieldOption[];
  initial: Omit<TValueMappingInput, "id">;
  /** Editing this mapping; without it the form adds one. */
  mappingId?: string;
  onDone?: () => void;
  onCancel?: () => void;
};

/** Adds a mapping, or changes one. The server refuses a Personio value Personio does not have. */
export function MappingForm({ sources, fields, initial, mappingId, onDone, onCancel }: Props) {
  const t = useTranslations("mappings");
  const fieldLabel = useFieldLabel();
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<TValueMappingInput>({
    resolver: zodResolver(ZValueMappingInput),
    mode: "onTouched",
    defaultValues: { ...initial, ...(mappingId ? { id: mappingId } : {}) },
  });
  const reasons = {
    unknown_personio_value: t("unknownPersonioValue"),
    mapping_exists: t("mappingExists"),
    personio_lists_unavailable: t("listsUnavailable"),
  };
  const save = useAction(saveValueMappingAction, {
    onSuccess: ({ input }) => {
      setFeedback({ tone: "success", text: t("saved", { ats: input.atsValue, personio: input.personioValue }) });
      if (!mappingId) form.reset({ ...form.getValues(), atsValue: "", personioValue: "" });
      router.refresh();
      onDone?.();
    },
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error, reasons) ?? "" }),
  });
  const suggestionsId = useId();
  const fieldKey = useWatch({ control: form.control, name: "fieldKey" });
  const suggestions = fields.find((field) => field.key === fieldKey)?.personioValues ?? [];
  const { errors } = form.formState;
  const message = (key?: string) => (key ? t(`validation.${key}` as "validation.required") : undefined);

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setFeedback(null);
        save.execute(values);
      })}
      className="mt-4 space-y-4"
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <fieldset disabled={save.isPending} className="grid grid-cols-1 gap-4 sm:grid-cols-4">
        <SelectField label={t("source")} {...form.register("source")}>
          {sources.map((source) => (
            <option key={source.value} value={source.value}>
              {source.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("field")} error={message(errors.fieldKey?.message)} {...form.register("fieldKey")}>
          {fields.map((field) => (
            <option key={field.key} value={field.key}>
              {fieldLabel(field)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("atsValue")}
          autoComplete="off"
          error={message(errors.atsValue?.message)}
          {...form.register("atsValue")}
        />
        <TextField
          label={t("personioValue")}
          autoComplete="off"
          error={message(errors.personioValue?.message)}
          list={suggestionsId}
          {...form.register("personioValue")}
        />
        <datalist id={suggestionsId}>
          {suggestions.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
