import "server-only";

// The Personio v2 operations a send, a link and an update use (Persons and Employments v2,
// openapi/persons-service-api-v2.json and employment-contract-v2.json in the sandbox's folder;
// POST /v2/persons from https://developer.personio.de/reference/post_v2-persons). The lists an
// admin picks values from are still read through v1 (client.ts), which the same credential serves,
// except the legal entities, which v2 lists (`GET /v2/legal-entities`, legal-entities-v2.json).
import type { PersonioClient, PersonioEmployeeMatch, PersonioEmployeeUpdate, PersonioWriteResult } from "./client";
import { isRecord, sameEmail } from "./employee";
import { defaultPersonioMessage, PersonioError } from "./errors";
import type { createPersonioHttp, PersonioOrgIds } from "./http";
import type { PersonioEmployeeInput } from "./payload";

type PersonioHttp = ReturnType<typeof createPersonioHttp>;

type V2Operations = Pick<
  PersonioClient,
  "apiVersion" | "findEmployeeByEmail" | "createEmployee" | "updateEmployee" | "revokeToken" | "listLegalEntities"
>;

// v2's list page is at most 50 persons; one email names at most one person.
const PERSONS_PAGE = 50;

// v2 takes department, office and legal entity as references by id ("Organizational entities …
// are transferred with their id only", https://developer.personio.de/reference/persons-closed-alpha):
// `org_units: [{type, id}]`, `office: {id}`, `legal_entity: {id}` on the employment
// (employment-contract-v2.json). Handoff's fields hold the names; their ids come from the cached
// lists (`orgIds`), which the fields check has made sure know every name sent (refusing otherwise).
const ORG_FIELDS = ["department", "office", "subcompany"] as const;
type OrgReferences = Partial<Record<(typeof ORG_FIELDS)[number], string>>;

// persons-service-api-v2.json pages; `GET /v2/legal-entities` takes a `limit` of 1 to 100.
const LEGAL_ENTITIES_PAGE = 100;
// Bounds the paging should a server keep answering with a next page.
const MAX_LEGAL_ENTITY_PAGES = 50;

export function createPersonioV2Operations(
  http: PersonioHttp,
  orgIds: () => Promise<PersonioOrgIds | null> = async () => null,
): V2Operations {
  /** The ids of the names `input` sends; a name without one is refused before anything is sent. */
  async function references(input: Partial<PersonioEmployeeInput>): Promise<OrgReferences> {
    const given = ORG_FIELDS.filter((field) => input[field]);
    if (given.length === 0) return {};
    const ids = await orgIds();
    const found: OrgReferences = {};
    for (const field of given) {
      const id = ids?.[field][input[field]!];
      if (!id) throw new PersonioError("validation_error", `${field}: not in Personio's list`, { field });
      found[field] = id;
    }
    return found;
  }

  async function listLegalEntities(): Promise<Array<{ id: string; name: string }>> {
    const entities: Array<{ id: string; name: string }> = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_LEGAL_ENTITY_PAGES; page += 1) {
      const res = await http.call("read", "GET", "/v2/legal-entities", {
        query: { limit: String(LEGAL_ENTITIES_PAGE), ...(cursor ? { cursor } : {}) },
        notFoundIsEmpty: true,
      });
      const rows = isRecord(res?.body) && Array.isArray(res.body._data) ? res.body._data : [];
      for (const row of rows.filter(isRecord)) {
        const id = text(row.id);
        const name = typeof row.name === "string" ? row.name.trim() : "";
        if (id && name) entities.push({ id, name });
      }
      // Cursor pages (`_meta.links.next.href`); a next link naming a cursor already read ends the
      // paging (a forum report of a `next` pointing at the same page: notes §7).
      cursor = nextCursor(res?.body);
      if (!cursor || seen.has(cursor)) break;
      seen.add(cursor);
    }
    return entities;
  }

  async function findEmployeeByEmail(email: string): Promise<PersonioEmployeeMatch | null> {
    const res = await http.call("read", "GET", "/v2/persons", {
      query: { email, limit: String(PERSONS_PAGE) },
      notFoundIsEmpty: true,
    });
    const rows = isRecord(res?.body) && Array.isArray(res.body._data) ? res.body._data : [];
    const people = rows.filter(isRecord);
    const match =
      people.find((person) => sameEmail(text(person.email), email)) ?? (people.length === 1 ? people[0] : null);
    if (!match) return null;
    const id = Number(match.id);
    if (!Number.isInteger(id) || id <= 0) return null;
    return { id, firstName: text(match.first_name), lastName: text(match.last_name) };
  }

  async function createEmployee(input: PersonioEmployeeInput): Promise<PersonioWriteResult> {
    const employment = toEmployment(input, await references(input));
    const res = await http.call("write", "POST", "/v2/persons", {
      json: {
        ...toPerson(input),
        email: input.email,
        ...(Object.keys(employment).length > 0 ? { employments: [employment] } : {}),
      },
    });
    return { id: readCreatedId(res?.body), warnings: [] };
  }

  async function updateEmployee(id: number, update: PersonioEmployeeUpdate): Promise<PersonioWriteResult> {
    const path = `/v2/persons/${encodeURIComponent(String(id))}`;
    const person = toPerson(update);
    const employment = toEmployment(update, await references(update));
    if (Object.keys(person).length > 0) await http.call("write", "PATCH", path, { json: person });
    if (Object.keys(employment).length > 0) {
      // The employment's id is on the person; a person created by Handoff has exactly one.
      const read = await http.call("read", "GET", path);
      const employments = isRecord(read?.body) && Array.isArray(read.body.employments) ? read.body.employments : [];
      const employmentId = text(employments.find(isRecord)?.id);
      if (!employmentId) throw unexpected("person without an employment");
      await http.call("write", "PATCH", `${path}/employments/${encodeURIComponent(employmentId)}`, {
        json: employment,
      });
    }
    return { id, warnings: [] };
  }

  return {
    apiVersion: "v2",
    revokeToken: () => http.guard(http.revokeToken),
    findEmployeeByEmail: (email) => http.guard(() => findEmployeeByEmail(email)),
    createEmployee: (input) => http.guard(() => createEmployee(input)),
    updateEmployee: (id, update) => http.guard(() => updateEmployee(id, update)),
    listLegalEntities: () => http.guard(listLegalEntities),
  };
}

