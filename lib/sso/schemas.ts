import { z } from "zod";

import { ROLE_KEYS } from "@/lib/permissions/definitions";
import { findIssuerProblem, parseDomainList, SSO_PRESETS } from "@/lib/sso/presets";

// Shared by the SSO settings form and its server actions. Messages are catalogue keys under
// sso.validation.

export const SSO_PROVISIONING = ["existing", "jit"] as const;
export type SsoProvisioning = (typeof SSO_PROVISIONING)[number];

export const ZSaveSsoSettingsInput = z
  .object({
    preset: z.enum(SSO_PRESETS),
    issuer: z.string().trim().min(1, "issuer").max(500, "issuer"),
    clientId: z.string().trim().min(1, "clientId").max(300, "clientId"),
    // Blank keeps the stored secret: the form never receives it, so it cannot send it back.
    clientSecret: z.string().trim().max(1000, "clientSecret"),
    buttonLabel: z.string().trim().min(1, "buttonLabel").max(60, "buttonLabel"),
    allowedDomains: z.string().max(2000, "allowedDomains"),
    provisioning: z.enum(SSO_PROVISIONING),
    defaultRoleId: z.enum(ROLE_KEYS),
    useGroups: z.boolean(),
    groupsClaim: z.string().trim().max(100, "groupsClaim"),
  })
  .superRefine((input, ctx) => {
    const problem = findIssuerProblem(input.preset, input.issuer);
    if (problem) ctx.addIssue({ code: "custom", path: ["issuer"], message: `issuer_${problem}` });
    const { domains, invalid } = parseDomainList(input.allowedDomains);
    if (invalid.length > 0) ctx.addIssue({ code: "custom", path: ["allowedDomains"], message: "allowedDomains" });
    // Google accounts of every company can sign in to a Google client: the hosted domain is the fence.
    else if (input.preset === "google" && domains.length === 0)
      ctx.addIssue({ code: "custom", path: ["allowedDomains"], message: "googleDomains" });
    if (input.useGroups && !/^[\w.:/-]+$/.test(input.groupsClaim))
      ctx.addIssue({ code: "custom", path: ["groupsClaim"], message: "groupsClaim" });
  });
export type TSaveSsoSettingsInput = z.input<typeof ZSaveSsoSettingsInput>;

export const ZSetSsoEnabledInput = z.object({ enabled: z.boolean() });

export const ZSetSsoRequiredInput = z.object({
  required: z.boolean(),
  breakGlassUserId: z.string().max(100).optional(),
});

export const ZAddGroupRoleInput = z.object({
  group: z.string().trim().min(1, "group").max(200, "group"),
  roleId: z.enum(ROLE_KEYS),
});
export type TAddGroupRoleInput = z.input<typeof ZAddGroupRoleInput>;

export const ZRemoveGroupRoleInput = z.object({ group: z.string().min(1).max(200) });

export const ZEmptyInput = z.object({}).optional();

// A renewed client secret, tried by a test sign-in before it replaces the stored one.
export const ZRenewSsoSecretInput = z.object({
  clientSecret: z.string().trim().min(1, "clientSecret").max(1000, "clientSecret"),
});
export type TRenewSsoSecretInput = z.input<typeof ZRenewSsoSecretInput>;
