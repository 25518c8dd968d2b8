import "server-only";

// The values the review form's dropdowns offer, read from the connected Personio account and
// cached in the database (PersonioOptionCache), so opening the form costs no Personio call.
//
// Lifetime: a list younger than FRESH_MS is used as it is; an older one is still used (at most
// MAX_STALE_MS old) while a refresh runs in the background; without a usable list the form waits
// for Personio. Admins refresh by hand on the settings page. Credentials changes clear it.
//
// Where the values come from: `GET /company/employees/attributes` lists the attributes the
// credential may read, with options for list attributes (gender, custom `dynamic_*` lists). v1 has
// no endpoint for departments, offices or subcompanies, so those are the names found on the
// employee list, paged at Personio's maximum of 100 (the client spaces the reads within its
// 300/min, 15/s limit); supervisors are the employees themselves (id and name).
//
// Personio's ids are kept next to those names (`ids`): v1 lists each org unit as an object with
// id and name; v2 takes them as references by id ("Organizational entities … are transferred with
// their id only", https://developer.personio.de/reference/persons-closed-alpha). v2 has a list of
// legal entities (`GET /v2/legal-entities`, https://developer.personio.de/v2.0/reference/listlegalentities),
// so on a v2 connection the subcompany list is the legal entities; it has no list of org units or
// offices (developer.personio.de discussions 6752c6852a769e0073c2cd15, 67d02dda07caa4000f0a4d10).

import { db } from "@/lib/db";
import type {
  PersonioApiVersion,
  PersonioAttributeDefinition,
  PersonioClient,
  PersonioEmployee,
} from "@/lib/personio/client";
import { isPersonioError, type PersonioErrorCode } from "@/lib/personio/errors";
import type { PersonioOrgIds } from "@/lib/personio/http";
import { getConnectedPersonioClient } from "@/lib/personio/integration/connection";

export const OPTIONS_FRESH_MS = 15 * 60_000;
export const OPTIONS_MAX_STALE_MS = 24 * 60 * 60_000;
const PAGE = 100;
// 50 pages = 5,000 employees; beyond that the lists say they are incomplete.
const MAX_PAGES = 50;
const CACHE_ID = "personio";

export type PersonioOptionLists = {
  fetchedAt: string;
  /** The credential may not read employees at all ("missing_permission"); the lists are empty. */
  noRead: boolean;
  /** Attribute keys the credential may read. */
  readable: string[];
  /** Custom attributes (for the settings page) and list options (gender, custom lists). */
  attributes: Array<{ key: string; label: string; type: string; options: string[] }>;
  department: string[];
  office: string[];
  subcompany: string[];
  supervisor: Array<{ id: number; name: string }>;
  /** Personio's id of each department, office and subcompany (legal entity with v2), by name. */
  ids?: PersonioOrgIds;
  /** The API the lists were read with: v2 sends need `ids` for the names it sends. */
  apiVersion?: PersonioApiVersion;
  /** More employees than MAX_PAGES pages: the lists derived from them may miss names. */
  truncated: boolean;
};

export type { PersonioOrgIds };

export type OptionsLoad =
  | { ok: true; lists: PersonioOptionLists; fromCache: boolean }
  | { ok: false; code: PersonioErrorCode | "not_connected" };

/**
 * One list read from Personio and kept in PersonioOptionCache under `id`, with the lifetimes above:
 * the review form's lists here, the document categories in lib/documents/categories.ts.
 */