/** The person's own fields as v2 names them (`CreatePerson`); enums in v2's upper case. */
function toPerson(input: Partial<PersonioEmployeeInput>): Record<string, unknown> {
  const custom = Object.entries(input.customAttributes ?? {}).map(([id, value]) => ({ id, value }));
  return defined({
    first_name: input.firstName,
    last_name: input.lastName,
    preferred_name: input.preferredName,
    gender: input.gender?.toUpperCase(),
    custom_attributes: custom.length > 0 ? custom : undefined,
  });
}

/** The employment: references by id, dates as yyyy-mm-dd (employment-contract-v2.json). */
function toEmployment(input: Partial<PersonioEmployeeInput>, refs: OrgReferences): Record<string, unknown> {
  return defined({
    org_units: refs.department ? [{ type: "department", id: refs.department }] : undefined,
    office: refs.office ? { id: refs.office } : undefined,
    legal_entity: refs.subcompany ? { id: refs.subcompany } : undefined,
    position: input.position !== undefined ? { title: input.position } : undefined,
    employment_start_date: input.hireDate,
    weekly_working_hours: input.weeklyWorkingHours,
    status: input.status?.toUpperCase(),
    supervisor: input.supervisorId !== undefined ? { id: String(input.supervisorId) } : undefined,
  });
}

function nextCursor(body: unknown): string | undefined {
  const meta = isRecord(body) && isRecord(body._meta) ? body._meta : undefined;
  const links = meta && isRecord(meta.links) ? meta.links : undefined;
  const href = links && isRecord(links.next) ? links.next.href : undefined;
  if (typeof href !== "string" || !href) return undefined;
  try {
    return new URL(href, "http://personio.invalid").searchParams.get("cursor") ?? undefined;
  } catch {
    return undefined;
  }
}

// The create answer's schema is not published (notes §2.4): the id is read from `id`, `_data.id`
// or `data.id`, as v2's `CreatedObject` and the list answers place it.
function readCreatedId(body: unknown): number {
  const candidates = isRecord(body) ? [body.id, isRecord(body._data) ? body._data.id : undefined] : [];
  if (isRecord(body) && isRecord(body.data)) candidates.push(body.data.id);
  const id = candidates.map(Number).find((value) => Number.isInteger(value) && value > 0);
  if (id !== undefined) return id;
  // Personio said "created" without an id: the write happened, so reconcile by email.
  throw unexpected("success response without an id");
}

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

function unexpected(detail: string): PersonioError {
  return new PersonioError("unexpected", `${defaultPersonioMessage("unexpected")} (${detail})`, {
    outcomeUnknown: true,
  });
}
