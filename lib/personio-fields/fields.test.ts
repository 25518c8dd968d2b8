import { describe, expect, it } from "vitest";

import { fieldValueProblem } from "./catalogue";
import { DEFAULT_FIELD_CONFIG, parseFieldConfig, ZFieldConfig, type FieldConfig } from "./config";
import { parseSentValues, prefillValue, toPersonioInput, toSentValues } from "./values";

const core = { firstName: "Ines", lastName: "Okafor", email: "ines@example.com" };
const candidate = {
  startDate: "2027-01-04",
  department: null,
  office: "Berlín",
  job: { title: "Engineer", department: "Engineering", office: "Berlin" },
};

describe("the admin's field choice", () => {
  it("defaults to hire date, department, office and job title, each prefilled from the profile, besides the three always sent", () => {
    expect(parseFieldConfig(null)).toEqual(DEFAULT_FIELD_CONFIG);
    expect(DEFAULT_FIELD_CONFIG.fields).toEqual([
      { key: "hireDate", source: "startDate" },
      { key: "department", source: "department" },
      { key: "office", source: "office" },
      { key: "position", source: "jobTitle" },
    ]);
    // The profile's own values, the job's where the profile has none.
    expect(DEFAULT_FIELD_CONFIG.fields.map((setting) => prefillValue(setting, candidate))).toEqual([
      "2027-01-04",
      "Engineering",
      "Berlín",
      "Engineer",
    ]);
  });

  it("reads a broken or unknown stored config as the defaults, never as 'send everything'", () => {
    expect(parseFieldConfig("{not json")).toEqual(DEFAULT_FIELD_CONFIG);
    expect(parseFieldConfig(JSON.stringify({ fields: [{ key: "salary", source: "none" }] }))).toEqual(
      DEFAULT_FIELD_CONFIG,
    );
  });

  it("refuses a source the field cannot have, a fixed source without a value, an invalid fixed value and duplicates", () => {
    const issues = (fields: unknown[]) =>
      ZFieldConfig.safeParse({ fields }).error?.issues.map((issue) => issue.message) ?? [];
    expect(issues([{ key: "hireDate", source: "jobTitle" }])).toEqual(["source"]);
    expect(issues([{ key: "office", source: "fixed" }])).toEqual(["fixedRequired"]);
    expect(issues([{ key: "hireDate", source: "fixed", fixed: "2027-02-30" }])).toEqual(["fixedInvalid"]);
    expect(
      issues([
        { key: "office", source: "office" },
        { key: "office", source: "jobOffice" },
      ]),
    ).toEqual(["duplicate"]);
    expect(issues([{ key: "dynamic_1170389", source: "fixed", fixed: "German" }])).toEqual([]);
    expect(issues([{ key: "dynamic_abc", source: "none" }])).toEqual(["unknownField"]);
  });
});

describe("prefills", () => {
  it("take the candidate's own values first, then the job's, a fixed value, or nothing", () => {
    expect(prefillValue({ key: "hireDate", source: "startDate" }, candidate)).toBe("2027-01-04");
    expect(prefillValue({ key: "department", source: "department" }, candidate)).toBe("Engineering");
    expect(prefillValue({ key: "office", source: "office" }, candidate)).toBe("Berlín");
    expect(prefillValue({ key: "office", source: "jobOffice" }, candidate)).toBe("Berlin");
    expect(prefillValue({ key: "subcompany", source: "fixed", fixed: "ACME GmbH" }, candidate)).toBe("ACME GmbH");
    expect(prefillValue({ key: "gender", source: "none" }, candidate)).toBe("");
    expect(prefillValue({ key: "hireDate", source: "startDate" }, { ...candidate, startDate: null })).toBe("");
  });
});

describe("values a field takes", () => {
  it.each([
    ["hireDate", "2027-02-01", null],
    ["hireDate", "2027-02-29", "date"],
    ["hireDate", "01.02.2027", "date"],
    ["weeklyWorkingHours", "38,5", null],
    ["weeklyWorkingHours", "169", "hours"],
    ["supervisor", "12", null],
    ["supervisor", "Greta", "supervisor"],
    ["gender", "diverse", null],
    ["gender", "x", "gender"],
    ["office", "Berlin\nMitte", "controlCharacters"],
    ["office", "x".repeat(256), "tooLong"],
    ["office", "", null],
  ] as const)("%s %j → %s", (key, value, problem) => {
    expect(fieldValueProblem(key, value)).toBe(problem);
  });

  it("checks a custom date attribute as a date", () => {
    expect(fieldValueProblem("dynamic_42", "soon", "date")).toBe("date");
    expect(fieldValueProblem("dynamic_42", "soon", "standard")).toBeNull();
  });
});

describe("what leaves Handoff", () => {
  const config: FieldConfig = {
    fields: [
      { key: "hireDate", source: "startDate" },
      { key: "department", source: "department" },
      { key: "office", source: "office" },
      { key: "weeklyWorkingHours", source: "none" },
      { key: "supervisor", source: "none" },
      { key: "dynamic_7", source: "none" },
    ],
  };

  it("only the chosen fields, without empty ones, in Personio's types", () => {
    const extra = {
      hireDate: "2027-02-01",
      department: "Finance",
      office: "  ",
      weeklyWorkingHours: "38,5",
      supervisor: "12",
      dynamic_7: "German",
      // Not chosen: dropped even though the browser sent it.
      subcompany: "ACME GmbH",
      gender: "male",
    };
    expect(toPersonioInput(config, core, extra)).toEqual({
      ...core,
      hireDate: "2027-02-01",
      department: "Finance",
      weeklyWorkingHours: 38.5,
      supervisorId: 12,
      customAttributes: { dynamic_7: "German" },
    });
    expect(toSentValues(config, core, extra)).toEqual({
      ...core,
      hireDate: "2027-02-01",
      department: "Finance",
      weeklyWorkingHours: "38,5",
      supervisor: "12",
      dynamic_7: "German",
    });
  });

  it("the default config sends the chosen fields that have a value, and nothing empty", () => {
    expect(
      toPersonioInput(DEFAULT_FIELD_CONFIG, core, {
        position: "Engineer",
        office: "Berlin",
        hireDate: "",
        subcompany: "ACME GmbH",
      }),
    ).toEqual({ ...core, position: "Engineer", office: "Berlin" });
  });

  it("reads stored sent values leniently: older rows with an empty job title, broken JSON", () => {
    expect(parseSentValues(JSON.stringify({ ...core, position: "" }))).toEqual(core);
    expect(parseSentValues("[")).toEqual({});
    expect(parseSentValues(null)).toEqual({});
  });
});
