import { beforeEach, describe, expect, it, vi } from "vitest";

import type { OptionsLoad, PersonioOptionLists } from "@/lib/personio/integration/options";

import type { FieldConfig } from "./config";

const options = vi.hoisted(() => ({
  get: vi.fn<() => Promise<OptionsLoad>>(),
  refresh: vi.fn<() => Promise<OptionsLoad>>(),
}));

vi.mock("@/lib/personio/integration/options", () => ({
  getPersonioOptions: options.get,
  refreshPersonioOptions: options.refresh,
}));

const { checkFieldValues } = await import("./server");

function lists(overrides: Partial<PersonioOptionLists> = {}): PersonioOptionLists {
  return {
    fetchedAt: "2026-12-01T00:00:00.000Z",
    noRead: false,
    readable: ["first_name", "last_name", "department", "office", "subcompany"],
    attributes: [],
    department: ["Engineering"],
    office: ["Berlin"],
    subcompany: ["ACME GmbH"],
    supervisor: [],
    ids: { department: { Engineering: "281522" }, office: { Berlin: "131014" }, subcompany: { "ACME GmbH": "7033" } },
    apiVersion: "v2",
    truncated: false,
    ...overrides,
  };
}

const cached = (value: PersonioOptionLists): OptionsLoad => ({ ok: true, lists: value, fromCache: true });
const read = (value: PersonioOptionLists): OptionsLoad => ({ ok: true, lists: value, fromCache: false });

const config: FieldConfig = {
  fields: [
    { key: "department", source: "department" },
    { key: "office", source: "office" },
    { key: "subcompany", source: "none" },
  ],
};

beforeEach(() => {
  options.get.mockReset();
  options.refresh.mockReset();
});

describe("the fields check before a v2 send: every department, office and legal entity sent has Personio's id", () => {
  it("names with ids in the cached lists pass without reading Personio", async () => {
    options.get.mockResolvedValue(cached(lists()));
    await expect(
      checkFieldValues(config, { department: "Engineering", office: "Berlin", subcompany: "ACME GmbH" }),
    ).resolves.toBeNull();
    expect(options.refresh).not.toHaveBeenCalled();
  });

  it("a name the cached lists lack is read once more; found then, it passes", async () => {
    options.get.mockResolvedValue(cached(lists()));
    options.refresh.mockResolvedValue(
      read(lists({ office: ["Berlin", "Lisbon"], ids: { ...lists().ids!, office: { Berlin: "1", Lisbon: "2" } } })),
    );
    await expect(checkFieldValues(config, { office: "Lisbon" })).resolves.toBeNull();
    expect(options.refresh).toHaveBeenCalledTimes(1);
  });

  it("a name still missing after that one read is refused as unknown_option", async () => {
    options.get.mockResolvedValue(cached(lists()));
    options.refresh.mockResolvedValue(read(lists()));
    await expect(checkFieldValues(config, { office: "Lisbon" })).resolves.toEqual({
      code: "unknown_option",
      field: "office",
    });
    expect(options.refresh).toHaveBeenCalledTimes(1);
  });

  it("a listed name without an id (a v1 string value) is refused with v2, after one more read", async () => {
    const withoutId = lists({ ids: { department: {}, office: { Berlin: "131014" }, subcompany: {} } });
    options.get.mockResolvedValue(cached(withoutId));
    options.refresh.mockResolvedValue(read(withoutId));
    await expect(checkFieldValues(config, { department: "Engineering" })).resolves.toEqual({
      code: "unknown_option",
      field: "department",
    });
    expect(options.refresh).toHaveBeenCalledTimes(1);
  });

  it("lists read just now are not read again", async () => {
    options.get.mockResolvedValue(read(lists()));
    await expect(checkFieldValues(config, { office: "Lisbon" })).resolves.toEqual({
      code: "unknown_option",
      field: "office",
    });
    expect(options.refresh).not.toHaveBeenCalled();
  });

  it("with v1 nothing changes: names are sent as names, an unknown one is refused from the cache", async () => {
    const v1 = lists({ apiVersion: "v1", ids: { department: {}, office: {}, subcompany: {} } });
    options.get.mockResolvedValue(cached(v1));
    await expect(checkFieldValues(config, { department: "Engineering" })).resolves.toBeNull();
    await expect(checkFieldValues(config, { office: "Lisbon" })).resolves.toEqual({
      code: "unknown_option",
      field: "office",
    });
    expect(options.refresh).not.toHaveBeenCalled();
  });
});
