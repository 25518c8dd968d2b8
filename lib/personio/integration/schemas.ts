import { z } from "zod";

import { ROLE_KEYS } from "@/lib/permissions/definitions";

import { isValidSubdomain, normalizePersonioSubdomain } from "./subdomain";

// Shared by the integration forms and their server actions. Messages are catalogue keys
// under integrations.validation.

const subdomain = z
  .string()
  .max(300, "subdomain")
  .transform((value) => normalizePersonioSubdomain(value).subdomain)
  .refine(isValidSubdomain, "subdomain");

const clientId = z.string().trim().min(1, "clientId").max(200, "clientId");

export const PERSONIO_API_VERSIONS = ["v1", "v2"] as const;
export type PersonioApiVersion = (typeof PERSONIO_API_VERSIONS)[number];
/** The stored column as a version; anything unknown is v1, the API every older row used. */
export function toApiVersion(value: string | undefined): PersonioApiVersion {
  return value === "v2" ? "v2" : "v1";
}

export const ZConnectPersonioInput = z.object({
  apiVersion: z.enum(PERSONIO_API_VERSIONS).default("v1"),
  clientId,
  clientSecret: z.string().trim().min(1, "clientSecret").max(500, "clientSecret"),
  subdomain,
});
export type TConnectPersonioInput = z.input<typeof ZConnectPersonioInput>;

// A blank secret keeps the stored one: the form never receives it, so it cannot send it back.
export const ZUpdatePersonioCredentialsInput = ZConnectPersonioInput.extend({
  clientSecret: z.string().trim().max(500, "clientSecret"),
});
export type TUpdatePersonioCredentialsInput = z.input<typeof ZUpdatePersonioCredentialsInput>;

export const ZSetPersonioEnabledInput = z.object({ enabled: z.boolean() });

// Only the per-role Personio settings are managed here; every other permission stays as seeded.
export const ROLE_PERSONIO_PERMISSIONS = ["personio:send", "personio:update", "personio:see-badge"] as const;
export type RolePersonioPermission = (typeof ROLE_PERSONIO_PERMISSIONS)[number];

export const ZSetRolePersonioPermissionInput = z.object({
  roleId: z.enum(ROLE_KEYS),
  permission: z.enum(ROLE_PERSONIO_PERMISSIONS),
  granted: z.boolean(),
});

export const ZEmptyInput = z.object({}).optional();