export function cachedPersonioList<T>(options: {
  id: string;
  read: (client: PersonioClient) => Promise<T>;
  parse: (data: string) => T | null;
  fetchedAt?: (value: T) => Date;
}) {
  type Load = { ok: true; value: T; fromCache: boolean } | { ok: false; code: PersonioErrorCode | "not_connected" };
  const { id, read, parse, fetchedAt = () => new Date() } = options;
  let refreshing: Promise<Load> | null = null;

  /** Reads the list from Personio now and stores it; concurrent callers share one read. */
  function refresh(): Promise<Load> {
    refreshing ??= (async () => {
      try {
        const connection = await getConnectedPersonioClient();
        if (!connection) return { ok: false, code: "not_connected" } as const;
        const value = await read(connection.client);
        const data = JSON.stringify(value);
        const at = fetchedAt(value);
        await db.personioOptionCache.upsert({
          where: { id },
          create: { id, data, fetchedAt: at },
          update: { data, fetchedAt: at },
        });
        return { ok: true, value, fromCache: false } as const;
      } catch (error) {
        if (isPersonioError(error)) return { ok: false, code: error.code } as const;
        throw error;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  /** Cached if possible, otherwise read from Personio now. */
  async function get(): Promise<Load> {
    const row = await db.personioOptionCache.findUnique({ where: { id } });
    const cached = row ? parse(row.data) : null;
    if (row && cached) {
      const age = Date.now() - row.fetchedAt.getTime();
      if (age < OPTIONS_FRESH_MS) return { ok: true, value: cached, fromCache: true };
      if (age < OPTIONS_MAX_STALE_MS) {
        // Served as it is; the next reader gets the refreshed list.
        void refresh().catch(() => undefined);
        return { ok: true, value: cached, fromCache: true };
      }
    }
    return refresh();
  }

  /** What is cached, without asking Personio (for a settings page). */
  async function cachedOnly(): Promise<T | null> {
    const row = await db.personioOptionCache.findUnique({ where: { id } });
    return row ? parse(row.data) : null;
  }

  return { get, refresh, cachedOnly };
}

const optionLists = cachedPersonioList({
  id: CACHE_ID,
  read: readLists,
  parse: parseLists,
  fetchedAt: (lists) => new Date(lists.fetchedAt),
});

function toOptionsLoad(load: Awaited<ReturnType<typeof optionLists.get>>): OptionsLoad {
  return load.ok ? { ok: true, lists: load.value, fromCache: load.fromCache } : load;
}

/** The lists for the form: cached if possible, otherwise read from Personio now. */
export async function getPersonioOptions(): Promise<OptionsLoad> {
  return toOptionsLoad(await optionLists.get());
}

/** Reads the lists from Personio now and stores them; concurrent callers share one read. */
export async function refreshPersonioOptions(): Promise<OptionsLoad> {
  return toOptionsLoad(await optionLists.refresh());
}

/** What is cached, without asking Personio (for the settings page). */
export function getCachedPersonioOptions(): Promise<PersonioOptionLists | null> {
  return optionLists.cachedOnly();
}

export async function clearPersonioOptions() {
  await db.personioOptionCache.deleteMany();
}

async function readLists(client: PersonioClient): Promise<PersonioOptionLists> {
  const fetchedAt = new Date().toISOString();
  let definitions: PersonioAttributeDefinition[];
  try {
    definitions = await client.listEmployeeAttributes();
  } catch (error) {
    if (isPersonioError(error) && error.code === "missing_permission") {
      return {
        fetchedAt,
        noRead: true,
        readable: [],
        attributes: [],
        department: [],
        office: [],
        subcompany: [],
        supervisor: [],
        ids: { department: {}, office: {}, subcompany: {} },
        apiVersion: client.apiVersion,
        truncated: false,
      };
    }
    throw error;
  }
  const readable = definitions.map((definition) => definition.key);
  const may = (key: string) => readable.includes(key);
  const projection = ["first_name", "last_name", "department", "office", "subcompany"].filter(may);
  const ids: PersonioOrgIds = { department: {}, office: {}, subcompany: {} };
  // v2 reads the legal entities from their own list rather than from the employees' subcompany.
  const legalEntities = client.listLegalEntities ? await client.listLegalEntities().catch(withoutPermission) : null;
  if (legalEntities) for (const entity of legalEntities) ids.subcompany[entity.name] = entity.id;
  const supervisor: PersonioOptionLists["supervisor"] = [];
  let truncated = false;
  if (["department", "office", "subcompany"].some(may) || (may("first_name") && may("last_name"))) {
    for (let page = 0; ; page += 1) {
      if (page >= MAX_PAGES) {
        truncated = true;
        break;
      }
      const { employees, total } = await client.listEmployees({
        limit: PAGE,
        offset: page * PAGE,
        attributes: projection,
      });
      for (const employee of employees) {
        for (const key of ["department", "office", "subcompany"] as const) {
          if (key === "subcompany" && legalEntities) continue;
          const ref = orgReference(employee, key);
          // A name without an id (a lenient string value) is offered, but a v2 send refuses it.
          if (ref && !ids[key][ref.name]) ids[key][ref.name] = ref.id ?? "";
        }
        const name = [employee.firstName, employee.lastName].filter(Boolean).join(" ");
        if (name && may("first_name") && may("last_name")) supervisor.push({ id: employee.id, name });
      }
      if (employees.length < PAGE || (page + 1) * PAGE >= total) break;
    }
  }
  const sorted = (byName: Record<string, string>) => Object.keys(byName).sort((a, b) => a.localeCompare(b));
  const known = (byName: Record<string, string>) => Object.fromEntries(Object.entries(byName).filter(([, id]) => id));
  return {
    fetchedAt,
    noRead: false,
    // v2 lists the legal entities itself: the subcompany list needs no v1 attribute to read.
    readable: legalEntities && !may("subcompany") ? [...readable, "subcompany"] : readable,
    attributes: definitions
      .filter((definition) => definition.key.startsWith("dynamic_") || definition.key === "gender")
      .map((definition) => ({
        key: definition.key,
        label: definition.label ?? definition.key,
        type: definition.type ?? "standard",
        options: definition.options,
      })),
    department: sorted(ids.department),
    office: sorted(ids.office),
    subcompany: sorted(ids.subcompany),
    supervisor: supervisor.sort((a, b) => a.name.localeCompare(b.name)),
    ids: { department: known(ids.department), office: known(ids.office), subcompany: known(ids.subcompany) },
    apiVersion: client.apiVersion,
    truncated,
  };
}

// v1 returns org units as `{type: "Department", attributes: {id, name}}`; be lenient with strings.
function orgReference(employee: PersonioEmployee, key: string): { id?: string; name: string } | undefined {
  const value = employee.attributes[key]?.value;
  if (typeof value === "string") return value.trim() ? { name: value.trim() } : undefined;
  if (typeof value === "object" && value !== null && "attributes" in value) {
    const attributes = (value as { attributes: unknown }).attributes;
    if (typeof attributes !== "object" || attributes === null) return undefined;
    const { id, name } = attributes as { id?: unknown; name?: unknown };
    if (typeof name !== "string" || !name.trim()) return undefined;
    const known = typeof id === "number" || (typeof id === "string" && id.trim()) ? String(id).trim() : undefined;
    return { id: known, name: name.trim() };
  }
  return undefined;
}

// A credential that may not read legal entities still gets the subcompanies named on the employees.
function withoutPermission(error: unknown): null {
  if (isPersonioError(error) && error.code === "missing_permission") return null;
  throw error;
}

function parseLists(json: string): PersonioOptionLists | null {
  try {
    const parsed = JSON.parse(json) as PersonioOptionLists;
    // Lists cached before they kept Personio's ids are read again (once), as if none were cached.
    return parsed && typeof parsed.fetchedAt === "string" && Array.isArray(parsed.department) && parsed.ids
      ? parsed
      : null;
  } catch {
    return null;
  }
}
