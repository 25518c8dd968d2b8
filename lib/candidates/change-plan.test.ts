import { describe, expect, it } from "vitest";

import { planCandidateChange } from "@/lib/candidates/change-plan";
import type { CandidateValues } from "@/lib/candidates/fields";

const stored: CandidateValues = {
  firstName: "Anna",
  lastName: "Müller",
  email: "anna@example.com",
  phone: null,
  stage: "OFFER",
  startDate: null,
  jobId: "job1",
  department: null,
  office: "Berlin",
  source: "LinkedIn",
  notes: null,
};

describe("planCandidateChange", () => {
  it("writes only what differs", () => {
    expect(planCandidateChange(stored, { ...stored, stage: "HIRED" }, { inPersonio: false })).toEqual({
      data: { stage: "HIRED" },
      kept: [],
    });
    expect(planCandidateChange(stored, { ...stored }, { inPersonio: false })).toEqual({ data: {}, kept: [] });
  });

  it("ignores values not given and treats undefined and null alike for nullable fields", () => {
    expect(planCandidateChange(stored, { phone: null, firstName: undefined }, { inPersonio: false })).toEqual({
      data: {},
      kept: [],
    });
  });

  it("may clear a value of a candidate not in Personio", () => {
    expect(planCandidateChange(stored, { office: null }, { inPersonio: false }).data).toEqual({ office: null });
  });

  it("only completes a candidate already in Personio, and says what it kept", () => {
    const plan = planCandidateChange(
      stored,
      { firstName: "Annabel", phone: "+49 30 1", startDate: "2026-12-31", office: null, stage: "HIRED" },
      { inPersonio: true },
    );
    expect(plan.data).toEqual({ phone: "+49 30 1", startDate: "2026-12-31" });
    expect(plan.kept.sort()).toEqual(["firstName", "office", "stage"]);
  });
});
