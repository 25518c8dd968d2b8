import "server-only";

// What the review form needs when it opens: the chosen fields, their prefills, the values Personio
// offers for the list fields, and which fields cannot be offered and why. With cached lists this
// reads only the database (lib/integrations/personio-options.ts).

import { db } from "@/lib/db";
import { getFieldConfig } from "@/lib/integrations/personio-fields";
import { getPersonioOptions, type PersonioOptionLists } from "@/lib/integrations/personio-options";
import type { PersonioErrorCode } from "@/lib/personio/errors";
import {
  GENDERS,
  isCustomField,
  prefillValue,
  type FieldConfig,
  type FieldSetting,
  type OptionalField,
  type PrefillCandidate,
} from "@/lib/personio/fields";

export type FieldControl = "text" | "date" | "number" | "list" | "gender";
export type FieldOption = { value: string; label: string };
export type SendFormField = {
  key: OptionalField;
  label?: string;
  control: FieldControl;
  type?: string;
  options?: FieldOption[];
};
export type UnavailableReason = "no_read" | "not_readable" | "lists_failed";
export type SendFormData = {
  fields: SendFormField[];
  unavailable: Array<{ key: OptionalField; label?: string; reason: UnavailableReason }>;
  defaults: { firstName: string; lastName: string; email: string; position: string; extra: Record<string, string> };
  listsError: PersonioErrorCode | "not_connected" | null;
  listsFetchedAt: string | null;
};

// The Personio attribute each list field is read from.
const LIST_ATTRIBUTE: Record<string, string> = {
  department: "department",
  office: "office",
  subcompany: "subcompany",
  supervisor: "first_name",
};

export async function getSendFormData(candidateId: string): Promise<SendFormData | null> {
  const [candidate, config] = await Promise.all([
    db.candidate.findUnique({
      where: { id: candidateId },
      include: { job: { select: { title: true, department: true, office: true } } },
    }),
    getFieldConfig(),
  ]);
  if (!candidate) return null;
  const needsLists = config.fields.some((field) => field.key in LIST_ATTRIBUTE || isCustomField(field.key));
  const load = needsLists ? await getPersonioOptions() : null;
  const lists = load?.ok ? load.lists : null;
  // startDate, department and office arrive with the candidate import (issue 15); until then undefined.
  const source: PrefillCandidate = candidate as PrefillCandidate;
  return buildSendForm(
    config,
    source,
    { firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email },
    lists,
    load && !load.ok ? load.code : null,
  );
}

export function buildSendForm(
  config: FieldConfig,
  candidate: PrefillCandidate,
  core: { firstName: string; lastName: string; email: string },
  lists: PersonioOptionLists | null,
  listsError: SendFormData["listsError"],
): SendFormData {
  const fields: SendFormField[] = [];
  const unavailable: SendFormData["unavailable"] = [];
  const extra: Record<string, string> = {};
  let position = "";
  for (const setting of config.fields) {
    const offered = describeField(setting, lists);
    if ("reason" in offered) {
      unavailable.push({ key: setting.key, label: setting.label, reason: lists ? offered.reason : "lists_failed" });
      continue;
    }
    fields.push(offered);
    const value = prefillValue(setting, candidate);
    if (setting.key === "position") position = value;
    else extra[setting.key] = value;
  }
  return {
    fields,
    unavailable,
    defaults: { ...core, position, extra },
    listsError,
    listsFetchedAt: lists?.fetchedAt ?? null,
  };
}

function describeField(
  setting: FieldSetting,
  lists: PersonioOptionLists | null,
): SendFormField | { reason: UnavailableReason } {
  const { key } = setting;
  switch (key) {
    case "hireDate":
      return { key, control: "date" };
    case "weeklyWorkingHours":
      return { key, control: "number" };
    case "gender":
      return { key, control: "gender", options: GENDERS.map((value) => ({ value, label: value })) };
    case "position":
    case "preferredName":
      return { key, control: "text" };
    case "department":
    case "office":
    case "subcompany":
    case "supervisor": {
      if (!lists) return { reason: "lists_failed" };
      if (lists.noRead) return { reason: "no_read" };
      if (!lists.readable.includes(LIST_ATTRIBUTE[key] ?? key)) return { reason: "not_readable" };
      const options =
        key === "supervisor"
          ? lists.supervisor.map((person) => ({ value: String(person.id), label: person.name }))
          : lists[key].map((name) => ({ value: name, label: name }));
      return { key, control: "list", options };
    }
    default: {
      // A custom attribute: a list when Personio lists its options, else free text (or a date).
      const attribute = lists?.attributes.find((candidate) => candidate.key === key);
      const type = attribute?.type ?? setting.type;
      const label = attribute?.label ?? setting.label;
      if (lists?.noRead) return { key, label, control: type === "date" ? "date" : "text", type };
      if (attribute && attribute.options.length > 0) {
        return {
          key,
          label,
          control: "list",
          type,
          options: attribute.options.map((value) => ({ value, label: value })),
        };
      }
      return { key, label, control: type === "date" ? "date" : "text", type };
    }
  }
}

/** Values of list fields that match none of Personio's (a prefill the account does not know). */
export function unknownListValues(form: Pick<SendFormData, "fields">, values: Record<string, string>): OptionalField[] {
  return form.fields
    .filter((field) => field.control === "list" && field.options)
    .filter((field) => {
      const value = (values[field.key] ?? "").trim();
      return value !== "" && !field.options!.some((option) => option.value === value);
    })
    .map((field) => field.key);
}
