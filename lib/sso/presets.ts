// The identity providers the settings page offers, with what each one needs. Pure data and
// checks, shared by the form (placeholders, hints) and the server (validation).

export const SSO_PRESETS = ["entra", "google", "okta", "keycloak", "generic"] as const;
export type SsoPreset = (typeof SSO_PRESETS)[number];

type PresetDefinition = {
  // Shown as the placeholder of the issuer field.
  issuerExample: string;
  defaultLabel: string;
  // The claim that carries groups, suggested when the admin maps groups to roles.
  groupsClaim: string;
};

export const PRESETS: Record<SsoPreset, PresetDefinition> = {
  entra: {
    issuerExample: "https://login.microsoftonline.com/<tenant id>/v2.0",
    defaultLabel: "Microsoft",
    groupsClaim: "groups",
  },
  google: { issuerExample: "https://accounts.google.com", defaultLabel: "Google", groupsClaim: "groups" },
  okta: { issuerExample: "https://<your org>.okta.com", defaultLabel: "Okta", groupsClaim: "groups" },
  keycloak: {
    issuerExample: "https://<keycloak host>/realms/<realm>",
    defaultLabel: "Keycloak",
    groupsClaim: "groups",
  },
  generic: { issuerExample: "https://idp.example.com", defaultLabel: "SSO", groupsClaim: "groups" },
};

const ENTRA_SHARED_TENANTS = new Set(["common", "organizations", "consumers"]);
// Entra ID's sign-in hosts: the global cloud, the national clouds (US Government, China operated
// by 21Vianet) and Entra External ID (<tenant>.ciamlogin.com). All issue the same tokens, so the
// Entra rules (a tenant-specific issuer, the xms_edov claim) apply to each.
const ENTRA_HOSTS = new Set([
  "login.microsoftonline.com",
  "login.microsoftonline.us",
  "login.partner.microsoftonline.cn",
]);
const ENTRA_EXTERNAL_ID_HOST = /^[a-z0-9-]{1,63}\.ciamlogin\.com$/;

export function isEntraHost(hostname: string) {
  return ENTRA_HOSTS.has(hostname) || ENTRA_EXTERNAL_ID_HOST.test(hostname);
}
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export type IssuerProblem = "url" | "https" | "entraTenant" | "entraFormat" | "googleIssuer";

// Why this issuer cannot be used with this preset, or null. Plain HTTP only on loopback (a
// provider on the same machine, as in the tests); anything else must be HTTPS.
export function findIssuerProblem(preset: SsoPreset, issuer: string): IssuerProblem | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "url";
  }
  if (url.search || url.hash || url.username || url.password) return "url";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) return "https";
  if (preset === "entra") {
    // Entra's shared endpoints accept accounts of every tenant (and personal Microsoft
    // accounts): their tokens' issuer names whichever tenant signed in, so no fixed issuer
    // could be checked. Only a tenant-specific issuer is accepted.
    const match = /^\/([^/]+)\/v2\.0\/?$/.exec(url.pathname);
    if (!isEntraHost(url.hostname) || !match) return "entraFormat";
    if (ENTRA_SHARED_TENANTS.has(match[1]!.toLowerCase())) return "entraTenant";
  }
  if (preset === "google" && url.origin + url.pathname.replace(/\/$/, "") !== "https://accounts.google.com")
    return "googleIssuer";
  return null;
}

// "acme.com, Example.org" → ["acme.com", "example.org"]; invalid entries are reported.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function parseDomainList(value: string): { domains: string[]; invalid: string[] } {
  const entries = value
    .split(/[\s,;]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  const domains = [...new Set(entries)];
  return { domains: domains.filter((d) => DOMAIN.test(d)), invalid: domains.filter((d) => !DOMAIN.test(d)) };
}
