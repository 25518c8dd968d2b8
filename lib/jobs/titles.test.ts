import { describe, expect, it } from "vitest";

import { cleanJobTitle, jobTitleKey } from "@/lib/jobs/titles";

describe("job titles", () => {
  it("collapses spacing and ignores case, accents kept", () => {
    expect(cleanJobTitle("  Backend   Engineer ")).toBe("Backend Engineer");
    expect(jobTitleKey("BACKEND engineer")).toBe(jobTitleKey("Backend Engineer"));
    expect(jobTitleKey("Büro-Manager")).toBe(jobTitleKey("BÜRO-MANAGER"));
    expect(jobTitleKey("Buro-Manager")).not.toBe(jobTitleKey("Büro-Manager"));
  });
});
