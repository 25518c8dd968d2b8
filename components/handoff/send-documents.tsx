"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import type { SendFormData } from "@/lib/handoff/send-form";

export type DocumentChoiceState = Record<string, { include: boolean; categoryId: number | null }>;

export function initialDocumentChoices(formData: SendFormData): DocumentChoiceState {
  return Object.fromEntries(
    formData.documents.map((document) => [
      document.id,
      { include: document.categoryId !== null, categoryId: document.categoryId },
    ]),
  );
}

/** The ticked documents with their categories, or null when a ticked one has no category yet. */
export function chosenDocuments(choices: DocumentChoiceState) {
  const ticked = Object.entries(choices).filter(([, choice]) => choice.include);
  if (ticked.some(([, choice]) => choice.categoryId === null)) return null;
  return ticked.map(([documentId, choice]) => ({ documentId, categoryId: choice.categoryId! }));
}

// The review form's documents: each ticked or not, each with a category from the account's list.
export function SendDocuments({
  formData,
  choices,
  onChange,
  disabled,
}: {
  formData: SendFormData;
  choices: DocumentChoiceState;
  onChange: (choices: DocumentChoiceState) => void;
  disabled: boolean;
}) {
  const t = useTranslations("documents");
  const headingId = useId();
  if (formData.documents.length === 0) return null;
  const categories = formData.documentCategories;
  const missingCategory = chosenDocuments(choices) === null;
  return (
    <fieldset aria-labelledby={headingId} disabled={disabled} className="space-y-3">
      <legend id={headingId} className="text-sm font-semibold text-slate-800">
        {t("review.heading")}
      </legend>
      {!categories ? (
        <p className="text-sm text-amber-800">{t("review.noCategories")}</p>
      ) : (
        <ul className="space-y-2">
          {formData.documents.map((document) => {
            const choice = choices[document.id] ?? { include: false, categoryId: null };
            const set = (next: Partial<typeof choice>) =>
              onChange({ ...choices, [document.id]: { ...choice, ...next } });
            return (
              <li key={document.id} className="flex flex-wrap items-center gap-3">
                <label className="flex min-w-0 flex-1 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={choice.include}
                    onChange={(event) => set({ include: event.target.checked })}
                    aria-label={t("review.include", { name: document.fileName })}
                  />
                  <span className="break-all">{document.fileName}</span>
                </label>
                <select
                  aria-label={t("category", { name: document.fileName })}
                  className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                  value={choice.categoryId ?? ""}
                  onChange={(event) =>
                    set({
                      categoryId: event.target.value ? Number(event.target.value) : null,
                      include: event.target.value ? true : choice.include,
                    })
                  }
                >
                  <option value="">{t("chooseCategory")}</option>
                  {categories.map((category) => (
                    <option key={category.id} value={category.id}>
                      {category.name}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
      {categories && missingCategory && (
        <p className="text-sm text-red-700" role="alert">
          {t("review.categoryRequired")}
        </p>
      )}
    </fieldset>
  );
}

/** For the done state: what went where. */
export function SentDocuments({ formData, choices }: { formData: SendFormData; choices: DocumentChoiceState }) {
  const t = useTranslations("documents");
  const chosen = chosenDocuments(choices) ?? [];
  if (chosen.length === 0) return null;
  const name = (id: string) => formData.documents.find((document) => document.id === id)?.fileName ?? id;
  const category = (id: number) => formData.documentCategories?.find((entry) => entry.id === id)?.name ?? String(id);
  return (
    <ul className="space-y-1 text-sm text-slate-700" aria-label={t("review.heading")}>
      {chosen.map((choice) => (
        <li key={choice.documentId}>
          {t("review.done", { name: name(choice.documentId), category: category(choice.categoryId) })}
        </li>
      ))}
    </ul>
  );
}
