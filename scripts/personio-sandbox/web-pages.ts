import {
  generateCredential,
  SandboxInputError,
  SandboxNotFoundError,
  setCredentialStatus,
  updateCredential,
} from "./credentials";
import { ATTRIBUTE_CATALOGUE } from "./employees";
import { escapeHtml as esc, layout } from "./html";
import { json, redirect, type SandboxRequest, type SandboxResponse } from "./http-types";
import { AREAS, type Area, type SandboxCredential, type SandboxState } from "./state";

const AREA_LABELS: Record<Area, string> = {
  employees: "Employees",
  attendances: "Attendances",
  absences: "Absences",
  documents: "Documents",
};
const INTEGRATIONS = ["Other", "Handoff", "Greenhouse", "Custom Reports"];
const CREDENTIALS_PATH = "/settings/api-credentials";

/** The sandbox's own screens, shaped like Personio's settings and staff pages. Returns undefined for other paths. */
export function handleWebPage(state: SandboxState, req: SandboxRequest): SandboxResponse | undefined {
  if (req.method === "GET" && req.path === "/") return redirect("/staff");
  if (req.method === "GET" && req.path === CREDENTIALS_PATH)
    return page(credentialsPage(state, req.query.get("notice")));
  if (req.method === "POST" && req.path === CREDENTIALS_PATH) return generate(state, req);
  const action = /^\/settings\/api-credentials\/([^/]+)\/(update|disable|enable|remove)$/.exec(req.path);
  if (req.method === "POST" && action?.[1] && action[2])
    return changeCredential(state, decodeURIComponent(action[1]), action[2], req);
  if (req.method === "GET" && req.path === "/staff") return page(staffPage(state));
  const details = /^\/staff\/details\/(\d+)$/.exec(req.path);
  if (req.method === "GET" && details?.[1]) {
    const employee = state.employees.get(Number(details[1]));
    return employee
      ? page(employeePage(employee))
      : { status: 404, html: layout("Not found", "<p>No employee with this id.</p>") };
  }
  return undefined;
}

function page(html: string, status = 200): SandboxResponse {
  return { status, html };
}

