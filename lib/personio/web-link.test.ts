import { describe, expect, it } from "vitest";

import { personioEmployeeUrl } from "./web-link";

describe("personioEmployeeUrl", () => {
  it("builds Personio's legacy and new-domain staff links", () => {
    expect(personioEmployeeUrl({ subdomain: "acme", employeeId: 123 })).toBe(
      "https://acme.personio.de/staff/details/123",
    );
    expect(
      personioEmployeeUrl({ webBaseUrl: "https://{subdomain}.app.personio.com/", subdomain: "Acme", employeeId: "9" }),
    ).toBe("https://acme.app.personio.com/staff/details/9");
  });

  it("links to the sandbox's own page in demo mode", () => {
    expect(personioEmployeeUrl({ webBaseUrl: "http://127.0.0.1:4010", employeeId: 1001 })).toBe(
      "http://127.0.0.1:4010/staff/details/1001",
    );
  });

  it("refuses a subdomain that could change the host", () => {
    expect(() => personioEmployeeUrl({ subdomain: "evil.com/x", employeeId: 1 })).toThrow();
    expect(() => personioEmployeeUrl({ subdomain: "", employeeId: 1 })).toThrow();
  });
});
