import { describe, expect, it } from "vitest";

import type { PersonioOptionLists } from "@/lib/personio/integration/options";

import { fieldForAttribute, needsPersonioLists } from "./catalogue";
import type { FieldConfig } from "./config";
import { buildFieldForm, fieldProblems } from "./form";

const lists: PersonioOptionLists = {
  fetchedAt: "2026-12-01T00:00:00.000Z",
  noRead: false,
  readable: ["first_name", "last_name", "department"],
  attributes: [{ key: "dynamic_7", label: "Language", type: "list", options: ["German", "English"] }],
  department: ["Engineering", "Finance"],
  office: ["Berlin"],
  subcompany: [],
  supervisor: [{ id: 12, name: "Greta Lind" }],
  truncated: false,
};

const config: FieldConfig = {
  fields: [
    { key: "hireDate", source: "startDate" },
    { key: "department", source: "department" },
    { key: "office", source: "office" },
    { key: "position", source: "jobTitle" },
    { key: "supervisor", source: "none" },
    { key: "dynamic_7", source: "none", label: "Language", type: "list" },
  ],
};

describe("which fields are lists", () => {
  it("the org units, the supervisor and custom attributes need Personio's lists; the others do not", () => {
    expect(config.fields.filter((field) => needsPersonioLists(field.key)).map((field) => field.key)).toEqual([
      "department",
      "office",
      "supervisor",
      "dynamic_7",
    ]);
  });

  it("names the form field for Personio's attribute names", () => {
    expect(fieldForAttribute("last_name")).toBe("lastName");
    expect(fieldForAttribute("position")).toBe("position");
    expect(fieldForAttribute("hire_date")).toBe("hireDate");
    expect(fieldForAttribute("supervisor_id")).toBe("supervisor");
    expect(fieldForAttribute("dynamic_7")).toBe("dynamic_7");
    expect(fieldForAttribute("salary")).toBeUndefined();
  });
});

describe("the form", () => {
  it("offers the list fields the credentials may read, with Personio's values, and says why the others cannot be", () => {
    const form = buildFieldForm(config, lists);
    expect(form.fields.map((field) => [field.key, field.control])).toEqual([
      ["hireDate", "date"],
      ["department", "list"],
      ["position", "text"],
      ["supervisor", "list"],
      ["dynamic_7", "list"],
    ]);
    expect(form.fields.find((field) => field.key === "supervisor")?.options).toEqual([
      { value: "12", label: "Greta Lind" },
    ]);
    expect(form.unavailable).toEqual([{ key: "office", label: undefined, reason: "not_readable" }]);
    expect(buildFieldForm(config, null).unavailable.map((field) => field.reason)).toEqual([
      "lists_failed",
      "lists_failed",
      "lists_failed",
    ]);
    expect(buildFieldForm(config, { ...lists, noRead: true }).fields.map((field) => field.control)).toEqual([
      "date",
      "text",
      "text",
    ]);
  });

  it("one check for the form, the send and the update: invalid values, unknown list values, fields that cannot be checked", () => {
    const form = buildFieldForm(config, lists);
    expect(
      fieldProblems(form, {
        hireDate: "2027-02-30",
        department: "Finanzen",
        office: "Berlin",
        position: "Engineer",
        supervisor: "12",
        dynamic_7: "French",
      }),
    ).toEqual({
      hireDate: { code: "invalid_field", reason: "date" },
      department: { code: "unknown_option", value: "Finanzen" },
      office: { code: "field_unavailable" },
      dynamic_7: { code: "unknown_option", value: "French" },
    });
    expect(fieldProblems(form, { department: "Finance", office: "", dynamic_7: "German" })).toEqual({});
    expect(fieldProblems(form, { office: "x".repeat(256) })).toEqual({
      office: { code: "invalid_field", reason: "tooLong" },
    });
  });
});
