import { describe, expect, it } from "vitest";

import type { PersonioOptionLists } from "@/lib/personio/integration/options";

import {
  ALL_SOURCES,
  foldAtsValue,
  isMappableField,
  mapAtsValue,
  personioValuesFor,
  type MappingLookup,
} from "./values";

const mapping = (source: string, fieldKey: string, atsValue: string, personioValue: string): MappingLookup => ({
  source,
  fieldKey,
  atsValueKey: foldAtsValue(atsValue),
  personioValue,
});

describe("value mappings", () => {
  const mappings = [
    mapping(ALL_SOURCES, "department", "Engineering", "Engineering (all)"),
    mapping("greenhouse", "department", "Engineering", "Product Engineering"),
    mapping("greenhouse", "office", "Berlin HQ", "Berlin"),
  ];

  it("a source's own mapping wins over the one for every source", () => {
    expect(mapAtsValue(mappings, { source: "greenhouse", fieldKey: "department", atsValue: "Engineering" })).toBe(
      "Product Engineering",
    );
    expect(mapAtsValue(mappings, { source: "workable", fieldKey: "department", atsValue: "Engineering" })).toBe(
      "Engineering (all)",
    );
    expect(mapAtsValue(mappings, { source: null, fieldKey: "department", atsValue: "Engineering" })).toBe(
      "Engineering (all)",
    );
  });

  it("matches the ATS value whatever its case and spacing, within its own field only", () => {
    expect(mapAtsValue(mappings, { source: "greenhouse", fieldKey: "office", atsValue: "  berlin   hq " })).toBe(
      "Berlin",
    );
    expect(mapAtsValue(mappings, { source: "greenhouse", fieldKey: "department", atsValue: "Berlin HQ" })).toBeNull();
    expect(mapAtsValue(mappings, { source: "greenhouse", fieldKey: "office", atsValue: "" })).toBeNull();
    expect(mapAtsValue(mappings, { source: "workable", fieldKey: "office", atsValue: "Berlin HQ" })).toBeNull();
  });

  it("takes names only: org units, the position and custom attributes, not dates, hours or the supervisor's id", () => {
    for (const key of ["department", "office", "subcompany", "position", "dynamic_1170389"])
      expect(isMappableField(key)).toBe(true);
    for (const key of ["hireDate", "weeklyWorkingHours", "supervisor", "gender", "firstName", "dynamic_x"])
      expect(isMappableField(key)).toBe(false);
  });

  it("knows Personio's values for list fields, and none to check for free text", () => {
    const lists = {
      department: ["Product Engineering"],
      office: ["Berlin"],
      subcompany: [],
      attributes: [
        { key: "dynamic_1", label: "Team", type: "list", options: ["Core"] },
        { key: "dynamic_2", label: "Note", type: "text", options: [] },
      ],
    } as unknown as PersonioOptionLists;
    expect(personioValuesFor("office", lists)).toEqual(["Berlin"]);
    expect(personioValuesFor("subcompany", lists)).toEqual([]);
    expect(personioValuesFor("dynamic_1", lists)).toEqual(["Core"]);
    expect(personioValuesFor("dynamic_2", lists)).toBeNull();
    expect(personioValuesFor("position", lists)).toBeNull();
  });
});
