import { describe, expect, it } from "vitest";

import type { FieldForm } from "@/lib/personio-fields/form";

import { blockerKey, findSendBlockers } from "./blockers";

const form: FieldForm = {
  fields: [
    { key: "department", control: "list", options: [{ value: "Product Engineering", label: "Product Engineering" }] },
    { key: "office", control: "list", options: [{ value: "Berlin", label: "Berlin" }] },
    { key: "hireDate", control: "date" },
  ],
  unavailable: [{ key: "subcompany", reason: "lists_failed" }],
};
const core = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" };

describe("what blocks an automatic send", () => {
  it("nothing when every value is set, valid and one of Personio's", () => {
    expect(
      findSendBlockers({
        form,
        core,
        extra: { department: "Product Engineering", office: "Berlin", hireDate: "2027-01-04" },
      }),
    ).toEqual([]);
  });

  it("an empty optional field blocks nothing (it is not sent)", () => {
    expect(findSendBlockers({ form, core, extra: { department: "", office: "" } })).toEqual([]);
  });

  it("names each value Personio lacks, a value no field takes, a missing email and a list that cannot be read", () => {
    expect(
      findSendBlockers({
        form,
        core: { ...core, email: "" },
        extra: { department: "Engineering", office: "Berlin HQ", hireDate: "2027-02-30", subcompany: "ACME" },
      }),
    ).toEqual([
      { code: "missing_field", field: "email" },
      { code: "unmapped_value", field: "department", value: "Engineering" },
      { code: "unmapped_value", field: "office", value: "Berlin HQ" },
      { code: "invalid_field", field: "hireDate" },
      { code: "field_unavailable", field: "subcompany" },
    ]);
  });

  it("groups hires by field and value", () => {
    const [a] = findSendBlockers({ form, core, extra: { office: "Berlin HQ" } });
    const [b] = findSendBlockers({ form, core: { ...core, firstName: "Grace" }, extra: { office: "Berlin HQ" } });
    const [c] = findSendBlockers({ form, core, extra: { office: "Munich HQ" } });
    expect(blockerKey(a!)).toBe(blockerKey(b!));
    expect(blockerKey(a!)).not.toBe(blockerKey(c!));
  });
});
