// The marketplace's contents. Pure data, grouped the way admins look for it.

export const INTEGRATION_CATEGORIES = ["hris", "ats"] as const;
export type IntegrationCategory = (typeof INTEGRATION_CATEGORIES)[number];

export type IntegrationKey = "personio" | "greenhouse" | "ashby" | "workable" | "handoff";

export type IntegrationListing = {
  key: IntegrationKey;
  category: IntegrationCategory;
  href: string;
  manageHref?: string;
};

// ATS sources: each kind may have several sources (one per account), managed on one page.
export const INTEGRATIONS: readonly IntegrationListing[] = [
  { key: "personio", category: "hris", href: "/admin/integrations/personio" },
  ...(["greenhouse", "ashby", "workable", "handoff"] as const).map((key) => ({
    key,
    category: "ats" as const,
    href: `/admin/integrations/ats/new?kind=${key}`,
    manageHref: "/admin/integrations/ats",
  })),
];
