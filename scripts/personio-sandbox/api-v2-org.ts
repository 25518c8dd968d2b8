// v2's references to the account's org units, over the same state as v1's names: the list of
// legal entities (openapi/legal-entities-v2.json, from
// https://developer.personio.de/v2.0/reference/listlegalentities) and the employment's
// `org_units[{type, id}]`, `office.id` and `legal_entity.id` (persons-write-v2.json;
// employment-contract-v2.json). The sandbox's subcompanies are its legal entities.
import { v2Error } from "./api-v2";
import { EmployeeValidationError } from "./employees";
import type { SandboxRequest, SandboxResponse } from "./http-types";
import { orgUnitId, orgUnitName, type SandboxState } from "./state";

// legal-entities-v2.json: `limit` 1 to 100, 20 by default; `cursor` opens the next page.
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export function listLegalEntities(state: SandboxState, req: SandboxRequest): SandboxResponse {
  const limit = req.query.has("limit") ? Number(req.query.get("limit")) : DEFAULT_LIMIT;
  const cursor = req.query.get("cursor");
  const offset = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT || !Number.isInteger(offset) || offset < 0) {
    return v2Error(400, "Bad request", "Provided request parameters are invalid.", "common.bad_request");
  }
  // `id`: "Filter results matching one or more provided legal entity IDs" (comma-separated).
  const ids = (req.query.get("id") ?? "").split(",").filter(Boolean);
  // The sandbox keeps no country per legal entity, so a `country` filter matches none.
  const country = req.query.get("country");
  const entities = state.orgUnits.subcompany
    .map((name) => ({ id: String(orgUnitId(state, "subcompany", name)), name }))
    .filter((entity) => (ids.length === 0 || ids.includes(entity.id)) && !country)
    // "sorted by their creation date, with the most recent appearing first".
    .reverse();
  const base = `http://${String(req.headers.host ?? "127.0.0.1")}/v2/legal-entities`;
  const next = offset + limit < entities.length ? `${base}?limit=${limit}&cursor=${offset + limit}` : undefined;
  return {
    status: 200,
    json: {
      _data: entities.slice(offset, offset + limit),
      _meta: { links: { self: { href: base }, ...(next ? { next: { href: next } } : {}) } },
    },
  };
}

/**
 * The employment's org references as v1's names. An id the account does not have is refused with
 * v2's 400 problem+json (POST_PERSONS and PATCH_EMPLOYMENT document 400 "Invalid request"), never
 * ignored as v1 ignores an unknown name.
 */
export function employmentOrgNames(state: SandboxState, employment: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const reference = (field: string, kind: "department" | "office" | "subcompany", id: unknown) => {
    const name = orgUnitName(state, kind, id);
    if (!name) throw new EmployeeValidationError(`The ${field} id '${String(id)}' does not exist.`, field);
    names[kind] = name;
  };
  if (Array.isArray(employment.org_units)) {
    for (const unit of employment.org_units as Array<Record<string, unknown>>) {
      // Teams are org units too; the sandbox's account has departments only, so a team id is unknown.
      if (unit.type !== "department") {
        throw new EmployeeValidationError(`The org_units id '${String(unit.id)}' does not exist.`, "org_units");
      }
      reference("org_units", "department", unit.id);
    }
  }
  if (isRecord(employment.office)) reference("office", "office", employment.office.id);
  if (isRecord(employment.legal_entity)) reference("legal_entity", "subcompany", employment.legal_entity.id);
  return names;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
