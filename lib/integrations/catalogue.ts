// The marketplace's contents. Pure data: one integration today, grouped the way admins look for it.

export const INTEGRATION_CATEGORIES = ["hris"] as const;
export type IntegrationCategory = (typeof INTEGRATION_CATEGORIES)[number];

export type IntegrationListing = { key: "personio"; category: IntegrationCategory; href: string };

export const INTEGRATIONS: readonly IntegrationListing[] = [
  { key: "personio", category: "hris", href: "/admin/integrations/personio" },
];
