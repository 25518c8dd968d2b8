import { orgUnitId, type OrgUnits, type SandboxEmployee, type SandboxState } from "./state";

type AttributeSpec = { key: string; label: string; type: string; universalId: string | null; options?: string[] };

// The attributes a credential can be allowed to read, as Personio's credential screen lists them.
export const ATTRIBUTE_CATALOGUE: AttributeSpec[] = [
  { key: "first_name", label: "First name", type: "standard", universalId: "first_name" },
  { key: "last_name", label: "Last name", type: "standard", universalId: "last_name" },
  { key: "preferred_name", label: "Name (preferred)", type: "standard", universalId: "preferred_name" },
  { key: "email", label: "Email", type: "standard", universalId: "email" },
  { key: "gender", label: "Gender", type: "list", universalId: "gender", options: ["male", "female", "diverse"] },
  { key: "status", label: "Status", type: "standard", universalId: "status" },
  { key: "position", label: "Position", type: "standard", universalId: "position" },
  { key: "department", label: "Department", type: "standard", universalId: "department" },
  { key: "office", label: "Office", type: "standard", universalId: "office" },
  { key: "subcompany", label: "Subcompany", type: "standard", universalId: "subcompany" },
  { key: "hire_date", label: "Hire date", type: "date", universalId: "hire_date" },
  { key: "weekly_working_hours", label: "Weekly hours", type: "standard", universalId: "weekly_working_hours" },
  { key: "supervisor", label: "Supervisor", type: "standard", universalId: "supervisor" },
  { key: "created_at", label: "created_at", type: "date", universalId: "created_at" },
  { key: "last_modified_at", label: "Last modified", type: "date", universalId: "last_modified_at" },
  { key: "dynamic_24407", label: "Titel", type: "standard", universalId: null },
  { key: "dynamic_2", label: "Marital status", type: "list", universalId: null, options: ["married", "single"] },
  {
    key: "dynamic_3",
    label: "Language",
    type: "list",
    universalId: null,
    options: ["English", "French", "Spanish", "German"],
  },
];

export const DEFAULT_READABLE_ATTRIBUTES = [
  "first_name",
  "last_name",
  "email",
  "status",
  "position",
  "department",
  "office",
  "hire_date",
];

export const DOCUMENT_CATEGORIES = [
  { id: 1, name: "Certificates of employment" },
  { id: 2, name: "Other documents" },
  { id: 3, name: "Contracts" },
];

const OBJECT_VALUED = new Set(["department", "office", "subcompany", "supervisor"]);
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class EmployeeValidationError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Validates and stores a v1 create body; messages follow Personio's Laravel-style wording. */
export function createEmployee(
  state: SandboxState,
  raw: Record<string, unknown>,
  meta: string[] = [],
  options: { seed?: boolean } = {},
): SandboxEmployee {
  for (const field of ["email", "first_name", "last_name"]) {
    const value = raw[field];
    if (typeof value !== "string" || !value.trim())
      throw new EmployeeValidationError(`The ${field} field is required.`, field);
  }
  const email = String(raw.email).trim();
  if (!EMAIL_PATTERN.test(email))
    throw new EmployeeValidationError("The email must be a valid email address.", "email");
  const taken = [...state.employees.values()].some((e) => e.email.toLowerCase() === email.toLowerCase());
  if (taken) throw new EmployeeValidationError("The email has already been taken.", "email");
  const now = new Date().toISOString();
  const employee: SandboxEmployee = {
    id: state.nextEmployeeId,
    email,
    first_name: String(raw.first_name).trim(),
    last_name: String(raw.last_name).trim(),
    status: "active",
    custom_attributes: {},
    created_at: now,
    last_modified_at: now,
  };
  if (options.seed) {
    // Seeded employees bring their org units into the account, as HR would have created them.
    for (const key of ["department", "office", "subcompany"] as const) {
      const name = typeof raw[key] === "string" ? raw[key].trim() : "";
      if (name && !state.orgUnits[key].includes(name)) state.orgUnits[key].push(name);
    }
  }
  meta.push(...applyEmployeeFields(state, employee, raw));
  if (raw.status === undefined)
    employee.status = !employee.hire_date || employee.hire_date <= now.slice(0, 10) ? "active" : "onboarding";
  state.nextEmployeeId += 1;
  state.employees.set(employee.id, employee);
  return employee;
}

/**
 * Applies the updatable fields; PATCH ignores `email` like Personio does. Department, office and
 * subcompany are names that "Should be predefined in Personio. Otherwise will be ignored with
 * showing meta error in the response" (the official file): the returned strings are that meta.
 */
