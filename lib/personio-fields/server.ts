import "server-only";

import type { PersonioErrorCode } from "@/lib/personio/errors";
// The fields' form and check with Personio's lists loaded, for the services. The lists come from
// the cache (lib/personio/integration/options.ts); they are read only when a chosen field needs
// them, so a form or a check without list fields never waits for Personio.

import {
  getPersonioOptions,
  refreshPersonioOptions,
  type OptionsLoad,
  type PersonioOptionLists,
} from "@/lib/personio/integration/options";

import { needsPersonioLists } from "./catalogue";
import type { FieldConfig } from "./config";
import { buildFieldForm, fieldProblems, type FieldForm, type FieldProblem } from "./form";

export type LoadedFieldForm = FieldForm & {
  listsError: PersonioErrorCode | "not_connected" | null;
  listsFetchedAt: string | null;
};

export async function loadFieldForm(config: FieldConfig, loaded?: OptionsLoad): Promise<LoadedFieldForm> {
  const load = config.fields.some((field) => needsPersonioLists(field.key))
    ? (loaded ?? (await getPersonioOptions()))
    : null;
  const lists = load?.ok ? load.lists : null;
  return {
    ...buildFieldForm(config, lists),
    listsError: load && !load.ok ? load.code : null,
    listsFetchedAt: lists?.fetchedAt ?? null,
  };
}

export type FieldRefusal = { code: FieldProblem["code"]; field: string };

// Which problem is reported when several fields have one: a value no field takes before what
// depends on Personio's lists.
const PRIORITY: FieldProblem["code"][] = ["invalid_field", "field_unavailable", "unknown_option"];

/**
 * Checks the values of the chosen fields in `config` before a send or an update. Personio's lists
 * are loaded only when a list field has a value (from the cache; read now if there are none).
 */
export async function checkFieldValues(
  config: FieldConfig,
  values: Record<string, string>,
): Promise<FieldRefusal | null> {
  const given = { fields: config.fields.filter((setting) => (values[setting.key] ?? "").trim()) };
  // A value no field takes is refused before Personio's lists are even loaded.
  const offline = firstRefusal(fieldProblems(buildFieldForm(given, null), values), ["invalid_field"]);
  if (offline || !given.fields.some((setting) => needsPersonioLists(setting.key))) return offline;
  const check = async (load: OptionsLoad) =>
    firstRefusal(fieldProblems(await loadFieldForm(given, load), values), PRIORITY) ??
    missingReference(given, values, load);
  const load = await getPersonioOptions();
  const refusal = await check(load);
  // v2 sends ids from the cached lists: a name they lack (added in Personio since, or a list cached
  // without ids) has the lists read once again before the send is refused.
  if (refusal?.code !== "unknown_option" || !load.ok || load.lists.apiVersion !== "v2" || !load.fromCache) {
    return refusal;
  }
  return check(await refreshPersonioOptions());
}

const ORG_LISTS = ["department", "office", "subcompany"] as const;

/** With lists read through v2, a department, office or legal entity sent needs Personio's id. */
function missingReference(config: FieldConfig, values: Record<string, string>, load: OptionsLoad) {
  if (!load.ok || load.lists.apiVersion !== "v2") return null;
  const lists: PersonioOptionLists = load.lists;
  const field = ORG_LISTS.find((key) => {
    const value = (values[key] ?? "").trim();
    return config.fields.some((setting) => setting.key === key) && value && !lists.ids?.[key][value];
  });
  return field ? ({ code: "unknown_option", field } as const) : null;
}

function firstRefusal(problems: Record<string, FieldProblem>, codes: FieldProblem["code"][]): FieldRefusal | null {
  const entries = Object.entries(problems);
  for (const code of codes) {
    const found = entries.find(([, problem]) => problem.code === code);
    if (found) return { code, field: found[0] };
  }
  return null;
}
