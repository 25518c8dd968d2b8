export const DEFAULT_PERSONIO_WEB_BASE_URL = "https://{subdomain}.personio.de";

/**
 * Link to an employee's page in Personio's web app. `webBaseUrl` is a template: the legacy
 * `https://{subdomain}.personio.de`, migrated tenants' `https://{subdomain}.app.personio.com`,
 * or the sandbox's plain URL (no placeholder).
 */
export function personioEmployeeUrl(options: {
  webBaseUrl?: string;
  subdomain?: string;
  employeeId: number | string;
}): string {
  const template = (options.webBaseUrl ?? DEFAULT_PERSONIO_WEB_BASE_URL).trim().replace(/\/+$/, "");
  if (template.includes("{subdomain}") && !options.subdomain) {
    throw new Error("A Personio subdomain is needed to link to an employee.");
  }
  // The subdomain is user-entered configuration: keep it to one DNS label so it cannot redirect the host.
  const subdomain = (options.subdomain ?? "").trim().toLowerCase();
  if (subdomain && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(subdomain)) {
    throw new Error("The Personio subdomain may only contain letters, digits and hyphens.");
  }
  const base = template.replaceAll("{subdomain}", subdomain);
  return `${base}/staff/details/${encodeURIComponent(String(options.employeeId))}`;
}