function formValues(req: SandboxRequest): Record<string, unknown> {
  return (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<string, unknown>;
}

function permissionsFrom(form: Record<string, unknown>) {
  const flag = (name: string) => form[name] === "on" || (Array.isArray(form[name]) && form[name].includes("on"));
  return Object.fromEntries(AREAS.map((area) => [area, { read: flag(`${area}_read`), write: flag(`${area}_write`) }]));
}

function generate(state: SandboxState, req: SandboxRequest): SandboxResponse {
  const form = formValues(req);
  const attributes = form.attributes === undefined ? [] : ([] as unknown[]).concat(form.attributes).map(String);
  try {
    const credential = generateCredential(state, {
      name: String(form.name ?? ""),
      integration: String(form.integration ?? "Other"),
      permissions: permissionsFrom(form),
      readableAttributes: attributes,
    });
    // Shown once, as in Personio: the secret is in this response and nowhere else.
    const secret = `<section aria-label="New credential">
<h2>Credential generated</h2>
<p>Copy the client secret now. It will not be shown again.</p>
<dl><dt>Client ID</dt><dd><output aria-label="Client ID">${esc(credential.clientId)}</output></dd>
<dt>Client secret</dt><dd><output aria-label="Client secret">${esc(credential.clientSecret)}</output></dd></dl></section>`;
    return page(credentialsPage(state, null, secret));
  } catch (error) {
    if (error instanceof SandboxInputError) return page(credentialsPage(state, error.message), 400);
    throw error;
  }
}

function changeCredential(state: SandboxState, clientId: string, action: string, req: SandboxRequest): SandboxResponse {
  try {
    if (action === "update") {
      const form = formValues(req);
      const attributes = form.attributes === undefined ? [] : ([] as unknown[]).concat(form.attributes).map(String);
      updateCredential(state, clientId, {
        name: String(form.name ?? ""),
        permissions: permissionsFrom(form),
        readableAttributes: attributes,
      });
    } else {
      setCredentialStatus(
        state,
        clientId,
        action === "disable" ? "disabled" : action === "enable" ? "active" : "removed",
      );
    }
  } catch (error) {
    if (error instanceof SandboxNotFoundError) return json(404, { error: error.message });
    if (error instanceof SandboxInputError) return page(credentialsPage(state, error.message), 400);
    throw error;
  }
  const notice = {
    update: "Credential updated.",
    disable: "Credential disabled.",
    enable: "Credential re-enabled.",
    remove: "Credential removed.",
  }[action];
  return redirect(`${CREDENTIALS_PATH}?notice=${encodeURIComponent(notice ?? "")}`);
}

function permissionFields(prefix: string, credential?: SandboxCredential): string {
  const rows = AREAS.map((area) => {
    const p = credential?.permissions[area];
    const box = (kind: "read" | "write", checked: boolean) =>
      `<label><input type="checkbox" name="${area}_${kind}"${checked ? " checked" : ""}> ${AREA_LABELS[area]}: ${kind === "read" ? "Read" : "Write"}</label>`;
    return `<li>${box("read", p?.read ?? area === "employees")} ${box("write", p?.write ?? area === "employees")}</li>`;
  });
  const readable = credential?.readableAttributes ?? ["first_name", "last_name", "email", "status", "position"];
  const attributes = ATTRIBUTE_CATALOGUE.map(
    (a) =>
      `<label><input type="checkbox" name="attributes" value="${esc(a.key)}"${readable.includes(a.key) ? " checked" : ""}> ${esc(a.label)}</label>`,
  );
  return `<fieldset><legend>${esc(prefix)}Permissions</legend><ul>${rows.join("")}</ul></fieldset>
<details><summary>${esc(prefix)}Readable employee attributes</summary>${attributes.join(" ")}</details>`;
}

function credentialsPage(state: SandboxState, notice: string | null, extra = ""): string {
  const live = [...state.credentials.values()].filter((c) => c.status !== "removed");
  const rows = live.map((c) => {
    const base = `${CREDENTIALS_PATH}/${encodeURIComponent(c.clientId)}`;
    const toggle = c.status === "active" ? ["disable", "Disable"] : ["enable", "Re-enable"];
    return `<section aria-label="Credential ${esc(c.name)}" class="card">
<h3>${esc(c.name)} <span class="status">${c.status === "active" ? "Active" : "Disabled"}</span></h3>
<p>Client ID: <code>${esc(c.clientId)}</code> · Integration: ${esc(c.integration)}</p>
<form method="post" action="${base}/update"><label>Name <input name="name" value="${esc(c.name)}" required></label>
${permissionFields("", c)}<button type="submit">Save changes</button></form>
<form method="post" action="${base}/${toggle[0]}"><button type="submit">${toggle[1]}</button></form>
<form method="post" action="${base}/remove"><button type="submit">Remove</button></form></section>`;
  });
  const options = INTEGRATIONS.map((i) => `<option>${esc(i)}</option>`).join("");
  return layout(
    "API credentials",
    `${notice ? `<p role="status">${esc(notice)}</p>` : ""}${extra}
<section aria-label="Generate new credential" class="card"><h2>Generate new credential</h2>
<form method="post" action="${CREDENTIALS_PATH}">
<label>Name <input name="name" required></label>
<label>Integration <select name="integration">${options}</select></label>
${permissionFields("")}<button type="submit">Generate</button></form></section>
<h2>Credentials</h2>${rows.join("") || "<p>No credentials yet.</p>"}`,
  );
}

function staffPage(state: SandboxState): string {
  const rows = [...state.employees.values()].map(
    (e) =>
      `<tr><td><a href="/staff/details/${e.id}">${esc(`${e.first_name} ${e.last_name}`)}</a></td><td>${esc(e.email)}</td><td>${esc(e.position ?? "")}</td><td>${esc(e.status)}</td></tr>`,
  );
  return layout(
    "Employees",
    `<table><caption>Employees</caption><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Position</th><th scope="col">Status</th></tr></thead>
<tbody>${rows.join("") || '<tr><td colspan="4">No employees yet.</td></tr>'}</tbody></table>`,
  );
}

function employeePage(e: NonNullable<ReturnType<SandboxState["employees"]["get"]>>): string {
  const fields: Array<[string, string | number | undefined]> = [
    ["ID", e.id],
    ["Email", e.email],
    ["Position", e.position],
    ["Department", e.department],
    ["Office", e.office],
    ["Hire date", e.hire_date],
    ["Status", e.status],
    ["Created", e.created_at],
  ];
  const list = fields
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(String(v))}</dd>`);
  return layout(`${e.first_name} ${e.last_name}`, `<dl>${list.join("")}</dl><p><a href="/staff">All employees</a></p>`);
}