export function applyEmployeeFields(
  state: SandboxState,
  employee: SandboxEmployee,
  raw: Record<string, unknown>,
): string[] {
  const meta: string[] = [];
  for (const key of ["first_name", "last_name", "preferred_name", "gender", "position", "status"] as const) {
    if (typeof raw[key] === "string") employee[key] = (raw[key] as string).trim();
  }
  for (const key of ["department", "office", "subcompany"] as const) {
    if (typeof raw[key] !== "string") continue;
    const name = (raw[key] as string).trim();
    const ignored = !state.orgUnits[key].includes(name) || (key === "office" && state.behaviour.ignoreOffices);
    if (ignored) meta.push(`The ${key} '${name}' does not exist in this company and was ignored.`);
    else employee[key] = name;
  }
  if (raw.hire_date !== undefined) {
    if (typeof raw.hire_date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw.hire_date)) {
      throw new EmployeeValidationError("The hire date does not match the format Y-m-d.", "hire_date");
    }
    employee.hire_date = raw.hire_date;
  }
  if (raw.weekly_working_hours !== undefined) {
    const hours = Number(raw.weekly_working_hours);
    if (!Number.isFinite(hours) || hours < 0 || hours > 168) {
      throw new EmployeeValidationError("The weekly working hours must be a number.", "weekly_working_hours");
    }
    employee.weekly_working_hours = hours;
  }
  if (raw.supervisor_id !== undefined && raw.supervisor_id !== null) {
    const supervisorId = Number(raw.supervisor_id);
    if (!state.employees.has(supervisorId) || supervisorId === employee.id) {
      throw new EmployeeValidationError(`Supervisor with ID ${String(raw.supervisor_id)} not found`, "supervisor_id");
    }
    employee.supervisor_id = supervisorId;
  } else if (raw.supervisor_id === null) {
    employee.supervisor_id = undefined;
  }
  if (raw.custom_attributes && typeof raw.custom_attributes === "object") {
    for (const [key, value] of Object.entries(raw.custom_attributes)) {
      if (/^dynamic_\d+$/.test(key)) employee.custom_attributes[key] = String(value);
    }
  }
  employee.last_modified_at = new Date().toISOString();
  return meta;
}

/** The v1 `{type: "Employee", attributes: {...}}` shape, limited to what the credential may read. */
export function serializeEmployee(employee: SandboxEmployee, readable: string[], state: { orgUnits: OrgUnits }) {
  const attributes: Record<string, unknown> = {
    id: { label: "ID", value: employee.id, type: "integer", universal_id: "id" },
  };
  for (const spec of ATTRIBUTE_CATALOGUE) {
    if (!readable.includes(spec.key)) continue;
    const value = attributeValue(employee, spec.key, state);
    // The files type office/department/... values as objects, so an unset one is left out, not null.
    if (value === null && OBJECT_VALUED.has(spec.key)) continue;
    attributes[spec.key] = { label: spec.label, value, type: spec.type, universal_id: spec.universalId };
  }
  return { type: "Employee", attributes };
}

function attributeValue(employee: SandboxEmployee, key: string, state: { orgUnits: OrgUnits }): unknown {
  const named = (type: string, kind: keyof OrgUnits, name: string | undefined) =>
    name ? { type, attributes: { id: orgUnitId(state, kind, name) ?? 0, name } } : null;
  switch (key) {
    case "department":
      return named("Department", "department", employee.department);
    case "office":
      return named("Office", "office", employee.office);
    case "subcompany":
      return named("Subcompany", "subcompany", employee.subcompany);
    case "supervisor":
      return employee.supervisor_id
        ? {
            type: "Employee",
            attributes: { id: { label: "ID", value: employee.supervisor_id, type: "integer", universal_id: "id" } },
          }
        : null;
    case "hire_date":
      return employee.hire_date ? `${employee.hire_date}T00:00:00+00:00` : null;
    case "weekly_working_hours":
      // Personio returns this number as a string.
      return employee.weekly_working_hours === undefined ? null : String(employee.weekly_working_hours);
    default:
      if (key.startsWith("dynamic_")) return employee.custom_attributes[key] ?? null;
      return (employee as unknown as Record<string, unknown>)[key] ?? null;
  }
}

export function attributeDefinitions(readable: string[]) {
  return ATTRIBUTE_CATALOGUE.filter((spec) => readable.includes(spec.key)).map((spec) => ({
    key: spec.key,
    label: spec.label,
    type: spec.type,
    universal_id: spec.universalId,
    options: spec.options ?? [],
  }));
}
